"""The React kit as a customer's developer installs it: `npm pack`, then a fresh Vite React app.

The app is clients/react/examples/vite-app (create-vite's react-ts template: React 19, Vite 8,
TypeScript 7), copied to a temporary folder; the packed tarball and the app's packages come from
the npm registry (or npm's cache), then `npm run build` type-checks (`tsc -b`) and bundles it.
Skipped, with the reason, without Node.js or the kit's node_modules (`scripts/test` installs them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from scripts import client_kit

EXAMPLE = client_kit.KIT / "examples" / "vite-app"
# npm install of a small app, with most packages in npm's cache: well under a minute.
NPM_TIMEOUT_S = 240


def missing() -> str | None:
    if problem := client_kit.node_problem():
        return problem
    if not (client_kit.KIT / "node_modules" / "typescript").is_dir():
        return "the React kit's node_modules are not installed (npm ci in clients/react)"
    return None


pytestmark = pytest.mark.skipif(missing() is not None, reason=f"kit package skipped: {missing()}")


def run(command: list[str], cwd: Path) -> str:
    result = subprocess.run(
        command,
        cwd=cwd,
        env=client_kit.node_env(),
        capture_output=True,
        text=True,
        timeout=NPM_TIMEOUT_S,
    )
    output = result.stdout[-4000:] + result.stderr[-4000:]
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output}"
    return output


@pytest.fixture(scope="module")
def tarball(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert client_kit.ensure_node() == 0
    return client_kit.pack(tmp_path_factory.mktemp("pack"))


def test_tarball_holds_the_built_library_only(tarball: Path) -> None:
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
        manifest_file = archive.extractfile("package/package.json")
        assert manifest_file is not None
        manifest = json.load(manifest_file)
    assert {"package/dist/lib/index.js", "package/dist/lib/index.d.ts"} <= set(names)
    # No console, sources or tests: the library, its README and its manifest.
    outside_lib = sorted(n for n in names if not n.startswith("package/dist/lib/"))
    assert outside_lib == ["package/README.md", "package/package.json"]
    assert manifest["exports"]["."] == {
        "types": "./dist/lib/index.d.ts",
        "import": "./dist/lib/index.js",
    }


def test_fresh_vite_app_type_checks_and_builds_on_the_packed_kit(
    tarball: Path, tmp_path: Path
) -> None:
    app = tmp_path / "app"
    shutil.copytree(EXAMPLE, app, ignore=shutil.ignore_patterns("node_modules", "dist"))
    run(["npm", "install", "--prefer-offline", "--no-audit", "--no-fund", str(tarball)], app)
    installed = app / "node_modules" / "@agenda-cheia" / "react"
    assert (installed / "dist" / "lib" / "index.d.ts").is_file()

    run(["npm", "run", "build"], app)  # tsc -b (src/typeChecks.ts included), then vite build

    bundle = "".join(path.read_text() for path in (app / "dist" / "assets").glob("*.js"))
    assert "/api/v1/sync/pending-auth-requests" in bundle  # the kit's client is in the app
