"""Regenerate the React kit's TypeScript types from the back end, or check them (`--check`).

Exports the OpenAPI document and the socket's JSON Schema to a temporary directory, then runs
`clients/react/scripts/generate-types.mjs` (needs Node.js and `npm ci` in clients/react).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "clients" / "react"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if committed types are stale")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as schemas:
        subprocess.run(
            [sys.executable, "-m", "scripts.export_schemas", "--out", schemas],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        command = ["node", "scripts/generate-types.mjs", "--schemas", schemas]
        return subprocess.run([*command, *(["--check"] if args.check else [])], cwd=KIT).returncode


if __name__ == "__main__":
    sys.exit(main())
