"""R9: Gemini failing for a burst of 100 client messages from 20 clients at once (500s, timeouts,
answers that are not JSON or off the schema) through the real google-genai SDK — every message
answered by the Portuguese rules, none lost, and Gemini asked a bounded number of times (one
attempt per message here)."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg

from actors.salon import Salon as SalonActor
from domain.commands import ReceiveMessage
from tests.fakes.gemini import Behaviour, FakeGemini
from tests.integration import test_chat_gemini
from tests.integration.test_chat_gemini import Salon, replies

# The chat desk with the real SDK against the fake Gemini, as the Gemini tests set it up.
gemini = test_chat_gemini.gemini
agenda = test_chat_gemini.agenda

BURST = 100
FAILURES: list[Behaviour] = ["error", "timeout", "not_json", "off_schema"]
CLIENTS = 20


async def test_r9_a_burst_gemini_fails_is_answered_by_the_rules_and_none_is_lost(
    agenda: SalonActor,
    pool: asyncpg.Pool,
    salon: Salon,
    gemini: FakeGemini,
    figure: Callable[[str], None],
) -> None:
    failures = itertools.cycle(FAILURES)
    gemini.plan = lambda _call: next(failures)
    texts = [
        "Quanto custa a barba?",
        "Oi, bom dia!",
        "Vocês abrem sábado?",
        "Quero marcar um corte",
    ]
    messages = [
        ReceiveMessage(
            client_name=f"Cliente {n % CLIENTS}",
            phone=f"+55119{n % CLIENTS:08d}",
            message=texts[n % len(texts)],
            sent_at=datetime.now(UTC),
            external_id=f"wamid.{uuid4().hex}",
        )
        for n in range(BURST)
    ]
    await asyncio.gather(*(agenda.handle(m) for m in messages))
    await agenda.drain()

    answered = await replies(pool, salon[1])
    engines = Counter(reply["engine"] for reply in answered)
    figure(
        f"R9: {BURST} messages from {CLIENTS} clients, Gemini failing every call:"
        f" {len(answered)} answered ({dict(engines)}), {len(gemini.requests)} Gemini calls"
    )
    assert len(answered) == BURST
    assert engines == {"rules": BURST}
    assert len(gemini.requests) <= BURST  # one attempt each (attempts=1), never a retry storm
    stored = await pool.fetchval(
        "SELECT count(*) FROM chat_message WHERE tenant_id = $1 AND direction = 'inbound'",
        salon[1].tenant,
    )
    assert stored == BURST
