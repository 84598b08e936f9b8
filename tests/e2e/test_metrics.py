"""Our metrics reach the node's Prometheus endpoint as docs/observability/ plots them: with Ray's
`ray_` prefix, `_total` on counters, gauges as they are (the rule tests/unit/test_observability.py
checks the dashboard and the alerts by)."""

from __future__ import annotations

import asyncio
import time

import httpx
import ray
from websockets.asyncio.client import connect

from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import until

# Ray reports application metrics to its agent every few seconds (10 s by default).
SCRAPE_FOR_S = 40.0
EXPECTED = ("ray_agenda_open_sockets", "ray_agenda_chat_messages_total")


async def scraped_names(port: int) -> set[str]:
    async with httpx.AsyncClient(timeout=10) as client:
        text = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
    return {line.split("{")[0].split(" ")[0] for line in text.splitlines() if line[:1] != "#"}


async def test_our_counters_and_gauges_are_exported_with_rays_names(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    ports = [n["MetricsExportPort"] for n in ray.nodes() if n["Alive"]]
    async with connect(live_salon.ws()) as ws:  # a socket open: the live replica's gauge
        await until(ws, "sync_started")
        raw, headers = signed(live_salon.api, whatsapp(live_salon, "Oi, tudo bem?"))
        accepted = await http.post(WEBHOOK, content=raw, headers=headers)
        await until(ws, "ai_response")  # an answered message: the host's counter
        names: set[str] = set()
        deadline = time.monotonic() + SCRAPE_FOR_S
        while not set(EXPECTED) <= names and time.monotonic() < deadline:
            await asyncio.sleep(2)
            for port in ports:
                names |= await scraped_names(port)
    assert accepted.status_code == 202, accepted.text
    assert set(EXPECTED) <= names, sorted(n for n in names if "agenda" in n)
    assert not {n for n in names if n.startswith("agenda_")}  # never without Ray's prefix
    assert "ray_serve_num_http_requests_total" in names
