"""`agenda actors`: the detached actors of a deployment and the release each runs.

    agenda actors [--address auto] [--namespace agenda] [--retire-outdated]

Lists the deployed release (what the last `serve deploy` published) and, for the scheduler, the
sender and every salon host, the release it runs: `current`, `outdated` or `no answer`. After a
deploy the scheduler and sender are replaced when the new replicas start and each salon host when
it is next called or within `AGENDA_RELEASE_CHECK_S`; `--retire-outdated` retires the outdated
salon hosts now (their salons come back on their next command, on the new release).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from typing import Any

import ray

from actors.scheduler_actor import SCHEDULER_NAME
from actors.sender_actor import ACTOR_NAME as SENDER_NAME
from actors.versioning import published_release, replace

HOST_PREFIXES = ("tenant:", "tenant-host:")
ANSWER_S = 10.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="agenda actors", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--address", default=os.environ.get("RAY_ADDRESS", "auto"))
    parser.add_argument("--namespace", default=os.environ.get("AGENDA_RAY_NAMESPACE", "agenda"))
    parser.add_argument(
        "--retire-outdated", action="store_true", help="retire salon hosts of an older release"
    )
    return parser.parse_args(argv)


def ours(name: str) -> bool:
    return name in (SCHEDULER_NAME, SENDER_NAME) or name.startswith(HOST_PREFIXES)


async def release_of(handle: Any) -> str | None:
    try:
        return str(await asyncio.wait_for(handle.version.remote(), ANSWER_S))
    except Exception:  # dead, restarting, or of a release from before versions: no answer
        return None


async def survey(namespace: str, retire: bool) -> int:
    published = published_release(namespace)
    print(f"deployed release: {published or '(none published: nothing is retired)'}")
    names = sorted(
        a["name"]
        for a in ray.util.list_named_actors(all_namespaces=True)
        if a["namespace"] == namespace and ours(a["name"])
    )
    handles = {name: ray.get_actor(name, namespace=namespace) for name in names}
    releases = await asyncio.gather(*(release_of(h) for h in handles.values()))
    outdated = 0
    for name, release in zip(names, releases, strict=True):
        state = "no answer" if release is None else "current"
        if release is not None and published is not None and release != published:
            state, outdated = "outdated", outdated + 1
        print(f"{name:<52} {release or '-':<36} {state}")
        if retire and state == "outdated" and name.startswith(HOST_PREFIXES):
            # Made again by its next caller, not here: this process may run other code.
            await replace(name, namespace, handles[name], release or "", lambda: None)
            print(f"{name:<52} retired")
    print(f"{len(names)} actor(s), {outdated} outdated")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ray.init(address=args.address, namespace=args.namespace, log_to_driver=False)
    try:
        return asyncio.run(survey(args.namespace, args.retire_outdated))
    finally:
        ray.shutdown()


if __name__ == "__main__":
    sys.exit(main())
