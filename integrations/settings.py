"""One Settings object (prefix AGENDA_), built inside each process and passed as an argument."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev", "development", "test"}
MIN_SECRET_LENGTH = 32


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Placement(StrEnum):
    """How salons map to Ray actor processes (see actors/directory.py)."""

    PER_TENANT = "per_tenant"
    SHARED = "shared"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AGENDA_", extra="ignore", frozen=True)

    environment: Environment = Environment.PRODUCTION
    database_url: str = "postgresql://postgres@127.0.0.1:5432/agenda"
    redis_url: str = "redis://127.0.0.1:6379/0"
    redis_prefix: str = Field(default="agenda", pattern=r"^[A-Za-z0-9_.:-]+$")
    jwt_secret: SecretStr = SecretStr("")
    jwt_algorithm: str = Field(default="HS256", pattern=r"^(HS256|HS384|HS512)$")
    n8n_webhook_secret: SecretStr = SecretStr("")

    placement: Placement = Placement.PER_TENANT
    tenant_hosts: int = Field(default=4, ge=1, le=1024, description="Ray actors in shared mode")
    ray_namespace: str = "agenda"
    passivate_after_s: float = Field(default=900.0, gt=0)
    upkeep_interval_s: float = Field(default=5.0, gt=0)
    actor_call_timeout_s: float = Field(default=30.0, gt=0)
    event_stream_maxlen: int = Field(default=10_000, ge=10)
    db_pool_max: int = Field(default=10, ge=1)

    @model_validator(mode="after")
    def refuse_placeholder_secrets(self) -> Settings:
        if self.environment == Environment.PRODUCTION:
            for name in ("jwt_secret", "n8n_webhook_secret"):
                value: SecretStr = getattr(self, name)
                secret = value.get_secret_value()
                if secret.lower() in PLACEHOLDER_SECRETS or len(secret) < MIN_SECRET_LENGTH:
                    raise ValueError(
                        f"AGENDA_{name.upper()} must be a real secret of at least "
                        f"{MIN_SECRET_LENGTH} characters outside development"
                    )
        elif not self.jwt_secret.get_secret_value():
            raise ValueError("AGENDA_JWT_SECRET is required")
        return self

    def process_environment(self) -> dict[str, str]:
        """What another process (a Ray worker) needs in its environment to rebuild these."""
        return {
            "AGENDA_ENVIRONMENT": self.environment.value,
            "AGENDA_DATABASE_URL": self.database_url,
            "AGENDA_REDIS_URL": self.redis_url,
            "AGENDA_REDIS_PREFIX": self.redis_prefix,
            "AGENDA_JWT_SECRET": self.jwt_secret.get_secret_value(),
            "AGENDA_N8N_WEBHOOK_SECRET": self.n8n_webhook_secret.get_secret_value(),
        }
