"""Domain errors: simple picklable arguments so they cross Ray actor boundaries intact."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error the domain raises on purpose; `code` is stable for API clients."""

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[type[DomainError], tuple[str]]:
        return (type(self), (self.message,))


class NotFoundError(DomainError):
    """An id that does not exist in this tenant (or belongs to another one)."""

    code = "not_found"


class SlotTakenError(DomainError):
    """The professional already has an appointment overlapping the requested time."""

    code = "slot_taken"


class AlreadyDecidedError(DomainError):
    """An auth request that was already approved or rejected cannot take another decision."""

    code = "already_decided"


class IllegalTransitionError(DomainError):
    """The appointment cannot go from its status to the one asked (e.g. completing a cancelled
    visit), or cannot be moved as it is."""

    code = "illegal_transition"


class AppointmentNotStartedError(DomainError):
    """A visit is marked completed or no-show only once it has started."""

    code = "appointment_not_started"


class OfferClosedError(DomainError):
    """The request was closed by the client's side (declined, expired, withdrawn)."""

    code = "offer_closed"


class SlotPassedError(DomainError):
    """The request's time has passed: it cannot be booked any more."""

    code = "slot_passed"


class OutsideWorkingHoursError(DomainError):
    """The requested time is not inside the professional's working hours."""

    code = "outside_working_hours"


class SalonClosedError(OutsideWorkingHoursError):
    """The requested day is one of the salon's closed days (a holiday)."""

    code = "salon_closed"


class InvalidCommandError(DomainError):
    """A command that is well-formed but refers to things that do not fit together."""

    code = "invalid_command"


class DuplicateCommandError(DomainError):
    """A command id reused for a different command."""

    code = "duplicate_command"


class SalonFileError(DomainError):
    """A salon file that cannot be imported as it is (it would break an invariant)."""

    code = "invalid_salon_file"


class StaleAgendaError(DomainError):
    """Another writer changed the salon's data since its actor loaded it; the actor reloads, and
    the same request again (after a moment) is decided on fresh data."""

    code = "stale_agenda"


class AlreadyAnsweredError(DomainError):
    """A client's message was answered already (a repeat after a restart): nothing is said twice."""

    code = "already_answered"


class TemplateError(InvalidCommandError):
    """A WhatsApp template that cannot be sent as written (unknown values, Meta's rules)."""

    code = "invalid_template"
