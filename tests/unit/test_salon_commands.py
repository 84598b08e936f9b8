"""Every command has one handler in the salon's table, and it answers the result the command
names; an unknown command is refused before anything runs."""

from __future__ import annotations

import inspect
from typing import Any, get_type_hints
from uuid import uuid4

import pytest

from actors.salon import Salon
from domain import commands
from domain.commands import Command, CreateAuthRequest, ResumeWork, WorkResumed, result_type


def all_command_types() -> list[type[Command[Any]]]:
    """The commands declared in domain/commands.py (not pydantic's parametrised bases)."""
    return [
        value
        for value in vars(commands).values()
        if inspect.isclass(value)
        and issubclass(value, Command)
        and value is not Command
        and "[" not in value.__name__
    ]


def salon() -> Salon:
    # Built without stores: the table is made at construction, nothing connects until a command.
    return Salon(uuid4(), pool=None, stream=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("command_type", all_command_types(), ids=lambda c: c.__name__)
def test_every_command_type_names_its_result(command_type: type[Command[Any]]) -> None:
    assert inspect.isclass(result_type(command_type))


def test_every_command_has_exactly_one_handler() -> None:
    assert set(salon().handlers) == set(all_command_types())


@pytest.mark.parametrize("command_type", all_command_types(), ids=lambda c: c.__name__)
def test_each_handler_answers_the_result_its_command_names(command_type: type[Any]) -> None:
    handler = salon().handlers[command_type]
    hints = get_type_hints(handler)
    assert hints["command"] is command_type
    assert hints["return"] is result_type(command_type)


def test_result_type_reads_the_parametrised_base() -> None:
    assert result_type(ResumeWork) is WorkResumed


async def test_an_object_that_is_no_command_is_refused() -> None:
    with pytest.raises(TypeError, match="no handler for str"):
        await salon().handle("drop_all_tables")  # type: ignore[arg-type]


def test_a_command_without_a_result_type_is_refused() -> None:
    class Loose(Command):  # type: ignore[type-arg]
        pass

    with pytest.raises(TypeError, match="Loose does not name its result"):
        result_type(Loose)
    assert CreateAuthRequest in all_command_types() and Loose not in all_command_types()
