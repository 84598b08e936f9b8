"""The project's closed word sets, each defined once: every other module imports them from here."""

from __future__ import annotations

from typing import Literal, get_args

# The two campaign agents (also the `created_by_agent` of what they propose).
CampaignType = Literal["prazo_certo", "encher_agenda"]
CAMPAIGN_TYPES: tuple[CampaignType, ...] = get_args(CampaignType)

# What started a campaign run.
CampaignTrigger = Literal["schedule", "manual", "bulk"]

# What a client's WhatsApp message asks, as the seed's dashboard reads it (`ai_response.intent`).
SeedIntent = Literal["booking", "inquiry", "complaint", "hello", "unknown"]
# What a client's WhatsApp message asks, as the chat agent reads it: the seed's five and what
# an ordinary salon conversation adds (`ai_response.intent_detail`).
Intent = Literal[
    "booking",
    "inquiry",
    "complaint",
    "hello",
    "unknown",
    "cancel",  # cancel their own coming booking
    "reschedule",  # move it
    "handoff",  # talk to a person of the salon
    "late",  # running late, on the way, arrived
    "salon_info",  # address, opening hours, payment, parking, cancellation policy, about
]
# How each intent reaches the seed's `ai_response.intent` (the seed's five map to themselves).
SEED_INTENT: dict[Intent, SeedIntent] = {
    "booking": "booking",
    "inquiry": "inquiry",
    "complaint": "complaint",
    "hello": "hello",
    "unknown": "unknown",
    "cancel": "booking",
    "reschedule": "booking",
    "handoff": "inquiry",
    "late": "booking",
    "salon_info": "inquiry",
}
# What a client asks about the salon itself (its profile answers).
SalonTopic = Literal["address", "hours", "payment", "parking", "cancellation", "about"]
SALON_TOPICS: tuple[SalonTopic, ...] = get_args(SalonTopic)
# What a client tells about their coming visit.
NoticeKind = Literal["late", "on_the_way", "arrived"]
# A client's WhatsApp message's type as n8n forwards it; any other type is kept as received.
InboundKind = Literal[
    "text", "audio", "image", "video", "sticker", "location", "document", "contacts"
]
INBOUND_KINDS: tuple[InboundKind, ...] = get_args(InboundKind)
# Why a person of the salon has a conversation (the agent does not answer it meanwhile).
HandoffReason = Literal["client_asked", "complaint", "owner_replied"]
INTENTS: tuple[Intent, ...] = get_args(Intent)

# Which engine read a client's message.
Engine = Literal["gemini", "rules"]

# An outbound WhatsApp message: promotional (campaign offers: opt-out and send window apply) or
# transactional (confirmations, replies: never held).
# "reminder": a transactional message before a booking (its own kind: a WhatsApp template later).
MessageKind = Literal["marketing", "transactional", "reminder"]

# The owner's answer to an auth request.
Decision = Literal["approve", "reject"]

# What the salon marks an appointment as, once it is booked.
AppointmentMark = Literal["completed", "no_show", "cancelled"]

# What the sender reports of one outbound message: a final state, or `deferred` (Meta holds it
# back for a day; the owner is told, the message stays queued).
DeliveryStatus = Literal["sent", "failed", "skipped", "deferred"]

# Where a client's consent (opt-in) or its revocation (opt-out) came from.
ConsentSource = Literal["import", "chat", "owner", "whatsapp"]

# How a WhatsApp message left: free text inside the client's 24 h window, else a template.
SentAs = Literal["text", "template"]
