"""What both campaign agents share: their options, the plan they return, the free time they take
slots from, and who performs what. The agents themselves: domain/prazo_certo.py and
domain/encher_agenda.py; what a run stores: domain/campaign_runs.py.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import Field

from domain.agenda import Agenda
from domain.free_time import STEP_MIN, Busy, Slot, free_gaps, round_up_to_step
from domain.history import ServiceHistory
from domain.models import Offer, Professional, Value, WorkingHours
from domain.recall import DueClient, SkipReason
from domain.vocabulary import CampaignType


class CampaignOptions(Value):
    """How a run plans. A run of a salon's (domain/campaign_runs.py) takes `frequency_cap_days`
    from the salon's settings, and its default discount when `offer` is None and
    `use_default_offer` (False: this run offers no discount)."""

    frequency_cap_days: int = Field(default=7, ge=0)
    days_ahead: int = Field(default=7, ge=1, le=60)
    offers_per_slot: int = Field(default=3, ge=1)
    max_suggestions: int = Field(default=200, ge=1)
    min_lead_min: int = Field(default=120, ge=0)
    service_id: UUID | None = None
    professional_id: UUID | None = None
    offer: Offer | None = None
    use_default_offer: bool = True


class Suggestion(Value):
    client_id: UUID
    service_id: UUID
    professional_id: UUID
    starts_at: datetime
    ends_at: datetime
    offer: Offer | None
    why: str


class Skipped(Value):
    client_id: UUID
    service_id: UUID | None
    reason: SkipReason


class CampaignPlan(Value):
    campaign_type: CampaignType
    total_clients_found: int
    suggestions: list[Suggestion]
    skipped: list[Skipped]

    def skip_counts(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in self.skipped))


_STEP_S = STEP_MIN * 60


@dataclass(frozen=True, slots=True, eq=False)
class _LocalGap:
    """A free gap with what ranking its starts needs: its local weekday and minute of day, and
    whether it stays on one local day at one UTC offset (`plain`: time of day grows with it).
    Compared by identity: `take` removes the very gaps it split."""

    starts_at: datetime
    length_s: float
    weekday: int
    minute: int
    plain: bool

    @classmethod
    def of(cls, gap: Slot, zone: ZoneInfo) -> _LocalGap:
        first = gap.starts_at.astimezone(zone)
        last = (gap.ends_at - timedelta(microseconds=1)).astimezone(zone)
        return cls(
            starts_at=gap.starts_at,
            length_s=(gap.ends_at - gap.starts_at).total_seconds(),
            weekday=first.weekday(),
            minute=first.hour * 60 + first.minute,
            plain=first.date() == last.date() and first.utcoffset() == last.utcoffset(),
        )


class FreeTime:
    """Free stretches per professional over the campaign window; taking a slot splits one."""

    def __init__(
        self,
        *,
        hours: Sequence[WorkingHours],
        busy: Sequence[Busy],
        professionals: Sequence[Professional],
        start: datetime,
        end: datetime,
        time_zone: str,
    ) -> None:
        self._time_zone = time_zone
        self._zone = ZoneInfo(time_zone)
        self._local: dict[UUID, list[_LocalGap]] = {}
        self._grouped: dict[UUID, tuple[dict[int, list[_LocalGap]], list[_LocalGap]]] = {}
        self._gaps: dict[UUID, list[Slot]] = {
            p.id: free_gaps(
                hours=hours,
                busy=busy,
                professional_id=p.id,
                start=start,
                end=end,
                time_zone=time_zone,
            )
            for p in professionals
        }

    @classmethod
    def of(
        cls, agenda: Agenda, professionals: Sequence[Professional], start: datetime, end: datetime
    ) -> FreeTime:
        """The agenda's free time: outside bookings and slots already proposed to someone."""
        return cls(
            hours=agenda.working_hours,
            busy=agenda.busy(),
            professionals=professionals,
            start=start,
            end=end,
            time_zone=agenda.time_zone,
        )

    def gaps(self, professional_id: UUID) -> list[Slot]:
        return list(self._gaps.get(professional_id, []))

    def starts(self, professional_id: UUID, duration_min: int) -> Iterator[datetime]:
        """Every quarter-hour start where `duration_min` fits (plain datetimes: this is the
        innermost loop of planning, thousands per client)."""
        duration = timedelta(minutes=duration_min)
        step = timedelta(minutes=STEP_MIN)
        for gap in self._gaps.get(professional_id, ()):
            start = gap.starts_at
            while start + duration <= gap.ends_at:
                yield start
                start += step

    def best_start(
        self, professional_id: UUID, duration_min: int, *, weekday: int, minute: int
    ) -> tuple[int, int, datetime] | None:
        """The start of `starts` ranked first by `time_rank` (weekday distance, minutes from
        `minute` local time of day, the start) without ranking every quarter hour: in a gap that
        stays on one local day at one UTC offset, the starts share the weekday and their time of
        day grows by the step, so the nearest is computed; other gaps are scanned."""
        duration_s = duration_min * 60
        step = timedelta(minutes=STEP_MIN)
        best: tuple[int, int, datetime] | None = None
        best_days, best_minutes = 8, 0  # (days, minutes) of `best`; 8: nothing yet
        by_weekday, scanned = self._local_gaps(professional_id)
        for gap in scanned:  # gaps across midnight or a change of UTC offset (rare)
            for k in range(int((gap.length_s - duration_s) // _STEP_S) + 1):
                key = time_rank(
                    gap.starts_at + k * step, weekday=weekday, minute=minute, zone=self._zone
                )
                if best is None or key < best:
                    best, best_days, best_minutes = key, key[0], key[1]
        for days in range(4):  # the nearest weekdays first: a farther one never wins
            if days > best_days:
                break
            for day in {(weekday - days) % 7, (weekday + days) % 7}:
                for gap in by_weekday.get(day, ()):
                    room_s = gap.length_s - duration_s
                    if room_s < 0:
                        continue
                    last_k = int(room_s // _STEP_S)
                    below = (minute - gap.minute) // STEP_MIN
                    for k in (min(max(below, 0), last_k), min(max(below + 1, 0), last_k)):
                        minutes = abs(gap.minute + k * STEP_MIN - minute)
                        if (days, minutes) > (best_days, best_minutes):
                            continue
                        key = (days, minutes, gap.starts_at + k * step)
                        if best is None or key < best:
                            best, best_days, best_minutes = key, days, minutes
        return best

    def _local_gaps(
        self, professional_id: UUID
    ) -> tuple[dict[int, list[_LocalGap]], list[_LocalGap]]:
        """The professional's gaps as local time sees them, by weekday (those on one local day
        at one UTC offset) and the rest; computed once, then kept up to date by `take`."""
        grouped = self._grouped.get(professional_id)
        if grouped is None:
            local = self._local.get(professional_id)
            if local is None:
                local = [_LocalGap.of(g, self._zone) for g in self._gaps.get(professional_id, ())]
                self._local[professional_id] = local
            by_weekday: dict[int, list[_LocalGap]] = {}
            for gap in local:
                if gap.plain:
                    by_weekday.setdefault(gap.weekday, []).append(gap)
            grouped = by_weekday, [gap for gap in local if not gap.plain]
            self._grouped[professional_id] = grouped
        return grouped

    def take(self, slot: Slot) -> None:
        """Take the slot out of its professional's gaps: the gaps it overlaps (found by bisection:
        they are in time order and never overlap) give way to what is left of them, in place,
        and so do their local views (`_local` is aligned with `_gaps`, gap for gap)."""
        professional_id = slot.professional_id
        gaps = self._gaps.get(professional_id)
        if not gaps:
            return
        starts_at, ends_at = slot.starts_at, slot.ends_at
        first = max(bisect_right(gaps, starts_at, key=_starts_at) - 1, 0)
        if gaps[first].ends_at <= starts_at:
            first += 1  # the gap before the slot ends before it
        last = first
        while last < len(gaps) and gaps[last].starts_at < ends_at:
            last += 1
        pieces: list[Slot] = []  # what is left of the gaps the slot falls in, in time order
        parents: list[int] = []  # the index of the gap each piece is left of
        for index in range(first, last):
            gap = gaps[index]
            if gap.starts_at < starts_at:
                pieces.append(
                    Slot(
                        professional_id=professional_id, starts_at=gap.starts_at, ends_at=starts_at
                    )
                )
                parents.append(index)
            if ends_at < gap.ends_at:
                # Offers start on the quarter hour, also after a service of 50 minutes.
                resume = round_up_to_step(ends_at, self._time_zone)
                if resume < gap.ends_at:
                    pieces.append(
                        Slot(professional_id=professional_id, starts_at=resume, ends_at=gap.ends_at)
                    )
                    parents.append(index)
        gaps[first:last] = pieces
        local = self._local.get(professional_id)
        if local is None:
            return  # nothing derived yet
        # The derived views change only where the slot fell: each split gap out, its pieces in.
        removed = local[first:last]
        added = [
            self._local_piece(piece, removed[index - first])
            for piece, index in zip(pieces, parents, strict=True)
        ]
        local[first:last] = added
        grouped = self._grouped.get(professional_id)
        if grouped is None:
            return
        by_weekday, scanned = grouped
        for old in removed:
            (by_weekday[old.weekday] if old.plain else scanned).remove(old)
        for new in added:
            if new.plain:
                by_weekday.setdefault(new.weekday, []).append(new)
            else:
                scanned.append(new)

    def _local_piece(self, piece: Slot, parent: _LocalGap) -> _LocalGap:
        """A piece of a gap as local time sees it. A piece of a plain gap is plain, on its day,
        its time of day the parent's grown by the minutes between their starts (one UTC offset
        throughout, as `best_start` counts on; gaps start on whole minutes)."""
        if not parent.plain:
            return _LocalGap.of(piece, self._zone)
        shift_s = (piece.starts_at - parent.starts_at).total_seconds()
        return _LocalGap(
            starts_at=piece.starts_at,
            length_s=(piece.ends_at - piece.starts_at).total_seconds(),
            weekday=parent.weekday,
            minute=parent.minute + int(shift_s) // 60,
            plain=True,
        )


def _starts_at(gap: Slot) -> datetime:
    return gap.starts_at


def window(now: datetime, options: CampaignOptions) -> tuple[datetime, datetime]:
    return now + timedelta(minutes=options.min_lead_min), now + timedelta(days=options.days_ahead)


def performers(agenda: Agenda, service_id: UUID | None, only: UUID | None) -> list[Professional]:
    """Active professionals (or just `only`) who perform `service_id`, in a stable order."""
    return sorted(
        (
            p
            for p in agenda.professionals.values()
            if p.active
            and (only is None or p.id == only)
            and (service_id is None or not p.service_ids or service_id in p.service_ids)
        ),
        key=lambda p: str(p.id),
    )


def slot_score(
    start: datetime, professional_id: UUID, history: ServiceHistory, zone: ZoneInfo
) -> tuple[int, int, int, datetime]:
    """Lower is better: the usual professional, then the nearest weekday, then the nearest time."""
    usual = 0 if professional_id == history.usual_professional_id else 1
    return usual, *time_rank(
        start, weekday=history.usual_weekday, minute=history.usual_minute, zone=zone
    )


def time_rank(
    start: datetime, *, weekday: int, minute: int, zone: ZoneInfo
) -> tuple[int, int, datetime]:
    """Days from `weekday` (either way round the week), minutes from `minute` (local time of
    day), then the start itself: lower is nearer the client's habit."""
    local = start.astimezone(zone)
    days = abs(local.weekday() - weekday)
    return min(days, 7 - days), abs(local.hour * 60 + local.minute - minute), start


def describe_due(due: DueClient) -> str:
    # The owner reads this on the dashboard: Brazilian Portuguese and dates.
    source = "ritmo próprio" if due.cycle_source == "client" else "ciclo do serviço"
    return f"retorno previsto em {due.due_on:%d/%m/%Y} ({source}: {due.cycle_days} dias)"
