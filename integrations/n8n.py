"""The n8n webhook client: posts one WhatsApp message, signed, and classifies the answer.

2xx → delivered; 408, 429, 5xx, timeouts and connection errors or resets → retryable (n8n may
have received it: the `Idempotency-Key` lets the workflow drop the repeat); any other answer →
permanent. A refusal carries Meta's error code when WhatsApp gave one (`{"error": {"code"}}`).
Details never carry the URL, the body or a phone number: they end up in logs.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from uuid import UUID

import httpx
from pydantic import AwareDatetime, BaseModel, ConfigDict, model_validator

from config.settings import Settings
from domain.delivery import SendResult
from domain.vocabulary import MessageKind, SentAs
from integrations.webhook_signature import signature_headers

RETRYABLE_STATUS = frozenset({408, 429})
MAX_ANSWER_BYTES = 64 * 1024  # an n8n answer is a small JSON: more is not read


class WhatsAppPayload(BaseModel):
    """The JSON body n8n receives; `whatsapp_id` exactly as the client's WhatsApp sent it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    message_id: UUID
    tenant_id: UUID
    client_id: UUID
    client_name: str
    phone: str
    whatsapp_id: str | None
    channel: Literal["whatsapp"] = "whatsapp"
    kind: MessageKind
    created_at: AwareDatetime
    # Free text inside the client's 24 h window, else the template (`marketing`: a MARKETING
    # template, which n8n sends through Meta's marketing messages route).
    send_as: SentAs
    text: str | None = None
    template: TemplatePayload | None = None
    marketing: bool = False
    # The salon's own WhatsApp number at Meta (None: the workflow's map of salons to numbers).
    phone_number_id: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> WhatsAppPayload:
        if (self.send_as == "text") != (self.text is not None) or (self.send_as == "template") != (
            self.template is not None
        ):
            raise ValueError("a message carries either its text or its template")
        return self


class TemplatePayload(BaseModel):
    """A template message as the WhatsApp Cloud API takes it (`language` is the code)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    language: str
    category: Literal["MARKETING", "UTILITY"]
    components: list[dict[str, Any]]


@dataclass(frozen=True)
class Signing:
    """How one request is signed and authenticated: a salon's own n8n gets the salon's secret
    and token, never the deployment's (kept out of reprs: tracebacks, logs)."""

    secret: str = field(repr=False)
    auth: dict[str, str] = field(repr=False)


@dataclass(frozen=True)
class SendOutcome:
    result: SendResult
    detail: str
    error_code: int | None = None  # Meta's, when WhatsApp refused the message
    refused: bool = False  # WhatsApp refused it (the workflow's `whatsapp_failed`), not n8n
    # WhatsApp's id of the accepted message (wamid): a later `failed` status names it.
    whatsapp_message_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.result is SendResult.DELIVERED


def classify_status(status_code: int) -> SendResult:
    if 200 <= status_code < 300:
        return SendResult.DELIVERED
    if status_code in RETRYABLE_STATUS or status_code >= 500:
        return SendResult.RETRYABLE
    return SendResult.PERMANENT


def whatsapp_refusal(response: httpx.Response) -> tuple[int | None, bool]:
    """Meta's error code and whether WhatsApp refused the message, from the workflow's answer
    `{"status": "whatsapp_failed", "error": {"code": 131047, …}}`."""
    try:
        body = response.json()
    except ValueError:
        return None, False
    if not isinstance(body, dict):
        return None, False
    refused = body.get("status") == "whatsapp_failed"
    error = body.get("error")
    code = error.get("code") if isinstance(error, dict) else None
    return (code if isinstance(code, int) and not isinstance(code, bool) else None), refused


MAX_WHATSAPP_ID = 200


def accepted_whatsapp_id(answer: bytes) -> str | None:
    """WhatsApp's id of the message the workflow sent, from `{"whatsapp_message_id": …}` (a
    repeat, or an older workflow, has none)."""
    try:
        body = json.loads(answer)
    except ValueError:
        return None
    found = body.get("whatsapp_message_id") if isinstance(body, dict) else None
    if isinstance(found, str) and 0 < len(found) <= MAX_WHATSAPP_ID:
        return found
    return None


def meta_error_code(response: httpx.Response) -> int | None:
    return whatsapp_refusal(response)[0]


class N8nClient:
    """One pooled HTTP client for the sender's lifetime; `close()` it when done."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock_s: Callable[[], float] = time.time,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._secret = settings.n8n_webhook_secret.get_secret_value()
        token = settings.n8n_auth_token.get_secret_value()
        self._auth_header = settings.n8n_auth_header
        self._auth = {settings.n8n_auth_header: token} if token else {}
        # The signature's timestamp is checked against n8n's wall clock, not the sender's.
        self._clock_s = clock_s
        self._deadline_s = settings.sender_timeout_s
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.sender_timeout_s),
            limits=httpx.Limits(max_connections=settings.sender_concurrency),
            follow_redirects=False,
            transport=transport,
        )

    def headers_for(
        self, message_id: str, body: bytes, signing: Signing | None = None
    ) -> dict[str, str]:
        secret, auth = (
            (self._secret, self._auth) if signing is None else (signing.secret, signing.auth)
        )
        return {
            "Content-Type": "application/json",
            "Idempotency-Key": message_id,
            **auth,
            **signature_headers(
                secret, msg_id=message_id, timestamp=int(self._clock_s()), body=body
            ),
        }

    def salon_signing(self, secret: str, token: str | None) -> Signing:
        """A salon's own n8n: its secret, and its token under the deployment's header name."""
        return Signing(secret, {self._auth_header: token} if token else {})

    async def send(
        self,
        payload: WhatsAppPayload,
        *,
        url: str,
        signing: Signing | None = None,
        key: str | None = None,
    ) -> SendOutcome:
        """`signing` None: the deployment's n8n (its secret and token); `key` the
        Idempotency-Key (the message id unless the message is sent again after WhatsApp failed
        an accepted attempt)."""
        body = payload.model_dump_json().encode()
        headers = self.headers_for(key or str(payload.message_id), body, signing)
        try:
            # One deadline for the whole request (a salon's n8n that drips its answer holds a
            # sending slot no longer than a silent one), and at most MAX_ANSWER_BYTES read.
            status_code, answer = await asyncio.wait_for(
                self._post(url, body, headers), timeout=self._deadline_s
            )
        except (TimeoutError, httpx.TimeoutException):
            return SendOutcome(SendResult.RETRYABLE, "timeout")
        except (httpx.UnsupportedProtocol, httpx.InvalidURL):
            return SendOutcome(SendResult.PERMANENT, "invalid webhook url")
        except httpx.TransportError as error:
            return SendOutcome(SendResult.RETRYABLE, f"connection error ({type(error).__name__})")
        result = classify_status(status_code)
        if result is SendResult.DELIVERED:
            return SendOutcome(
                result, f"http {status_code}", whatsapp_message_id=accepted_whatsapp_id(answer)
            )
        code, refused = whatsapp_refusal(httpx.Response(status_code, content=answer))
        detail = f"http {status_code}" + (f", WhatsApp {code}" if code else "")
        return SendOutcome(result, detail, code, refused)

    async def _post(self, url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        async with self._http.stream("POST", url, content=body, headers=headers) as response:
            answer = b""
            async for chunk in response.aiter_bytes():
                answer += chunk
                if len(answer) >= MAX_ANSWER_BYTES:
                    break
            return response.status_code, answer[:MAX_ANSWER_BYTES]

    async def close(self) -> None:
        await self._http.aclose()
