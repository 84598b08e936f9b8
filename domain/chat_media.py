"""Client messages that are not text, pure: what the agent answers to a voice note, an image, a
location or a sticker, and the notice the salon gets.

A voice note the salon transcribes (its `transcribe_voice` setting, Gemini) and a photo with a
caption are read as their words; the salon is told of the media either way. Without words, the
agent answers kindly asking for text. Stickers and reactions are kept and shown, not answered:
they are a "👍", not a question. Any other WhatsApp type is stored as received and flagged.
"""

from __future__ import annotations

from domain.chat_context import ChatContext, ChatDecision, Flag

QUIET_KINDS = frozenset({"sticker", "reaction"})
CAPTIONED_KINDS = frozenset({"image", "video", "document"})
RECEIVED = {
    "image": "sua imagem",
    "video": "seu vídeo",
    "document": "seu documento",
    "location": "sua localização",
    "contacts": "o contato que você enviou",
}


def media_flag(kind: str) -> Flag | None:
    """The notice the salon gets of a message that is not text (none for stickers)."""
    if kind == "text" or kind in QUIET_KINDS:
        return None
    return Flag(kind="media", media_kind=kind)


def reads_as_text(kind: str, caption: str, transcript: str | None) -> bool:
    """The agent reads the message's words: text, a transcribed voice note, a captioned photo."""
    return kind == "text" or bool(transcript) or (kind in CAPTIONED_KINDS and bool(caption.strip()))


def media_answer(kind: str, context: ChatContext) -> ChatDecision:
    """The answer to a message the agent cannot read ("" for stickers: no answer is sent)."""
    name = context.client_first_name
    if kind in QUIET_KINDS:
        return ChatDecision(reply="", intent="unknown")
    if kind == "audio":
        reply = (
            f"Oi, {name}! Por aqui eu ainda não consigo ouvir áudios. Pode me escrever o que você"
            " precisa? Já avisei a equipe do salão que você mandou um áudio."
        )
    elif kind in RECEIVED:
        reply = (
            f"Recebi {RECEIVED[kind]}, {name}, e já passei para a equipe do salão. Se quiser"
            " agendar ou tirar uma dúvida, é só me escrever por aqui."
        )
    else:
        reply = (
            f"Recebi sua mensagem, {name}, mas não consigo abrir esse tipo de conteúdo por aqui."
            " Pode me escrever em texto? Já avisei a equipe do salão."
        )
    return ChatDecision(reply=reply, intent="unknown")
