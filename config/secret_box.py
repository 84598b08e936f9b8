"""Salon secrets at rest: each salon's n8n signing secret and token are stored encrypted with the
deployment's `AGENDA_SECRETS_KEY` (Fernet: AES-128-CBC with HMAC-SHA256), never in clear, and are
decrypted only where a message is signed or checked. No endpoint ever answers one."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

NO_KEY = "AGENDA_SECRETS_KEY is not set: salon secrets cannot be "


class SecretsKeyMissingError(Exception):
    """A salon secret must be stored or read, and the deployment has no key for it."""


class SecretBox:
    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode()) if key else None

    @staticmethod
    def new_key() -> str:
        return Fernet.generate_key().decode()

    def seal(self, secret: str) -> bytes:
        if self._fernet is None:
            raise SecretsKeyMissingError(
                "AGENDA_SECRETS_KEY is not set: salon secrets cannot be stored"
            )
        return self._fernet.encrypt(secret.encode())

    def open(self, sealed: bytes) -> str:
        """The secret; SecretsKeyMissingError when there is no key or it is another key's."""
        if self._fernet is None:
            raise SecretsKeyMissingError(
                "AGENDA_SECRETS_KEY is not set: salon secrets cannot be read"
            )
        try:
            return self._fernet.decrypt(sealed).decode()
        except InvalidToken:
            raise SecretsKeyMissingError(
                "a salon secret was sealed with another AGENDA_SECRETS_KEY"
            ) from None


def valid_key(key: str) -> bool:
    try:
        Fernet(key.encode())
    except ValueError:
        return False
    return True
