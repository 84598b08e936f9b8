"""One Settings object (prefix AGENDA_), built inside each process and passed as an argument.

One rule decides what reaches another process and how: secrets, server addresses and the
environment's name (`FROM_ENVIRONMENT`) only through the environment of the Ray cluster's
processes; every other
option also as plain values — an actor is created with `settings.for_actor()` and rebuilds
`Settings(**options)` (its environment fills in the rest), and the Serve application accepts the
same names as `args`. So every actor sees its creator's settings, whoever creates it first.
"""

from __future__ import annotations

import json
from datetime import time
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import limits
from pydantic import Field, SecretStr, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from config import webhook_secret
from config.secret_box import valid_key
from domain.salon_channel import MAX_DAILY_QUOTA, url_problem
from domain.salon_settings import (
    MAX_AUTO_COMPLETE_AFTER_H,
    MAX_CHAT_RETENTION_MONTHS,
    MAX_FREQUENCY_CAP_DAYS,
    MAX_HANDOFF_RESUME_H,
    MAX_OFFER_EXPIRY_H,
    MAX_REMINDER_LEAD_H,
    SalonSettings,
)

# Never actor arguments, application args or files: only the processes' environment. Secrets,
# server addresses (a webhook URL may hold a secret path), and `environment`, which relaxes the
# secret checks: a file must not be able to switch a production cluster into development.
FROM_ENVIRONMENT = frozenset(
    {
        "environment",
        "jwt_secret",
        "n8n_webhook_secret",
        "n8n_auth_token",
        "n8n_outbound_url",
        "secrets_key",
        "outbound_url_hosts",
        "gemini_api_key",
        "gemini_base_url",
        "database_url",
        "redis_url",
        "otlp_endpoint",
    }
)
PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev", "development", "test"}
MIN_SECRET_LENGTH = 32
# What the n8n signing secret may be; every refusal repeats it.
WEBHOOK_SECRET_RULE = (
    "AGENDA_N8N_WEBHOOK_SECRET must be a Standard Webhooks secret, `whsec_` + standard base64 of "
    f"the key bytes ({webhook_secret.MIN_KEY_BYTES} to {webhook_secret.MAX_KEY_BYTES} random "
    "bytes outside development; make one with `echo whsec_$(openssl rand -base64 32)`), or, "
    "deprecated, a plain secret whose UTF-8 bytes are the key (outside development at least "
    f"{MIN_SECRET_LENGTH} characters and no placeholder)"
)


def is_real_secret(secret: str) -> bool:
    return secret.lower() not in PLACEHOLDER_SECRETS and len(secret) >= MIN_SECRET_LENGTH


def webhook_secret_problem(secret: str, *, production: bool) -> str | None:
    """Why AGENDA_N8N_WEBHOOK_SECRET is refused, or None. A malformed `whsec_` secret is refused
    everywhere (nothing could be signed with it); an empty one, which no webhook verifies,
    only in production."""
    if webhook_secret.is_standard(secret):
        try:
            key_bytes = len(webhook_secret.signing_key(secret))
        except webhook_secret.MalformedWebhookSecretError:
            return "what follows `whsec_` is not standard base64"
        if production and not (
            webhook_secret.MIN_KEY_BYTES <= key_bytes <= webhook_secret.MAX_KEY_BYTES
        ):
            return f"its key is {key_bytes} bytes long"
    elif production and not is_real_secret(secret):
        return "it is empty, a placeholder or too short"
    return None


def split_list(value: str) -> list[str]:
    """A comma-separated setting's items, stripped, empty ones dropped."""
    return [item.strip() for item in value.split(",") if item.strip()]


def origin_problem(origin: str) -> str | None:
    """Why this is not an exact web origin (scheme://host[:port]), or None."""
    parts = urlsplit(origin)
    if "*" in origin:
        return "wildcards are not allowed: name each origin"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "an origin is http(s)://host[:port]"
    if parts.path or parts.query or parts.fragment or parts.username or parts.password:
        return "an origin has no path, query, fragment or credentials"
    try:
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError:
        return "the port is not a number from 0 to 65535"
    return None


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Placement(StrEnum):
    """How salons map to Ray actor processes (see actors/directory.py)."""

    PER_TENANT = "per_tenant"
    SHARED = "shared"


class Settings(BaseSettings):
    # hide_input_in_errors: a refused setting's message must not quote the secrets beside it.
    model_config = SettingsConfigDict(
        env_prefix="AGENDA_", extra="ignore", frozen=True, hide_input_in_errors=True
    )

    environment: Environment = Environment.PRODUCTION
    database_url: str = "postgresql://postgres@127.0.0.1:5432/agenda"
    redis_url: str = "redis://127.0.0.1:6379/0"
    redis_prefix: str = Field(default="agenda", pattern=r"^[A-Za-z0-9_.:-]+$")
    jwt_secret: SecretStr = SecretStr("")
    jwt_algorithm: str = Field(default="HS256", pattern=r"^(HS256|HS384|HS512)$")
    # Every token must name us as its audience and a known issuer, carry `iat`, and live no
    # longer than this (the customer's own issuer mints with the same values).
    jwt_issuer: str = Field(default="agenda-cheia", min_length=1, max_length=200)
    jwt_audience: str = Field(default="agenda-cheia-api", min_length=1, max_length=200)
    jwt_max_lifetime_s: int = Field(default=7 * 24 * 3600, ge=60, le=90 * 24 * 3600)
    n8n_webhook_secret: SecretStr = SecretStr("")

    placement: Placement = Placement.PER_TENANT
    tenant_hosts: int = Field(default=4, ge=1, le=1024, description="Ray actors in shared mode")
    ray_namespace: str = "agenda"
    passivate_after_s: float = Field(default=900.0, gt=0)
    # Per host process: past this many salons in memory the least recently used idle ones are
    # passivated (a salon of 200 clients is ~0.2 MiB: 5,000 are ~1 GiB).
    max_resident_salons: int = Field(default=5000, ge=1, le=1_000_000)
    upkeep_interval_s: float = Field(default=5.0, gt=0)
    # The release's name, and how often an idle salon host asks which release is deployed
    # (actors/versioning.py reads AGENDA_RELEASE from the environment itself, at import).
    release: str = ""
    release_check_s: float = Field(default=60.0, gt=0)
    actor_call_timeout_s: float = Field(default=30.0, gt=0)
    event_stream_maxlen: int = Field(default=10_000, ge=10)
    socket_ticket_ttl_s: int = Field(default=30, ge=1, le=600)
    db_pool_max: int = Field(default=10, ge=1)

    # Campaigns (Prazo Certo, Encher Agenda) and their scheduler.
    campaign_frequency_cap_days: int = Field(default=7, ge=0, le=MAX_FREQUENCY_CAP_DAYS)
    campaign_days_ahead: int = Field(default=7, ge=1, le=60)
    campaign_offers_per_slot: int = Field(default=3, ge=1, le=50)
    campaign_min_lead_min: int = Field(default=120, ge=0)
    send_window_start: time = time(9, 0)
    send_window_end: time = time(20, 0)
    scheduler_enabled: bool = True
    scheduler_interval_s: float = Field(default=30.0, gt=0)
    scheduler_concurrency: int = Field(default=8, ge=1)
    # Defaults of each salon's own settings (salon_settings; the owner changes them per salon).
    # The send window and the frequency cap above are defaults of the salon's too.
    auto_complete: bool = True
    auto_complete_after_h: int = Field(default=12, ge=0, le=MAX_AUTO_COMPLETE_AFTER_H)
    offer_expiry_h: int = Field(default=24, ge=1, le=MAX_OFFER_EXPIRY_H)
    prazo_certo_discount_pct: int = Field(default=0, ge=0, le=100)
    encher_agenda_discount_pct: int = Field(default=20, ge=0, le=100)
    reminder_lead_h: int = Field(default=24, ge=0, le=MAX_REMINDER_LEAD_H)
    second_reminder_lead_h: int = Field(default=0, ge=0, le=MAX_REMINDER_LEAD_H)
    handoff_resume_h: int = Field(default=12, ge=1, le=MAX_HANDOFF_RESUME_H)
    transcribe_voice: bool = False
    chat_retention_months: int = Field(default=12, ge=1, le=MAX_CHAT_RETENTION_MONTHS)
    # Offers only to clients with an active opt-in (LGPD, WhatsApp's policy): a new salon's default.
    require_marketing_consent: bool = True

    # Each salon's own channel: its n8n signing secret and token are stored encrypted with this
    # key (Fernet, `python -c "from cryptography.fernet import Fernet;print(Fernet.generate_key()
    # .decode())"`); a salon's own n8n URL must be https on one of these hosts (comma-separated;
    # ".example.com" also allows its subdomains). Empty: salons use the deployment's n8n only.
    secrets_key: SecretStr = SecretStr("")
    outbound_url_hosts: str = ""
    # Distinct clients a salon's templates may reach per rolling 24 h when the salon set no budget
    # of its own: Meta's limits belong to the business portfolio the salons share, and 250 is
    # Meta's first tier — no salon's campaign can take more than that from the others.
    whatsapp_daily_quota: int = Field(default=250, ge=1, le=MAX_DAILY_QUOTA)

    # The WhatsApp sender: posts to n8n (empty URL: messages wait in the outbox).
    n8n_outbound_url: str = ""
    n8n_auth_header: str = "X-Agenda-Token"
    n8n_auth_token: SecretStr = SecretStr("")
    sender_enabled: bool = True
    sender_timeout_s: float = Field(default=10.0, gt=0)
    sender_max_attempts: int = Field(default=6, ge=1)
    sender_backoff_base_s: float = Field(default=2.0, gt=0)
    sender_backoff_max_s: float = Field(default=300.0, gt=0)
    sender_batch_size: int = Field(default=100, ge=1)
    sender_concurrency: int = Field(default=16, ge=1)
    sender_lease_s: float = Field(default=120.0, gt=0)
    sender_poll_interval_s: float = Field(default=1.0, gt=0)

    # Rate limits ("<count>/<second|minute|hour>", counted in Redis, shared by replicas) and
    # per-salon caps on each replica; over any: 429 with Retry-After (deployments/rate_limits.py).
    rate_limits_enabled: bool = True
    rate_limit_ip: str = "600/minute"
    rate_limit_salon: str = "1200/minute"
    rate_limit_webhook: str = "600/minute"
    # Proxies in front of the API (comma-separated addresses or networks, e.g. "10.0.0.0/8"): for
    # a request from one, the client address is the last X-Forwarded-For hop not in this list.
    trusted_proxies: str = ""
    # Web apps on other origins that may call the API from a browser (comma-separated, exact
    # origins such as "https://app.example.com"; no wildcard, no path). Empty: none may.
    # Credentials stay off: calls carry the owner's bearer token, never cookies.
    cors_origins: str = ""
    sockets_per_salon: int = Field(default=50, ge=1)
    calls_in_flight_per_salon: int = Field(default=32, ge=1)

    @field_validator("rate_limit_ip", "rate_limit_salon", "rate_limit_webhook")
    @classmethod
    def _a_rate(cls, value: str) -> str:
        try:
            limits.parse(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a rate such as '600/minute'") from None
        return value

    @field_validator("cors_origins", "console_embed_origins")
    @classmethod
    def _exact_origins(cls, value: str, info: ValidationInfo) -> str:
        problems = [
            f"{origin!r}: {problem}"
            for origin in split_list(value)
            if (problem := origin_problem(origin))
        ]
        if problems:
            name = f"AGENDA_{(info.field_name or '').upper()}"
            raise ValueError(f"{name}: " + "; ".join(problems))
        return value

    @property
    def cors_origin_list(self) -> list[str]:
        return split_list(self.cors_origins)

    @property
    def console_embed_origin_list(self) -> list[str]:
        return split_list(self.console_embed_origins)

    # Request traces (OTLP over HTTP) to this collector, e.g. http://otel-collector:4318; empty:
    # no tracing. A share of new traces is kept (a caller's `traceparent` decides for its own).
    otlp_endpoint: str = ""
    otlp_service_name: str = "agenda-cheia"
    otlp_sample_ratio: float = Field(default=1.0, ge=0, le=1)

    # Our processes' log lines (JSON on stderr, kept by Ray; config/logs.py).
    log_level: str = Field(default="INFO", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")

    # The largest request body read (a voice note comes base64 inside the webhook's: ≤ 2 MiB of
    # audio); more is a 413 before anything parses it.
    max_body_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)

    # The owner console's built files; empty: clients/react/dist/console when built.
    console_dir: str = ""
    # Web apps that may frame the console and hand it tokens by postMessage (comma-separated
    # exact origins, docs/console-embed.md). Empty: the console may not be framed at all.
    console_embed_origins: str = ""
    # /docs, /redoc and /openapi.json; unset: on in development and test, off in production.
    api_docs: bool | None = None

    # The chat agent's Gemini; an empty key leaves the Portuguese rule engine answering alone.
    gemini_api_key: SecretStr = SecretStr("")
    # False: the Portuguese rule engine answers alone, even with a key (a switch for on-call).
    gemini_enabled: bool = True
    gemini_model: str = "gemini-2.5-flash"
    gemini_base_url: str = ""  # empty: Google's endpoint; tests point it at a fake on 127.0.0.1
    gemini_timeout_s: float = Field(default=6.0, gt=0, description="per attempt")
    gemini_attempts: int = Field(default=2, ge=1, le=5)
    gemini_initial_delay_s: float = Field(default=0.5, ge=0)

    @model_validator(mode="after")
    def refuse_placeholder_secrets(self) -> Settings:
        production = self.environment == Environment.PRODUCTION
        jwt_secret = self.jwt_secret.get_secret_value()
        if production and not is_real_secret(jwt_secret):
            raise ValueError(
                "AGENDA_JWT_SECRET must be a real secret of at least "
                f"{MIN_SECRET_LENGTH} characters outside development"
            )
        if not jwt_secret:
            raise ValueError("AGENDA_JWT_SECRET is required")
        problem = webhook_secret_problem(
            self.n8n_webhook_secret.get_secret_value(), production=production
        )
        if problem:
            raise ValueError(f"{WEBHOOK_SECRET_RULE}: {problem}")
        key = self.secrets_key.get_secret_value()
        if key and not valid_key(key):
            raise ValueError("AGENDA_SECRETS_KEY must be a Fernet key (urlsafe base64 of 32 bytes)")
        return self

    @property
    def allowed_outbound_hosts(self) -> tuple[str, ...]:
        return tuple(h.strip().lower() for h in self.outbound_url_hosts.split(",") if h.strip())

    def outbound_url_problem(self, url: str) -> str | None:
        """Why a salon's own n8n URL may not be used (http only outside production)."""
        return url_problem(
            url,
            self.allowed_outbound_hosts,
            plain_http=self.environment != Environment.PRODUCTION,
        )

    @model_validator(mode="after")
    def check_salon_defaults(self) -> Settings:
        """The salons' defaults must make sense together (a window that opens before it closes,
        a second reminder nearer than the first): refused at start, not at a salon's first use."""
        self.salon_defaults()
        return self

    @property
    def api_docs_enabled(self) -> bool:
        if self.api_docs is not None:
            return self.api_docs
        return self.environment != Environment.PRODUCTION

    @classmethod
    def plain_fields(cls) -> frozenset[str]:
        """The options that may travel as values (actor arguments, application args)."""
        return frozenset(cls.model_fields) - FROM_ENVIRONMENT

    def for_actor(self) -> dict[str, Any]:
        """The plain options an actor is created with; it rebuilds `Settings(**options)`."""
        return self.model_dump(mode="json", include=set(self.plain_fields()))

    def salon_defaults(self) -> SalonSettings:
        """What a salon uses where its owner chose nothing."""
        return SalonSettings(
            auto_complete=self.auto_complete,
            auto_complete_after_h=self.auto_complete_after_h,
            offer_expiry_h=self.offer_expiry_h,
            send_window_start=self.send_window_start,
            send_window_end=self.send_window_end,
            frequency_cap_days=self.campaign_frequency_cap_days,
            prazo_certo_discount_pct=self.prazo_certo_discount_pct,
            encher_agenda_discount_pct=self.encher_agenda_discount_pct,
            reminder_lead_h=self.reminder_lead_h,
            second_reminder_lead_h=self.second_reminder_lead_h,
            handoff_resume_h=self.handoff_resume_h,
            transcribe_voice=self.transcribe_voice,
            chat_retention_months=self.chat_retention_months,
            require_marketing_consent=self.require_marketing_consent,
        )

    def process_environment(self) -> dict[str, str]:
        """Every setting as the environment of another process (a Ray cluster started by tests
        or a benchmark): what `Settings()` there reads back to these same values."""
        environment = {}
        plain = self.model_dump(mode="json")
        for name in type(self).model_fields:
            secret = getattr(self, name)
            value = secret.get_secret_value() if isinstance(secret, SecretStr) else plain[name]
            if value is None:
                continue
            text = value if isinstance(value, str) else json.dumps(value)
            environment[f"AGENDA_{name.upper()}"] = text
        return environment
