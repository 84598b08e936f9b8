"""Who and what a client's message names: the salon's services (by name or by everyday word) and
professionals (full, first or short name), as ids; the rules are in `domain.chat_rules`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from uuid import UUID

from domain import chat_lexicon as lx
from domain.chat_text import cue_pattern, first_preferred, normalize, split_clauses
from domain.models import Professional, Service


def _name_pattern(normalized_name: str) -> re.Pattern[str]:
    """A name as whole words; "corte barba" (from "Corte + Barba") also matches "corte e barba"."""
    words = [re.escape(word) for word in normalized_name.split()]
    return re.compile(r"(?<!\w)" + r"\s+(?:(?:e|com)\s+)?".join(words) + r"(?!\w)")


_NOT_SERVICE = cue_pattern(lx.NOT_SERVICE_PHRASES)
_MALE = cue_pattern(lx.MALE_CUES)
_SERVICE_WORDS = {key: cue_pattern(words) for key, words in lx.SERVICE_WORDS.items()}
_SELF_NAME = re.compile(r"(?:" + "|".join(lx.SELF_NAME_CUES) + r")\s*$")
_SHORT_NAME_AFTER = re.compile(
    r"(?<!\w)(?:com|pro|para)\s+(?:(?P<article>o|a)\s+)?(?P<word>[a-z]{2,})\b"
)
_NOT_NAMES = frozenset(
    lx.MONTHS + lx.WEEKDAYS + tuple(w for words in lx.SERVICE_WORDS.values() for w in words)
)
Mention = tuple[int, int, UUID]  # (where, minus its length: the longer wins a tie, what)


class SalonNames:
    """The salon's service and professional names, normalised once per message."""

    def __init__(self, services: Sequence[Service], professionals: Sequence[Professional]):
        def named(values: Iterable[Service | Professional]) -> list[tuple[UUID, str]]:
            names = [(value.id, " ".join(normalize(value.name).split(" | "))) for value in values]
            return [(some_id, name) for some_id, name in names if name.strip(" ?")]

        self.services = named(services)
        self.people = named(professionals)
        self.firsts = [name.split()[0] for _, name in self.people]
        self.shared = {first for first in self.firsts if self.firsts.count(first) > 1}

    def service_of(self, category: str, male: bool) -> UUID | None:
        """The salon's service for an everyday word: the men's or women's one when both exist,
        else the one with the shortest name."""
        keywords = set(lx.SERVICE_NAME_KEYWORDS[category])
        candidates = [(i, set(n.split())) for i, n in self.services if set(n.split()) & keywords]
        male_words, female_words = set(lx.MALE_SERVICE_WORDS), set(lx.FEMALE_SERVICE_WORDS)
        if male:
            preferred = [c for c in candidates if c[1] & male_words]
        else:
            preferred = [c for c in candidates if c[1] & female_words] or [
                c for c in candidates if not c[1] & male_words
            ]
        ranked = sorted(preferred or candidates, key=lambda candidate: len(candidate[1]))
        return ranked[0][0] if ranked else None

    def service_finder(self, male: bool) -> Callable[[str], UUID | None]:
        named = [(_name_pattern(name), some_id) for some_id, name in self.services]
        by_category = [(p, self.service_of(key, male)) for key, p in _SERVICE_WORDS.items()]

        def find(clause: str) -> UUID | None:
            clause = _NOT_SERVICE.sub(lambda match: " " * len(match.group()), clause)
            mentions: list[Mention] = [
                (match.start(), -len(match.group()), some_id)
                for pattern, some_id in named
                for match in pattern.finditer(clause)
            ]
            mentions += [
                (match.start(), 0, some_id)
                for pattern, some_id in by_category
                if some_id is not None
                for match in pattern.finditer(clause)
            ]
            return min(mentions)[2] if mentions else None

        return find

    def short_names(self, clause: str) -> Iterable[tuple[int, str]]:
        """ "com o Rafa", "com a Ju": a word after "com" starting exactly one first name (four
        letters or more without the article, two with it)."""
        for match in _SHORT_NAME_AFTER.finditer(clause):
            word = match.group("word")
            starting = {first for first in self.firsts if first.startswith(word) and first != word}
            long_enough = len(word) >= (2 if match.group("article") else 4)
            if long_enough and len(starting) == 1 and word not in _NOT_NAMES:
                yield match.start("word"), starting.pop()

    def find_professional(self, clause: str) -> UUID | None:
        mentions: list[Mention] = []
        for some_id, full in self.people:
            first = full.split()[0]
            for pattern in {_name_pattern(full), _name_pattern(first)}:
                for match in pattern.finditer(clause):
                    if match.group() != first or first not in self.shared:
                        mentions.append((match.start(), -len(match.group()), some_id))
        for start, first in self.short_names(clause):
            if first not in self.shared:
                some_id = next(i for i, name in self.people if name.split()[0] == first)
                mentions.append((start, 0, some_id))
        own = [m for m in mentions if not _SELF_NAME.search(clause[: m[0]])]
        return min(own)[2] if own else None


def find_names(
    clauses: Sequence[str], normalized: str, salon: SalonNames
) -> tuple[UUID | None, UUID | None]:
    """(service id, professional id) named in a message's clauses, each from the clause that
    `first_preferred` picks; a man named anywhere in `normalized` makes "corte" the men's cut."""
    male = _MALE.search(normalized) is not None
    return (
        first_preferred(clauses, salon.service_finder(male)),
        first_preferred(clauses, salon.find_professional),
    )


def resolve_names(
    service: str | None,
    professional: str | None,
    *,
    services: Sequence[Service],
    professionals: Sequence[Professional],
) -> tuple[UUID | None, UUID | None]:
    """The ids of the service and professional Gemini named, read as `understand` reads the
    message "<service> com <professional>" but without intent, flags, days or times.

    The two names are read as one message on purpose: that is how the Gemini path resolved them
    before, so a name in the other field ("Corte com Carol" as the service) still resolves the same.
    """
    normalized = normalize(f"{service or ''} com {professional or ''}")
    salon = SalonNames(services, professionals)
    return find_names(split_clauses(normalized), normalized, salon)
