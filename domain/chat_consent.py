"""Whether a client's message stops the salon's offers (opt-out), asks for them again (opt-in),
or is unhappy with them without a clear "stop" (the agent asks). The words are in
`domain.chat_consent_words`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from domain import chat_consent_words as cw
from domain.chat_text import cue_pattern

_OPT_OUT = cue_pattern(cw.OPT_OUT_PHRASES)
_OPT_IN = cue_pattern(cw.OPT_IN_PHRASES)
_REACHING = re.compile(r"(?<!\w)" + cw.REACHING_WORDS.replace("*", r"\w*") + r"(?!\w)")
_MAYBE_OPT_OUT = cue_pattern(cw.MAYBE_OPT_OUT_CUES)
_NOT_MAYBE_OPT_OUT = cue_pattern(cw.NOT_MAYBE_OPT_OUT)
_OPT_IN_WANTS = cue_pattern(cw.OPT_IN_WANTS)
_OPT_IN_WHAT = cue_pattern(cw.OPT_IN_WHAT)
_NOT_CONSENT = cue_pattern(cw.NOT_ABOUT_CONSENT)
_PAST_STOP = cue_pattern(cw.PAST_STOP)
_NEGATED = re.compile(r"\b(?:nao|nem|chega|pare|parem)\b")


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
    if now != text and is_opt_in(now, opt_out=is_opt_out(now), named_in=text):
        return Consent(opt_out=False, opt_in=True, maybe_opt_out=False)
    opt_out = is_opt_out(text)
    opt_in = is_opt_in(text, opt_out=opt_out)
    return Consent(opt_out=opt_out, opt_in=opt_in, maybe_opt_out=is_maybe_opt_out(text))


def without_opt_outs(normalized: str) -> str:
    """The message with its opt-out phrases blanked ("cancela essas mensagens" cancels nothing)."""
    return _OPT_OUT.sub(" ", normalized)


def is_opt_out(normalized: str) -> bool:
    """ "SAIR", "me tira da lista"; or a clause that is only a command ("parem") in a message
    about the salon's messages ("esse zap nao e de cliente | parem")."""
    if _only_commands(normalized.split()):
        return True
    if _REACHING.search(normalized) and any(
        _only_commands(clause.split()) for clause in normalized.split("|")
    ):
        return True
    return _OPT_OUT.search(normalized) is not None


def _only_commands(words: Sequence[str]) -> bool:
    words = [w for w in words if w not in ("|", "?", *cw.OPT_OUT_FILLERS)]
    return bool(words) and all(word in cw.OPT_OUT_COMMANDS for word in words)


def is_maybe_opt_out(normalized: str) -> bool:
    """Unhappy with the salon's messages or near a wish to stop them, not clearly a "stop": the
    agent asks, and offers nothing."""
    return _MAYBE_OPT_OUT.search(_NOT_MAYBE_OPT_OUT.sub(" ", normalized)) is not None


def is_opt_in(normalized: str, *, opt_out: bool, named_in: str | None = None) -> bool:
    """ "quero voltar a receber as promoções" (never when the same message opts out, nor when it
    is negated or wishes nothing: "vocês mandam promoção?" asks, it does not opt in, nor when it
    names nothing to receive: "coloca a escova de novo" is about a booking, and consent given
    unasked is worse than one missed). What it names may be in `named_in` (the whole message,
    when `normalized` has its past blanked: "tinha pedido pra sair da lista | me coloca de
    novo")."""
    named = _OPT_IN_WHAT.search(normalized if named_in is None else named_in)
    if opt_out or _OPT_IN.search(normalized) is None or named is None:
        return False
    return _OPT_IN_WANTS.search(normalized) is not None and not _NEGATED.search(normalized)
