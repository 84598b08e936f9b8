"""Write the back end's OpenAPI document and the live socket's JSON Schema (for the React kit).

`clients/react/scripts/generate-types.mjs` turns them into TypeScript; `scripts/test` checks that
the committed types match what this prints.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from config.settings import Environment, Settings
from deployments.api import create_api
from domain.socket_frames import SOCKET_MESSAGE_ADAPTER


def openapi_document() -> dict[str, Any]:
    # Only the routes' shapes are read: the app is never started, the secret never used.
    settings = Settings(environment=Environment.DEVELOPMENT, jwt_secret=SecretStr("x" * 32))
    return create_api(settings).openapi()


def socket_schema() -> dict[str, Any]:
    schema = SOCKET_MESSAGE_ADAPTER.json_schema(mode="serialization")
    return {"title": "SocketMessage", **schema}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, document in (("openapi.json", openapi_document()), ("socket.json", socket_schema())):
        (args.out / name).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
        print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
