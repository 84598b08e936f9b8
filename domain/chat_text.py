"""The text side of the Portuguese rule engine: a client's message normalised and cut into clauses,
cue lists as regexes, and which clause's reading wins when several name something."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from domain import chat_lexicon as lx

T = TypeVar("T")


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    """One regex for a list of cues, each matched as whole words; `*` ends a word freely."""
    alternatives = [cue.replace("*", r"\w*") for cue in cues]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


_LAUGHTER = re.compile(rf"(?:{lx.LAUGHTER})")
_CLAUSE_SPLIT = re.compile(r"\s*\|\s*|\s+(?:mas|porem)\s+")
_NEGATED_CLAUSE = cue_pattern(("nao", "nem", "ruim", "negativo"))
_REQUEST = cue_pattern(lx.REQUEST_CUES + lx.BOOKING_CUES + lx.SLOT_WORDS)


def normalize(text: str) -> str:
    """Lowercase, no accents, no emojis, slang expanded; " | " marks where a clause ends."""
    for symbol, word in lx.EMOJI_WORDS.items():
        text = text.replace(symbol, f" {word} ")
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"(?<=\d)-(?=\d)", "/", text)  # 12-03 is a date
    text = re.sub(r"\bc/", "com ", text)  # "c/ a Carol"
    text = re.sub(r"\?+", " ? | ", text)  # a question: "pode?" asks, "pode" answers
    text = re.sub(r"(?<!\d)\.|\.(?!\d)|[!;,\n()]", " | ", text)
    text = re.sub(r"(?<!\d)[/:]|[/:](?!\d)", " ", text)
    text = re.sub(r"[^a-z0-9|/:.? ]", " ", text)
    text = re.sub(r"([a-z])\1{2,}", r"\1", text)  # "simmm", "oiii", "booom"
    text = re.sub(r"([a-dfgh-npqt-z])\1", r"\1", text)  # doubled letters but rr, ss, ee, oo
    words = " ".join(lx.SLANG.get(token, token) for token in text.split()).split()
    words = [word for word in words if not _LAUGHTER.fullmatch(word)]
    return re.sub(r"(?:\|\s+)+", "| ", " ".join(words) + " ").strip(" |").replace(" |", " |")


def split_clauses(normalized: str) -> list[str]:
    return [clause for clause in _CLAUSE_SPLIT.split(normalized) if clause]


def is_negated(clause: str) -> bool:
    """A clause with "não", "nem", "ruim"...: what it names is not what the client wants."""
    return _NEGATED_CLAUSE.search(clause) is not None


def is_request(clause: str) -> bool:
    """A clause that asks for something ("tem como", "quero", "horário")."""
    return _REQUEST.search(clause) is not None


def first_preferred(clauses: Sequence[str], find: Callable[[str], T | None]) -> T | None:
    """The first value found in a clause that asks for something and is not negated, else in
    one that is not negated, else anywhere."""
    found = [(clause, value) for clause in clauses if (value := find(clause)) is not None]
    plain = [(clause, value) for clause, value in found if not is_negated(clause)]
    asking = [(clause, value) for clause, value in plain if is_request(clause)]
    return next((value for _, value in asking + plain + found), None)
