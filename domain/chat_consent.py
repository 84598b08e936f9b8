"""Whether a client's message stops the salon's offers (opt-out), asks for them again (opt-in),
or is unhappy with them without a clear "stop" (the agent asks). The words are in
`domain.chat_consent_words`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from domain import chat_consent_words as cw
from domain.chat_text import cue_pattern, split_clauses

_OPT_OUT = cue_pattern(cw.OPT_OUT_PHRASES)
_OPT_IN = cue_pattern(cw.OPT_IN_PHRASES)
_REACHING = re.compile(r"(?<!\w)" + cw.REACHING_WORDS.replace("*", r"\w*") + r"(?!\w)")
_MAYBE_OPT_OUT = cue_pattern(cw.MAYBE_OPT_OUT_CUES + cw.MAYBE_OPT_OUT_MORE)
_REASONS = cue_pattern(cw.STOP_REASONS)
_CLAUSE_STOP = re.compile("(?:" + "|".join(c.replace("*", r"\w*") for c in cw.CLAUSE_STOPS) + ")")
_NOT_MAYBE_OPT_OUT = cue_pattern(cw.NOT_MAYBE_OPT_OUT)
_OPT_IN_WANTS = cue_pattern(cw.OPT_IN_WANTS)
_OPT_IN_WHAT = cue_pattern(cw.OPT_IN_WHAT)
_NOT_CONSENT = cue_pattern(cw.NOT_ABOUT_CONSENT)
_PAST_STOP = cue_pattern(cw.PAST_STOP)
_NEGATED = re.compile(r"\b(?:(?<!desisti de )nao|nem|chega|pare|parem)\b")


class Consent(NamedTuple):
    opt_out: bool  # stop the salon's offers
    opt_in: bool  # receive them again
    maybe_opt_out: bool  # unhappy with them (read whatever the others say): ask, offer nothing


def read_consent(normalized: str) -> Consent:
    """What the message says of the salon's offers. A waiting list, leaving work early, a
    booking's name are no list nor leaving; a stop told as past ("eu tinha pedido pra sair da
    lista") beside a wish to be back is an opt-in."""
    text = _NOT_CONSENT.sub(" ", normalized)
    now = _PAST_STOP.sub(" ", text)
    if now != text and is_opt_in(now, opt_out=is_opt_out(now), needs_named=False):
        return Consent(opt_out=False, opt_in=True, maybe_opt_out=False)
    opt_out = is_opt_out(text)
    opt_in = is_opt_in(text, opt_out=opt_out)
    return Consent(opt_out=opt_out, opt_in=opt_in, maybe_opt_out=is_maybe_opt_out(text))


def without_opt_outs(normalized: str) -> str:
    """The message with its opt-out phrases blanked ("cancela essas mensagens" cancels nothing)."""
    return _OPT_OUT.sub(" ", normalized)


def is_opt_out(normalized: str) -> bool:
    """ "SAIR", "me tira da lista"; or, in a message about the salon's messages, a clause that is
    only a command ("esse zap nao e de cliente | parem") or a wish to stop ("agora podem parar"),
    or a reason they reach no one who wants them ("ela faleceu", "numero errado")."""
    if _only_commands(normalized.split()):
        return True
    if _REACHING.search(normalized) and (
        any(_only_commands(clause.split()) for clause in normalized.split("|"))
        or _stop_without_object(normalized)
    ):
        return True
    return _OPT_OUT.search(normalized) is not None


def _stop_without_object(normalized: str) -> bool:
    """A reason to stop, or a clause that is only a wish to stop, naming nothing to stop."""
    if _REASONS.search(normalized):
        return True
    clauses = (clause.removesuffix(" ?").strip() for clause in split_clauses(normalized))
    return any(_CLAUSE_STOP.fullmatch(clause) for clause in clauses)


def _only_commands(words: Sequence[str]) -> bool:
    words = [w for w in words if w not in ("|", "?", *cw.OPT_OUT_FILLERS)]
    return bool(words) and all(word in cw.OPT_OUT_COMMANDS for word in words)


def is_maybe_opt_out(normalized: str) -> bool:
    """Unhappy with the salon's messages or near a wish to stop them, not clearly a "stop": the
    agent asks, and offers nothing."""
    text = _NOT_MAYBE_OPT_OUT.sub(" ", normalized)
    return _MAYBE_OPT_OUT.search(text) is not None or _stop_without_object(text)


def is_opt_in(normalized: str, *, opt_out: bool, needs_named: bool = True) -> bool:
    """ "quero voltar a receber as promoções" (never when the same message opts out, nor when the
    clause is negated or wishes nothing: "vocês mandam promoção?" asks, it does not opt in, nor
    when it names nothing to receive: "coloca a escova de novo" is about a booking, and consent
    given unasked is worse than one missed). A message that tells a past stop names what
    (`needs_named=False`: "eu tinha mandado SAIR | mas quero entrar de novo")."""
    if opt_out or (needs_named and _OPT_IN_WHAT.search(normalized) is None):
        return False
    if _OPT_IN_WANTS.search(normalized) is None:
        return False
    return any(not _NEGATED.search(_clause_at(normalized, m)) for m in _OPT_IN.finditer(normalized))


def _clause_at(normalized: str, match: re.Match[str]) -> str:
    start = normalized.rfind("|", 0, match.start()) + 1
    end = normalized.find("|", match.end())
    return normalized[start : end if end >= 0 else len(normalized)]
