"""Errors of the actor layer: simple arguments, so they cross Ray intact."""

from __future__ import annotations


class TenantUnavailableError(Exception):
    """The salon's actor is dead, restarting, retiring or not answering in time."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[type[TenantUnavailableError], tuple[str]]:
        return (type(self), (self.message,))


class SalonMovedError(TenantUnavailableError):
    """The salon was activated by another actor since this one loaded it: this agenda stores
    nothing more and is dropped; the caller's retry activates the salon again where it is sent."""

    def __reduce__(self) -> tuple[type[SalonMovedError], tuple[str]]:
        return (type(self), (self.message,))


class StaleActorError(Exception):
    """The actor runs another release than the caller expected; it ran nothing. The caller
    retires it (when the caller's release is the deployed one) or calls again without a check."""

    def __init__(self, running: str) -> None:
        super().__init__(f"actor runs release {running}")
        self.running = running

    def __reduce__(self) -> tuple[type[StaleActorError], tuple[str]]:
        return (type(self), (self.running,))
