"""A salon's own WhatsApp channel, pure: its number at Meta, its own n8n URL (only https, only on
the hosts the deployment allows: no request to an address taken from tenant data), whether it has
its own signing secret and token (they are never shown), and its daily budget of clients reached
by templates (Meta's limits are the portfolio's: one salon's campaign must not use up another's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from pydantic import Field

from domain.models import Value

PHONE_NUMBER_ID = r"^[0-9]{5,30}$"
MAX_DAILY_QUOTA = 1_000_000


class SalonChannel(Value):
    """The channel as anyone may see it: secrets only as whether they are set."""

    phone_number_id: str | None = Field(default=None, pattern=PHONE_NUMBER_ID)
    n8n_url: str | None = None
    has_webhook_secret: bool = False
    has_auth_token: bool = False
    daily_quota: int | None = Field(default=None, ge=1, le=MAX_DAILY_QUOTA)


def budget_in_force(daily_quota: int | None, default_quota: int) -> int:
    """Clients a salon's templates may reach per rolling 24 h: its own `daily_quota`, else the
    deployment's default (`AGENDA_WHATSAPP_DAILY_QUOTA`). The sender holds to it; the channel
    shows it."""
    return daily_quota or default_quota


def url_problem(url: str, allowed_hosts: Sequence[str], *, plain_http: bool = False) -> str | None:
    """Why a salon's n8n URL may not be used, or None. `allowed_hosts`: exact hosts (an address
    only when listed as such), or ".example.com" for the domain and its subdomains; `plain_http`
    (development and tests only) also takes http."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018  a bad port raises here
    except ValueError:
        return "not a URL"
    if parts.scheme != "https" and not (plain_http and parts.scheme == "http"):
        return "must be https"
    if parts.username or parts.password:
        return "must not carry credentials"
    if parts.port not in (None, 443) and not plain_http:
        return "must use https's own port (443)"
    if host in allowed_hosts:
        return None
    if not host or re.fullmatch(r"[0-9.]+|\[.*\]", host) or ":" in host:
        return "must name a host, not an address"
    for allowed in allowed_hosts:
        if host == allowed.lstrip(".") or (allowed.startswith(".") and host.endswith(allowed)):
            return None
    return "its host is not one the deployment allows (AGENDA_OUTBOUND_URL_HOSTS)"
