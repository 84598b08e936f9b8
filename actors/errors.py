"""Errors of the actor layer: simple arguments, so they cross Ray intact."""

from __future__ import annotations


class TenantUnavailableError(Exception):
    """The salon's actor is dead, restarting, retiring or not answering in time."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[type[TenantUnavailableError], tuple[str]]:
        return (type(self), (self.message,))
