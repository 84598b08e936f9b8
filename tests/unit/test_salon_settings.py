"""A salon's own settings over the deployment's defaults: what it chose, what it uses, what is
refused, and what the closed days and the default discounts change (pure)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from pydantic import ValidationError

from config.settings import Environment, Settings
from domain.commands import SetSalonSettings
from domain.errors import InvalidCommandError, SalonClosedError
from domain.free_time import check_slot_open
from domain.models import Offer
from domain.salon_profile import OpeningPeriod, SalonProfile, week_hours_text
from domain.salon_settings import SalonSettings, SettingsChoice, chosen_settings
from tests.unit.domain_factories import NOW, local, make_salon_agenda

DEFAULTS = SalonSettings()
CHRISTMAS = date(2026, 12, 25)


NOTHING = SettingsChoice()


def patch(stored: SettingsChoice = NOTHING, **change: Any) -> tuple[SettingsChoice, SalonSettings]:
    command = SetSalonSettings(choice=SettingsChoice(**change), fields=tuple(change))
    return chosen_settings(stored, command, defaults=DEFAULTS)


def test_a_salon_that_chose_nothing_uses_the_defaults() -> None:
    assert DEFAULTS.with_choice(SettingsChoice()) == DEFAULTS


def test_a_changed_default_reaches_a_salon_that_did_not_choose_it() -> None:
    choice, _ = patch(offer_expiry_h=6)
    later = DEFAULTS.model_copy(update={"frequency_cap_days": 14})
    uses = later.with_choice(choice)
    assert (uses.offer_expiry_h, uses.frequency_cap_days) == (6, 14)


def test_a_patch_changes_only_what_it_names_and_null_goes_back_to_the_default() -> None:
    first, _ = patch(offer_expiry_h=6, encher_agenda_discount_pct=10)
    second, uses = patch(first, encher_agenda_discount_pct=None)
    assert second.chosen() == {"offer_expiry_h": 6}
    assert (uses.offer_expiry_h, uses.encher_agenda_discount_pct) == (6, 20)


def test_replace_states_the_whole_choice() -> None:
    first, _ = patch(offer_expiry_h=6)
    command = SetSalonSettings(choice=SettingsChoice(frequency_cap_days=3), replace=True)
    choice, uses = chosen_settings(first, command, defaults=DEFAULTS)
    assert choice.chosen() == {"frequency_cap_days": 3}
    assert uses.offer_expiry_h == DEFAULTS.offer_expiry_h


def test_choosing_one_end_of_the_send_window_keeps_both() -> None:
    choice, uses = patch(send_window_end=time(18))
    assert choice.chosen() == {"send_window_start": time(9), "send_window_end": time(18)}
    # a default window changed later cannot close it before it opens
    later = DEFAULTS.model_copy(update={"send_window_start": time(19), "send_window_end": time(22)})
    assert later.with_choice(choice).send_window == (time(9), time(18)) == uses.send_window


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"send_window_start": time(21)}, "send_window_start must be before send_window_end"),
        ({"second_reminder_lead_h": 30}, "second_reminder_lead_h must be nearer"),
        ({"reminder_lead_h": 0, "second_reminder_lead_h": 2}, "second_reminder_lead_h must be"),
        ({"closed_days": (CHRISTMAS, CHRISTMAS)}, "closed_days lists a day twice"),
    ],
)
def test_settings_that_do_not_fit_together_are_refused(
    change: dict[str, Any], problem: str
) -> None:
    with pytest.raises(InvalidCommandError, match=problem):
        patch(**change)


def test_default_offers_are_percent_discounts_and_zero_is_none() -> None:
    uses = DEFAULTS.model_copy(update={"prazo_certo_discount_pct": 15})
    assert uses.default_offer("prazo_certo") == Offer(type="percent", value=15)
    assert DEFAULTS.default_offer("prazo_certo") is None
    assert DEFAULTS.default_offer("encher_agenda") == Offer(type="percent", value=20)


def test_reminder_leads_farthest_first_and_none_when_off() -> None:
    _, uses = patch(second_reminder_lead_h=2)
    _, off = patch(reminder_lead_h=0)
    assert (uses.reminder_leads_h(), off.reminder_leads_h()) == ((24, 2), ())


def test_deployment_defaults_that_do_not_fit_together_refuse_to_start() -> None:
    with pytest.raises(ValueError, match="send_window_start must be before"):
        Settings(
            environment=Environment.DEVELOPMENT,
            jwt_secret="x" * 40,  # type: ignore[arg-type]
            send_window_start=time(20),
            send_window_end=time(9),
        )
    development = Settings(environment=Environment.DEVELOPMENT, jwt_secret="x" * 40)  # type: ignore[arg-type]
    # the deployment requires consent from new salons; a salon built without it does not
    assert development.salon_defaults() == DEFAULTS.model_copy(
        update={"require_marketing_consent": True}
    )


# --- closed days ---------------------------------------------------------------------------------
def test_a_closed_day_refuses_a_booking_with_its_own_code() -> None:
    salon = make_salon_agenda()
    with pytest.raises(SalonClosedError, match="closed on 2026-03-10"):
        check_slot_open(
            appointments=(),
            hours=salon.agenda.working_hours,
            professional_id=salon.professional.id,
            starts_at=local(10, 10),
            ends_at=local(10, 11),
            time_zone=salon.agenda.time_zone,
            closed_days=(date(2026, 3, 10),),
        )


def test_a_closed_day_is_busy_for_everyone_all_day() -> None:
    salon = make_salon_agenda()
    salon.agenda.settings = DEFAULTS.model_copy(update={"closed_days": (date(2026, 3, 10),)})
    [closed] = [b for b in salon.agenda.busy() if b.professional_id == salon.professional.id]
    assert (closed.starts_at, closed.ends_at) == (local(10, 0), local(11, 0))
    assert NOW < closed.starts_at


# --- the salon's profile --------------------------------------------------------------------------
def test_a_blank_profile_fact_is_unknown() -> None:
    profile = SalonProfile(address="  ", parking="", about=" Desde 2015. ")
    assert (profile.address, profile.parking, profile.about) == (None, None, "Desde 2015.")


def test_overlapping_opening_periods_are_refused() -> None:
    with pytest.raises(ValidationError, match="overlap on weekday 1"):
        SalonProfile(
            opening_hours=(
                OpeningPeriod(weekday=1, opens=time(9), closes=time(13)),
                OpeningPeriod(weekday=1, opens=time(12), closes=time(18)),
            )
        )
    split = SalonProfile(
        opening_hours=(
            OpeningPeriod(weekday=1, opens=time(14), closes=time(18)),
            OpeningPeriod(weekday=1, opens=time(9), closes=time(12)),
        )
    )
    assert week_hours_text(split.opening_hours or ()) == (
        "segunda, fechado; terça, das 9h às 12h e das 14h às 18h; de quarta a domingo, fechado"
    )


def test_a_cancellation_window_needs_its_policy() -> None:
    with pytest.raises(ValidationError, match="cancellation_window_h needs"):
        SalonProfile(cancellation_window_h=24)


@pytest.mark.parametrize("day", [date(397, 2, 28), date(1999, 12, 31), date(7299, 11, 14)])
def test_a_closed_day_outside_the_calendar_is_refused(day: date) -> None:
    """Found by R7 (schemathesis): such a day was a 500 further on; now a clear 422."""
    with pytest.raises(ValidationError, match="closed day"):
        SettingsChoice(closed_days=(day,))


def test_a_send_window_time_with_an_offset_is_refused() -> None:
    """Found by R7 (schemathesis): "07:08:54-19:45" was compared with a local time (a 500)."""
    with pytest.raises(ValidationError, match="without an offset"):
        SettingsChoice.model_validate({"send_window_start": "07:08:54-19:45"})
