"""Copy serve_config.yaml into rayservice.yaml's `spec.serveConfigV2`, verbatim.

KubeRay deploys the Serve application from that inline string, `serve deploy` from the file: the
two must be the same document. Only the serveConfigV2 block is rewritten; every other line of
rayservice.yaml (its comments included) stays as it is.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SERVE_CONFIG = ROOT / "serve_config.yaml"
RAYSERVICE = ROOT / "rayservice.yaml"
# The block scalar's header line, e.g. `  serveConfigV2: |`.
BLOCK_HEADER = re.compile(r"^(?P<indent> *)serveConfigV2: *\|[+-]?[ \t]*$")


class SyncError(Exception):
    """rayservice.yaml or serve_config.yaml is not in a shape this script can rewrite."""


def find_block(lines: list[str]) -> tuple[int, int, str]:
    """(header line index, index after the block, the header's indent) of serveConfigV2."""
    headers = [(i, m["indent"]) for i, line in enumerate(lines) if (m := BLOCK_HEADER.match(line))]
    if len(headers) != 1:
        raise SyncError(f"expected one `serveConfigV2: |` line, found {len(headers)}")
    start, indent = headers[0]
    end = start + 1
    # The block goes on while lines are blank or indented deeper than its header.
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > len(indent)):
        end += 1
    # Trailing blank lines separate the block from what follows; they are not part of it.
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end, indent


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def render(rayservice_text: str, serve_text: str) -> str:
    """rayservice.yaml's text with serveConfigV2 replaced by `serve_text`, verbatim."""
    serve_lines = serve_text.rstrip("\n").splitlines()
    first = next((line for line in serve_lines if line.strip()), "")
    if not first or first[0].isspace():
        raise SyncError("serve_config.yaml must be non-empty and start at column 0")
    lines = rayservice_text.splitlines()
    start, end, indent = find_block(lines)
    body = [f"{indent}  {line}" if line else "" for line in serve_lines]
    new_lines = [*lines[:start], f"{indent}serveConfigV2: |", *body, *lines[end:]]
    result = "\n".join(new_lines) + "\n"
    if inline_config(result) != serve_text.rstrip("\n") + "\n":
        raise SyncError("the rewritten serveConfigV2 does not read back as serve_config.yaml")
    return result


def inline_config(rayservice_text: str) -> str:
    """The serveConfigV2 string of a RayService manifest."""
    manifest: Any = yaml.safe_load(rayservice_text)
    value = manifest.get("spec", {}).get("serveConfigV2") if isinstance(manifest, dict) else None
    if not isinstance(value, str):
        raise SyncError("rayservice.yaml has no spec.serveConfigV2 string")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.sync_rayservice",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when rayservice.yaml is out of date (for CI)",
    )
    parser.add_argument(
        "--serve-config", type=Path, default=SERVE_CONFIG, help="default: the repository's"
    )
    parser.add_argument(
        "--rayservice", type=Path, default=RAYSERVICE, help="default: the repository's"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    current = args.rayservice.read_text()
    try:
        wanted = render(current, args.serve_config.read_text())
    except SyncError as error:
        print(f"sync_rayservice: {error}", file=sys.stderr)
        return 2
    if wanted == current:
        print(f"{args.rayservice.name}: serveConfigV2 already matches {args.serve_config.name}")
        return 0
    if args.check:
        print(
            f"{args.rayservice.name}: serveConfigV2 differs from {args.serve_config.name};"
            " run `python -m scripts.sync_rayservice`",
            file=sys.stderr,
        )
        return 1
    args.rayservice.write_text(wanted)
    print(f"{args.rayservice.name}: serveConfigV2 rewritten from {args.serve_config.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
