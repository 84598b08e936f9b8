"""Per-salon caps through Serve: one salon's dashboards cannot take every socket of a replica —
past its cap the handshake is refused (429 with Retry-After where the server can say it, else
closed with 1013), while another salon still connects."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AsyncExitStack

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosedError, InvalidStatus

from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import receive_json, until


async def test_a_salons_sockets_are_capped_per_replica(
    live_salon: LiveSalon, other_salon: LiveSalon, figure: Callable[[str], None]
) -> None:
    cap = live_salon.api.settings.sockets_per_salon
    async with AsyncExitStack() as stack:
        for _ in range(cap):
            ws = await stack.enter_async_context(connect(live_salon.ws()))
            await until(ws, "sync_started")
        refused: Exception | None = None
        try:
            async with connect(live_salon.ws()) as extra:
                await receive_json(extra)
        except (InvalidStatus, ConnectionClosedError) as error:
            refused = error
        async with connect(other_salon.ws()) as other:
            started = await until(other, "sync_started")
    how = "429" if isinstance(refused, InvalidStatus) else "a 1013 close"
    figure(f"sockets ({live_salon.api.placement.value}): the {cap + 1}st of a salon got {how}")
    if isinstance(refused, InvalidStatus):
        assert refused.response.status_code == 429
        assert refused.response.headers["retry-after"] == "1"
    else:
        assert isinstance(refused, ConnectionClosedError), "the socket past the cap was accepted"
        assert refused.rcvd is not None and refused.rcvd.code == 1013
    assert started["event_type"] == "sync_started"
    # Places are given back when sockets close.
    async with connect(live_salon.ws()) as again:
        assert (await until(again, "sync_started"))["event_type"] == "sync_started"
