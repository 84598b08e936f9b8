"""The scheduler actor and the bulk job in the real Ray cluster (shared salon hosts)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import pytest
import ray

from actors.progress import loop_state
from actors.scheduler_actor import ensure_scheduler
from config.settings import Placement
from db.salon_import import import_salon
from tests.e2e.conftest import PLACEMENTS, make_api
from tests.factories import SalonIds, make_recall_salon

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scheduler(serve_port: int, settings: Any, session_tag: str) -> Any:
    api = make_api(Placement.SHARED, serve_port, settings, session_tag)
    assert PLACEMENTS[Placement.SHARED]
    return asyncio.run(ensure_scheduler(api.settings))


async def while_restarting(call: Callable[[], Awaitable[Any]]) -> Any:
    """Call an actor method, waiting (bounded) while Ray restarts the actor after a kill."""
    for _ in range(60):
        try:
            return await call()
        except ray.exceptions.RayActorError:
            await asyncio.sleep(1.0)
    return await call()


async def recall_salons(pool: asyncpg.Pool, count: int) -> list[SalonIds]:
    salons = [make_recall_salon() for _ in range(count)]
    async with pool.acquire() as conn:
        for salon in salons:
            async with conn.transaction():
                await import_salon(conn, salon)
    return [SalonIds(s) for s in salons]


async def runs_and_requests(
    pool: asyncpg.Pool, ids: list[SalonIds], run_key: str
) -> tuple[int, int]:
    tenants = [s.tenant for s in ids]
    async with pool.acquire() as conn:
        runs = await conn.fetchval(
            "SELECT count(*) FROM campaign_run WHERE tenant_id = ANY($1) AND run_key = $2",
            tenants,
            run_key,
        )
        requests = await conn.fetchval(
            "SELECT count(*) FROM auth_request WHERE tenant_id = ANY($1)", tenants
        )
    return int(runs), int(requests)


async def bulk_job(
    session_tag: str, *, campaign: str, tenants: str, job_id: str, dry_run: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run scripts/bulk_campaign.py against the test cluster, as an operator would."""
    command = [
        sys.executable,
        "scripts/bulk_campaign.py",
        "--campaign",
        campaign,
        "--tenants",
        tenants,
        "--job-id",
        job_id,
        "--address",
        ray.get_runtime_context().gcs_address,
        "--namespace",
        session_tag,
        *(["--dry-run"] if dry_run else []),
    ]
    env = os.environ | {"RAY_AUTH_MODE": "token"}  # Ray 2.60: send the cluster's token
    return await asyncio.to_thread(
        subprocess.run, command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


async def test_the_scheduler_reports_its_loop_for_readiness(scheduler: Any) -> None:
    """Its loop is off in tests (steps are driven by hand): a report readiness calls stopped."""
    report = await scheduler.progress.remote()
    assert report["running"] is False
    assert loop_state(report, every_s=30, stall_s=30) == "stopped"


async def test_bulk_job_runs_fifty_salons_once(
    scheduler: Any, pool: asyncpg.Pool, session_tag: str
) -> None:
    ids = await recall_salons(pool, 50)
    tenants = ",".join(str(s.tenant) for s in ids)
    first = await bulk_job(session_tag, campaign="prazo_certo", tenants=tenants, job_id="e2e")
    again = await bulk_job(session_tag, campaign="prazo_certo", tenants=tenants, job_id="e2e")
    assert first.returncode == 0, first.stderr[-2000:]
    assert "[   50/50] salons done" in first.stdout
    assert "50 ok, 0 failed" in first.stdout
    assert again.returncode == 0
    assert again.stdout.count("repeated") == 50
    assert await runs_and_requests(pool, ids, "bulk:prazo_certo:e2e") == (50, 100)


async def test_bulk_dry_run_previews_and_changes_nothing(
    scheduler: Any, pool: asyncpg.Pool, session_tag: str
) -> None:
    ids = await recall_salons(pool, 3)
    result = await bulk_job(
        session_tag,
        campaign="prazo_certo",
        job_id="dry",
        dry_run=True,
        tenants=",".join(str(s.tenant) for s in ids),
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert result.stdout.count("preview") == 3
    assert await runs_and_requests(pool, ids, "bulk:prazo_certo:dry") == (0, 0)


async def test_bulk_job_fails_loudly_on_unknown_salon(scheduler: Any, session_tag: str) -> None:
    result = await bulk_job(
        session_tag,
        campaign="encher_agenda",
        job_id="missing",
        tenants="00000000-0000-0000-0000-000000000001",
    )
    assert result.returncode == 1
    assert "FAILED" in result.stdout


async def test_scheduler_killed_mid_run_runs_each_salon_once(
    scheduler: Any, pool: asyncpg.Pool, session_tag: str
) -> None:
    ids = await recall_salons(pool, 12)
    tenants = [s.tenant for s in ids]
    zone = ZoneInfo("America/Sao_Paulo")
    ten_am = datetime.combine(datetime.now(zone).date(), time(10, 0), zone)
    pending = scheduler.step.remote(ten_am.isoformat(), tenants)
    await asyncio.sleep(0.3)  # some salons done, some running, some waiting (concurrency 8)
    ray.kill(scheduler, no_restart=False)
    await asyncio.gather(pending, return_exceptions=True)
    report: dict[str, Any] = await while_restarting(
        lambda: scheduler.step.remote(ten_am.isoformat(), tenants)
    )
    run_key = f"schedule:prazo_certo:{ten_am.date().isoformat()}"
    assert report["failed"] == {}
    assert await runs_and_requests(pool, ids, run_key) == (12, 24)


async def test_campaign_metrics_reach_the_ray_metrics_endpoint(
    scheduler: Any, pool: asyncpg.Pool
) -> None:
    (salon,) = await recall_salons(pool, 1)
    await while_restarting(
        lambda: scheduler.run_for.remote(str(salon.tenant), "prazo_certo", "metrics", False)
    )
    port = ray.nodes()[0]["MetricsExportPort"]
    found = ""
    async with httpx.AsyncClient(timeout=10) as client:
        for _ in range(60):  # bounded: Ray exports recorded metrics every few seconds
            text = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
            found = "\n".join(
                line for line in text.splitlines() if line.startswith("ray_agenda_campaign_runs")
            )
            if 'campaign="prazo_certo"' in found:
                break
            await asyncio.sleep(2.0)
    assert 'campaign="prazo_certo"' in found
    assert "ray_agenda_campaign_suggestions" in text
