"""The project's closed word sets, each defined once: every other module imports them from here."""

from __future__ import annotations

from typing import Literal, get_args

# The two campaign agents (also the `created_by_agent` of what they propose).
CampaignType = Literal["prazo_certo", "encher_agenda"]
CAMPAIGN_TYPES: tuple[CampaignType, ...] = get_args(CampaignType)

# What started a campaign run.
CampaignTrigger = Literal["schedule", "manual", "bulk"]

# What a client's WhatsApp message asks, as the chat agent reads it.
Intent = Literal["booking", "inquiry", "complaint", "hello", "unknown"]
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

# The final state of one outbound message, as the sender reports it.
DeliveryStatus = Literal["sent", "failed", "skipped"]
