"""The salon actor's approvals part: agents propose bookings, the owner approves or rejects them.

Each command: read what the decision needs → decide (domain/approvals.py) → commit. The
salon's lock is held across the reads' awaits: without it, two approvals of one slot could both
find it free before either commits.
"""

from __future__ import annotations

from functools import partial

from actors.salon_core import SalonCore
from db import auth_requests as auth_request_queries
from db import outbox
from domain import approvals, auth_requests, offers
from domain.commands import (
    AuthRequestCreatedResult,
    CloseStaleRequests,
    CreateAuthRequest,
    DecideAuthRequest,
    DecideAuthRequests,
    DecisionItem,
    DecisionResult,
    DecisionsResult,
    RequestsClosed,
)
from domain.errors import DomainError, NotFoundError
from domain.models import AuthRequest


class Approvals:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def create(self, command: CreateAuthRequest) -> AuthRequestCreatedResult:
        core = self._core
        async with core.lock:
            existing = await core.read(
                partial(
                    auth_request_queries.find_by_command,
                    tenant_id=core.tenant_id,
                    command_id=command.command_id,
                )
            )
            if existing is not None:
                return approvals.repeated_proposal(existing, command)
            outcome = approvals.propose_booking(
                core.agenda, command, request_id=core.new_id(), now=core.now()
            )
            return await core.commit(outcome)

    async def decide(self, command: DecideAuthRequest) -> DecisionResult:
        async with self._core.lock:
            return await self._decide(command)

    async def decide_many(self, command: DecideAuthRequests) -> DecisionsResult:
        """Each decision on its own (its own transaction), in order, all under one hold of the
        lock; a refused one is reported with its code and holds back no other."""
        items = []
        async with self._core.lock:
            for decision in command.decisions:
                try:
                    result = await self._decide(decision)
                except DomainError as refused:
                    items.append(
                        DecisionItem(
                            auth_request_id=decision.request_id,
                            code=refused.code,
                            detail=refused.message,
                        )
                    )
                    continue
                items.append(DecisionItem(auth_request_id=decision.request_id, result=result))
        return DecisionsResult(items=items)

    async def _decide(self, command: DecideAuthRequest) -> DecisionResult:
        """One decision; the caller holds the lock."""
        core = self._core
        request = await self._find(command)
        if auth_requests.repeats_decision(request, command):
            sent = await core.read(
                partial(
                    outbox.notification_sent_for,
                    tenant_id=core.tenant_id,
                    related_id=request.id,
                )
            )
            return approvals.stored_decision(request, command, notification_sent=sent)
        outcome = approvals.decide_request(
            core.agenda, request, command, new_id=core.new_id, now=core.now()
        )
        return await core.commit(outcome)

    async def close_stale(self, command: CloseStaleRequests) -> RequestsClosed:
        """Offers not answered in time expire, requests whose time came close (from memory:
        it holds every pending request)."""
        core = self._core
        async with core.lock:
            return await core.commit(offers.close_stale(core.agenda, core.now()))

    async def _find(self, command: DecideAuthRequest) -> AuthRequest:
        """A pending request from memory; a decided one (a repeat) from PostgreSQL."""
        request = self._core.agenda.pending.get(command.request_id)
        if request is not None:
            return request
        stored = await self._core.read(
            partial(
                auth_request_queries.get_auth_request,
                tenant_id=self._core.tenant_id,
                request_id=command.request_id,
            )
        )
        if stored is None:
            raise NotFoundError(f"auth request {command.request_id} not found")
        return stored
