"""The lock files in requirements/: which there are, how to read one, and when one disagrees with
pyproject.toml. Pure functions over texts: `scripts/lock` and tests/unit/test_lock.py use them."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

PROJECT = canonicalize_name("agenda-cheia")
# CPython on Linux x86_64 (the image, EC2): the first and a later patch release of each Python
# pyproject.toml accepts. Every pin must serve each of them; markers choose where versions fork.
TARGET_PYTHONS = ("3.11.0", "3.11.99", "3.12.0", "3.12.99")
STAMP = re.compile(r"^# pyproject-sha256: (?P<digest>[0-9a-f]{64})$", re.MULTILINE)
HASH = re.compile(r"sha256:[0-9a-f]{64}")

Pyproject = dict[str, Any]


@dataclass(frozen=True)
class LockSpec:
    """One lock file: the extras it adds to the runtime, and the lock whose pins it keeps."""

    path: str
    extras: tuple[str, ...]
    constraint: str | None
    purpose: str


RUNTIME = LockSpec(
    "requirements/runtime.txt",
    (),
    None,
    "Production: the Dockerfile's image and every cluster.yaml node install this.",
)
# The runtime first: the others are compiled with its pins as constraints.
LOCKS = (
    RUNTIME,
    LockSpec(
        "requirements/cluster-head.txt",
        ("aws",),
        RUNTIME.path,
        "cluster.yaml's head: the runtime's pins and boto3 for Ray's autoscaler.",
    ),
    LockSpec(
        "requirements/dev.txt",
        ("embedded", "test"),
        RUNTIME.path,
        "scripts/up, scripts/test and CI (.venv): the runtime, the embedded servers, the test"
        " tools.",
    ),
)


@dataclass(frozen=True)
class Pin:
    """`name==version ; marker` with its hashes and uv's `# via` annotations."""

    name: NormalizedName
    version: Version
    marker: Marker | None
    hashes: tuple[str, ...]
    via: tuple[str, ...]

    def applies(self, environment: dict[str, str]) -> bool:
        return self.marker is None or self.marker.evaluate(environment)

    def parents(self) -> set[NormalizedName]:
        """The packages that require this one (not files, not pyproject.toml itself)."""
        return {canonicalize_name(v.split()[0]) for v in self.via if not v.startswith("-")}


@dataclass
class _Entry:
    line: int
    text: str
    hashes: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)


def environment(python_full_version: str) -> dict[str, str]:
    """Marker values of CPython `python_full_version` on Linux x86_64."""
    return {
        "implementation_name": "cpython",
        "implementation_version": python_full_version,
        "os_name": "posix",
        "platform_machine": "x86_64",
        "platform_python_implementation": "CPython",
        "platform_release": "",
        "platform_system": "Linux",
        "platform_version": "",
        "python_full_version": python_full_version,
        "python_version": ".".join(python_full_version.split(".")[:2]),
        "sys_platform": "linux",
        "extra": "",
    }


def _entries(text: str) -> tuple[list[_Entry], list[str]]:
    entries: list[_Entry] = []
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().removesuffix("\\").strip()
        if not line or raw.startswith("#"):
            continue  # blank, or the header
        if not raw[0].isspace():
            entries.append(_Entry(number, line))
        elif not entries:
            problems.append(f"line {number}: indented before any requirement")
        elif line.startswith("--hash="):
            entries[-1].hashes.append(line.removeprefix("--hash="))
        elif line.startswith("# via"):
            if parent := line.removeprefix("# via").strip():  # else listed on the lines below
                entries[-1].via.append(parent)
        elif line.startswith("#"):
            entries[-1].via.append(line.removeprefix("#").strip())
        else:
            problems.append(f"line {number}: unexpected {line!r}")
    return entries, problems


def parse_lock(text: str) -> tuple[list[Pin], list[str]]:
    """The pins of a requirements file as `uv pip compile --generate-hashes` writes it, and the
    problems: a line that is no `name==version` pin, a pin without a well-formed hash."""
    entries, problems = _entries(text)
    pins = []
    for entry in entries:
        where = f"line {entry.line}"
        try:
            requirement = Requirement(entry.text)
        except InvalidRequirement:
            problems.append(f"{where}: not a requirement: {entry.text!r}")
            continue
        specifiers = list(requirement.specifier)
        if requirement.url or len(specifiers) != 1 or specifiers[0].operator != "==":
            problems.append(f"{where}: {requirement.name} is not pinned with ==")
            continue
        if not entry.hashes or not all(HASH.fullmatch(h) for h in entry.hashes):
            problems.append(f"{where}: {requirement.name} has no --hash=sha256:… for its files")
        pins.append(
            Pin(
                canonicalize_name(requirement.name),
                Version(specifiers[0].version),
                requirement.marker,
                tuple(entry.hashes),
                tuple(entry.via),
            )
        )
    return pins, problems


def included_extras(pyproject: Pyproject, extras: Iterable[str]) -> list[str]:
    """`extras` and those they name through `agenda-cheia[…]`, in order."""
    optional: dict[str, list[str]] = pyproject["project"].get("optional-dependencies", {})
    found: list[str] = []
    pending = list(extras)
    while pending:
        extra = pending.pop(0)
        if extra in found:
            continue
        found.append(extra)
        for text in optional.get(extra, []):
            requirement = Requirement(text)
            if canonicalize_name(requirement.name) == PROJECT:
                pending += sorted(requirement.extras)
    return found


def locked_inputs(pyproject: Pyproject, extras: Iterable[str]) -> dict[str, Any]:
    """What a lock is compiled from: Python, the build backend, dependencies, its extras."""
    project = pyproject["project"]
    optional = project.get("optional-dependencies", {})
    return {
        "requires-python": project["requires-python"],
        "build-system": pyproject["build-system"]["requires"],
        "dependencies": project["dependencies"],
        "optional-dependencies": {e: optional.get(e) for e in included_extras(pyproject, extras)},
    }


def inputs_digest(pyproject: Pyproject, extras: Iterable[str]) -> str:
    canonical = json.dumps(locked_inputs(pyproject, extras), sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def requirements_of(pyproject: Pyproject, extras: Iterable[str]) -> list[Requirement]:
    """Every requirement a lock must satisfy, but the project's references to itself."""
    inputs = locked_inputs(pyproject, extras)
    texts = [*inputs["build-system"], *inputs["dependencies"]]
    texts += [t for reqs in inputs["optional-dependencies"].values() for t in reqs or []]
    requirements = [Requirement(t) for t in texts]
    return [r for r in requirements if canonicalize_name(r.name) != PROJECT]


def active_pins(pins: list[Pin], python: str) -> tuple[dict[NormalizedName, Pin], list[str]]:
    """The pins pip installs on `python`, and a problem per name pinned twice there."""
    env = environment(python)
    active: dict[NormalizedName, Pin] = {}
    problems = []
    for pin in (p for p in pins if p.applies(env)):
        if pin.name in active:
            problems.append(f"Python {python}: {pin.name} is pinned twice")
        active[pin.name] = pin
    return active, problems


def requirement_problems(pyproject: Pyproject, spec: LockSpec, pins: list[Pin]) -> list[str]:
    """pyproject's requirements that the lock leaves unpinned, or pins outside their range."""
    problems = []
    for python in TARGET_PYTHONS:
        active, duplicates = active_pins(pins, python)
        problems += duplicates
        for requirement in requirements_of(pyproject, spec.extras):
            if requirement.marker and not requirement.marker.evaluate(environment(python)):
                continue
            pin = active.get(canonicalize_name(requirement.name))
            if pin is None:
                problems.append(f"Python {python}: {requirement.name} is not pinned")
            elif not requirement.specifier.contains(pin.version, prereleases=True):
                problems.append(
                    f"Python {python}: {pin.name}=={pin.version} is outside {requirement}"
                )
    return problems


def foreign_problems(pyproject: Pyproject, spec: LockSpec, pins: list[Pin]) -> list[str]:
    """Pins of what only an extra this lock leaves out asks for: a test tool or an embedded
    server in production. Allowed where a package of this lock requires it (ray: pyyaml)."""
    included = set(included_extras(pyproject, spec.extras))
    optional: dict[str, list[str]] = pyproject["project"].get("optional-dependencies", {})
    foreign = {
        canonicalize_name(Requirement(text).name)
        for extra, texts in optional.items()
        if extra not in included
        for text in texts
    } - {PROJECT}
    names = {pin.name for pin in pins}
    return [
        f"{pin.name} is here for no package of this lock (an extra it leaves out asks for it)"
        for pin in pins
        if pin.name in foreign and not (pin.parents() & names)
    ]


def constraint_problems(constraint: list[Pin], pins: list[Pin]) -> list[str]:
    """The pins of the constraint lock this one does not hold at the same version."""
    problems = []
    for python in TARGET_PYTHONS:
        base, _ = active_pins(constraint, python)
        own, _ = active_pins(pins, python)
        for name, pin in base.items():
            mine = own.get(name)
            if mine is None or mine.version != pin.version:
                held = f"=={mine.version}" if mine else " nothing"
                problems.append(f"Python {python}: {name}=={pin.version} there, here{held}")
    return problems


def lock_problems(
    pyproject: Pyproject, spec: LockSpec, text: str, constraint_text: str | None = None
) -> list[str]:
    """Everything that makes the lock `text` disagree with `pyproject`, each problem once."""
    pins, problems = parse_lock(text)
    stamp = STAMP.search(text)
    if stamp is None or stamp["digest"] != inputs_digest(pyproject, spec.extras):
        problems.append("pyproject.toml changed since this lock was compiled: run scripts/lock")
    problems += requirement_problems(pyproject, spec, pins)
    problems += foreign_problems(pyproject, spec, pins)
    if constraint_text is not None:
        constraint, _ = parse_lock(constraint_text)
        problems += [f"{spec.constraint}: {p}" for p in constraint_problems(constraint, pins)]
    return [f"{spec.path}: {p}" for p in dict.fromkeys(problems)]


def problems_in(root: Path, pyproject: Pyproject) -> list[str]:
    """lock_problems of every lock under `root`, a missing lock being one."""
    problems = []
    for spec in LOCKS:
        path = root / spec.path
        if not path.is_file():
            problems.append(f"{spec.path}: missing: run scripts/lock")
            continue
        base = root / spec.constraint if spec.constraint else None
        constraint = base.read_text() if base and base.is_file() else None
        problems += lock_problems(pyproject, spec, path.read_text(), constraint)
    return problems
