"""mypy checks a caller against the result its command names (`TenantDirectory.send`)."""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[2]
CALLER = """
from uuid import UUID

from actors.directory import TenantDirectory
from domain.commands import {imports}


async def caller(directory: TenantDirectory, tenant_id: UUID) -> None:
    result: {result} = await directory.send(tenant_id, {command})
"""


def mypy_errors(tmp_path: Path, *, result: str, command: str, imports: str) -> list[str]:
    source = tmp_path / "caller.py"
    source.write_text(CALLER.format(result=result, command=command, imports=imports))
    stdout, _stderr, _status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            str(source),
        ]
    )
    return [line for line in stdout.splitlines() if ": error:" in line]


def test_the_result_a_command_names_type_checks(tmp_path: Path) -> None:
    errors = mypy_errors(
        tmp_path, result="WorkResumed", command="ResumeWork()", imports="ResumeWork, WorkResumed"
    )
    assert errors == []


def test_expecting_another_result_is_a_type_error(tmp_path: Path) -> None:
    errors = mypy_errors(
        tmp_path,
        result="CampaignResult",
        command="ResumeWork()",
        imports="CampaignResult, ResumeWork",
    )
    assert len(errors) == 1
    assert '"ResumeWork"; expected "Command[CampaignResult]"' in errors[0]


def test_sending_something_that_is_no_command_is_a_type_error(tmp_path: Path) -> None:
    errors = mypy_errors(
        tmp_path, result="object", command='"decide_auth_request"', imports="Command"
    )
    assert any('incompatible type "str"' in line for line in errors), errors
