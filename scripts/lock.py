"""Compile requirements/*.txt from pyproject.toml: `uv pip compile --universal --generate-hashes`,
one resolution for every Python pyproject.toml accepts, the pins already locked kept where they
still fit. `--check` compiles nothing and exits 1 while a lock disagrees with pyproject.toml.

  scripts/lock                          # after a change to pyproject.toml's dependency lists
  scripts/lock --upgrade-package redis  # move one package (and what it needs) to its newest
  scripts/lock --upgrade                # move everything
  scripts/lock --check                  # offline, as tests/unit/test_lock.py
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet

from scripts.lockfile import LOCKS, LockSpec, Pyproject, inputs_digest, problems_in

ROOT = Path(__file__).resolve().parent.parent


def uv_binary() -> str:
    """The uv of this interpreter's environment (the dev lock installs it), else the PATH's."""
    beside = Path(sys.executable).parent / "uv"
    found = str(beside) if beside.is_file() else shutil.which("uv")
    if found is None:
        raise SystemExit("uv not found: run scripts/up or scripts/test once (they install it)")
    return found


def minimum_python(pyproject: Pyproject) -> str:
    lower = [
        s.version
        for s in SpecifierSet(pyproject["project"]["requires-python"])
        if s.operator == ">="
    ]
    if len(lower) != 1:
        raise SystemExit("requires-python needs one lower bound (>=X.Y)")
    return lower[0]


def header(pyproject: Pyproject, spec: LockSpec) -> str:
    kept = f"\n# It keeps the pins of {spec.constraint} as they are." if spec.constraint else ""
    python = pyproject["project"]["requires-python"]
    return f"""# {spec.purpose}{kept}
# Install: pip install --require-hashes -r {spec.path}
#          pip install --no-deps --no-build-isolation .  (setuptools, the build backend, is here)
# Compiled by `scripts/lock` (uv pip compile --universal --generate-hashes) from pyproject.toml,
# for CPython {python}: markers choose where versions differ. Do not edit: change
# pyproject.toml and run `scripts/lock`. tests/unit/test_lock.py fails while the two disagree.
# pyproject-sha256: {inputs_digest(pyproject, spec.extras)}
"""


def compile_lock(
    pyproject: Pyproject, spec: LockSpec, *, upgrade: bool, packages: list[str]
) -> None:
    """uv writes the pins (reading the old ones from the same file as preferences); the header
    saying what the lock is, and the digest of what it was compiled from, goes on top."""
    path = ROOT / spec.path
    path.parent.mkdir(exist_ok=True)
    command = [uv_binary(), "pip", "compile", "pyproject.toml", "-", "--universal"]
    command += ["--python-version", minimum_python(pyproject), "--generate-hashes"]
    command += ["--no-header", "--quiet", "--output-file", spec.path]
    command += [f"--extra={extra}" for extra in spec.extras]
    command += ["--constraint", spec.constraint] if spec.constraint else []
    command += ["--upgrade"] if upgrade else []
    command += [f"--upgrade-package={name}" for name in packages]
    # The build backend comes in on stdin: pinned too, for --no-build-isolation installs.
    build = "".join(f"{requirement}\n" for requirement in pyproject["build-system"]["requires"])
    print(f"==> {spec.path}")
    subprocess.run(command, cwd=ROOT, input=build, text=True, check=True)
    path.write_text(header(pyproject, spec) + path.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="compile nothing: exit 1 while a lock disagrees"
    )
    parser.add_argument("--upgrade", action="store_true", help="the newest versions allowed")
    parser.add_argument(
        "--upgrade-package", action="append", default=[], metavar="NAME", help="that one only"
    )
    args = parser.parse_args(argv)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    if not args.check:
        for spec in LOCKS:
            compile_lock(pyproject, spec, upgrade=args.upgrade, packages=args.upgrade_package)
    problems = problems_in(ROOT, pyproject)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
