"""A salon's own settings, where the deployment's are only defaults."""

from __future__ import annotations

from pydantic import Field

from domain.models import Value

MAX_AUTO_COMPLETE_AFTER_H = 720
MAX_OFFER_EXPIRY_H = 168


class SalonSettings(Value):
    """Booked appointments that ended `auto_complete_after_h` hours ago become completed, unless
    `auto_complete` is off (the salon's visits are marked by another system). A campaign offer
    not answered `offer_expiry_h` hours after it may leave (or by its time minus the campaign's
    lead, if earlier) expires: its time and client are free again."""

    auto_complete: bool = True
    auto_complete_after_h: int = Field(default=12, ge=0, le=MAX_AUTO_COMPLETE_AFTER_H)
    offer_expiry_h: int = Field(default=24, ge=1, le=MAX_OFFER_EXPIRY_H)
