// Typed builders for socket events and REST objects: sensible defaults, overrides per test.
import type { AuthRequest, ChatMessage, Schemas, Socket } from "../src/types";

export const TENANT_ID = "7b0c4a52-0d6e-4c4f-9a51-1f3b1c2d3e4f";
export const CLIENT_ID = "c1000000-0000-4000-8000-000000000001";
export const CONVERSATION_ID = "d1000000-0000-4000-8000-000000000001";
export const AUTH_REQUEST_ID = "a1000000-0000-4000-8000-000000000001";
export const APPOINTMENT_ID = "b1000000-0000-4000-8000-000000000001";
export const OCCURRED_AT = "2026-12-01T12:00:00Z";

/** What a test may change in an event: the envelope, and any field of its data. */
export type EventOverrides<E extends { data: object }> = Partial<
  Pick<Socket.AuthRequestCreated, "event_id" | "tenant_id" | "occurred_at">
> & { data?: Partial<E["data"]> };

function envelope(o: EventOverrides<{ data: object }>) {
  return {
    event_id: o.event_id ?? 1,
    tenant_id: o.tenant_id ?? TENANT_ID,
    occurred_at: o.occurred_at ?? OCCURRED_AT,
  };
}

export function makeAppointmentData(o: Partial<Socket.AppointmentData> = {}): Socket.AppointmentData {
  return {
    client_id: CLIENT_ID,
    client_name: "Maria Souza",
    date: "2026-12-03",
    time: "14:00",
    duration_min: 45,
    starts_at: "2026-12-03T17:00:00Z",
    ends_at: "2026-12-03T17:45:00Z",
    price_cents: 5000,
    final_price_cents: 4500,
    offer: { type: "percent", value: 10 },
    professional_id: "e1000000-0000-4000-8000-000000000001",
    professional_name: "Ana",
    service_id: "f1000000-0000-4000-8000-000000000001",
    service_name: "Corte feminino",
    ...o,
  };
}

export function makeAuthRequest(o: Partial<Socket.AuthRequestView> = {}): Socket.AuthRequestView {
  return {
    id: AUTH_REQUEST_ID,
    appointment_data: makeAppointmentData(),
    created_by_agent: "prazo_certo",
    created_at: "2026-12-01T11:59:00Z",
    client_state: "proposed",
    expires_at: null,
    campaign_run_id: null,
    replaces_appointment_id: null,
    ...o,
  };
}

export function makeAuthRequestUpdated(
  o: EventOverrides<Socket.AuthRequestUpdated> = {},
): Socket.AuthRequestUpdated {
  return {
    ...envelope(o),
    event_type: "auth_request_updated",
    data: {
      auth_request_id: AUTH_REQUEST_ID,
      status: "pending",
      client_state: "accepted",
      preapproved: false,
      expires_at: null,
      ...o.data,
    },
  };
}

/** The REST shape (`GET /api/v1/sync/pending-auth-requests`). */
export function makeAuthRequestOut(o: Partial<Schemas["AuthRequestOut"]> = {}): Schemas["AuthRequestOut"] {
  return { ...makeAuthRequest(), status: "pending", ...o };
}

export function makeAuthRequestCreated(
  o: EventOverrides<Socket.AuthRequestCreated> = {},
): Socket.AuthRequestCreated {
  return {
    ...envelope(o),
    event_type: "auth_request_created",
    data: { auth_request: makeAuthRequest(), ...o.data },
  };
}

export function makeAuthRequestRejected(
  o: EventOverrides<Socket.AuthRequestRejected> = {},
): Socket.AuthRequestRejected {
  return {
    ...envelope(o),
    event_type: "auth_request_rejected",
    data: { auth_request_id: AUTH_REQUEST_ID, notes: null, ...o.data },
  };
}

export function makeAppointmentCreated(
  o: EventOverrides<Socket.AppointmentCreated> = {},
): Socket.AppointmentCreated {
  const { duration_min: _d, final_price_cents: _f, offer: _o, ...proposal } = makeAppointmentData();
  return {
    ...envelope(o),
    event_type: "appointment_created",
    data: { ...proposal, appointment_id: APPOINTMENT_ID, auth_request_id: AUTH_REQUEST_ID, ...o.data },
  };
}

export function makeAppointmentUpdated(
  o: EventOverrides<Socket.AppointmentUpdated> = {},
): Socket.AppointmentUpdated {
  const { duration_min: _d, final_price_cents: _f, offer: _o, ...proposal } = makeAppointmentData();
  return {
    ...envelope(o),
    event_type: "appointment_updated",
    data: {
      ...proposal,
      appointment_id: APPOINTMENT_ID,
      status: "cancelled",
      previous_status: "booked",
      reason: null,
      changed_by: null,
      moved_from: null,
      client_confirmed_at: null,
      by_client: false,
      ...o.data,
    },
  };
}

export function makeMessageReceived(o: EventOverrides<Socket.MessageReceived> = {}): Socket.MessageReceived {
  return {
    ...envelope(o),
    event_type: "message_received",
    data: {
      client_id: CLIENT_ID,
      client_name: "Maria Souza",
      conversation_id: CONVERSATION_ID,
      message: "Tem horário amanhã?",
      message_id: "m-client-1",
      new_client: false,
      kind: "text",
      ...o.data,
    },
  };
}

export function makeAiResponse(o: EventOverrides<Socket.AiResponse> = {}): Socket.AiResponse {
  return {
    ...envelope(o),
    event_type: "ai_response",
    data: {
      auth_request_id: null,
      booking_created: false,
      client_id: CLIENT_ID,
      conversation_id: CONVERSATION_ID,
      engine: "rules",
      intent: "inquiry",
      intent_detail: "inquiry",
      message: "Temos às 14:00.",
      message_id: "m-agent-1",
      ...o.data,
    },
  };
}

export function makeOwnerMessageSent(
  o: EventOverrides<Socket.OwnerMessageSent> = {},
): Socket.OwnerMessageSent {
  return {
    ...envelope(o),
    event_type: "owner_message_sent",
    data: {
      client_id: CLIENT_ID,
      conversation_id: CONVERSATION_ID,
      message: "Oi Maria, confirmado!",
      message_id: "m-owner-1",
      ...o.data,
    },
  };
}

export function makeCampaignCompleted(
  o: EventOverrides<Socket.CampaignCompleted> = {},
): Socket.CampaignCompleted {
  return {
    ...envelope(o),
    event_type: "campaign_completed",
    data: {
      campaign_type: "prazo_certo",
      run_id: "r1000000-0000-4000-8000-000000000001",
      stats: {
        total_clients_found: 7,
        suggestions_created: 3,
        notifications_sent: 3,
        skipped: { opted_out: 2 },
      },
      ...o.data,
    },
  };
}

export function makeNotificationSent(
  o: EventOverrides<Socket.NotificationSent> = {},
): Socket.NotificationSent {
  return {
    ...envelope(o),
    event_type: "notification_sent",
    data: {
      client_id: CLIENT_ID,
      kind: "marketing",
      message_id: "n-1",
      sent_as: "text",
      template: null,
      ...o.data,
    },
  };
}

export function makeNotificationFailed(
  o: EventOverrides<Socket.NotificationFailed> = {},
): Socket.NotificationFailed {
  return {
    ...envelope(o),
    event_type: "notification_failed",
    data: {
      attempts: 3,
      client_id: CLIENT_ID,
      kind: "marketing",
      message_id: "n-1",
      reason: "WhatsApp could not deliver to this number (131026)",
      error_code: 131026,
      ...o.data,
    },
  };
}

export function makeConversationPaused(
  o: EventOverrides<Socket.ConversationPaused> = {},
): Socket.ConversationPaused {
  return {
    ...envelope(o),
    event_type: "conversation_paused",
    data: {
      client_id: CLIENT_ID,
      client_name: "Maria Souza",
      conversation_id: CONVERSATION_ID,
      reason: "client_asked",
      paused_until: "2026-12-01T22:00:00Z",
      paused_by: null,
      ...o.data,
    },
  };
}

export function makeConversationResumed(
  o: EventOverrides<Socket.ConversationResumed> = {},
): Socket.ConversationResumed {
  return {
    ...envelope(o),
    event_type: "conversation_resumed",
    data: { client_id: CLIENT_ID, conversation_id: CONVERSATION_ID, resumed_by: "u-owner", ...o.data },
  };
}

export function makeClientNotice(o: EventOverrides<Socket.ClientNotice> = {}): Socket.ClientNotice {
  return {
    ...envelope(o),
    event_type: "client_notice",
    data: {
      client_id: CLIENT_ID,
      client_name: "Maria Souza",
      conversation_id: CONVERSATION_ID,
      kind: "late",
      message: "Vou me atrasar uns 10 minutinhos",
      message_id: null,
      appointment_id: APPOINTMENT_ID,
      starts_at: "2026-12-01T18:00:00Z", // 15:00 in São Paulo, the day of OCCURRED_AT
      service_name: "Corte feminino",
      professional_name: "Carol",
      date: "2026-12-01",
      time: "15:00",
      minutes: 10,
      topics: [],
      media_kind: null,
      ...o.data,
    },
  };
}

export function makeSalonProfileUpdated(
  o: EventOverrides<Socket.SalonProfileUpdated> = {},
): Socket.SalonProfileUpdated {
  return {
    ...envelope(o),
    event_type: "salon_profile_updated",
    data: { updated_by: "u-owner", ...o.data },
  };
}

export function makeWorkingHoursUpdated(
  o: EventOverrides<Socket.WorkingHoursUpdated> = {},
): Socket.WorkingHoursUpdated {
  return {
    ...envelope(o),
    event_type: "working_hours_updated",
    data: {
      professional_id: "e1000000-0000-4000-8000-000000000001",
      professional_name: "Carol",
      periods: [{ weekday: 1, start: "09:00", end: "18:00" }],
      bookings_outside_count: 0,
      updated_by: "u-owner",
      ...o.data,
    },
  };
}

export function makeSalonProfileOut(o: Partial<Schemas["SalonProfileOut"]> = {}): Schemas["SalonProfileOut"] {
  return {
    address: "Rua Augusta, 100 - Consolação, São Paulo",
    maps_url: "https://maps.app.goo.gl/abc",
    opening_hours: null,
    payment_methods: ["pix", "credit_card"],
    payment_notes: null,
    parking: null,
    cancellation_policy: null,
    cancellation_window_h: null,
    about: null,
    opening_hours_in_use: [
      { weekday: 0, opens: "09:00:00", closes: "18:00:00" },
      { weekday: 5, opens: "09:00:00", closes: "14:00:00" },
    ],
    ...o,
  };
}

export function makeComplaintReceived(
  o: EventOverrides<Socket.ComplaintReceived> = {},
): Socket.ComplaintReceived {
  return {
    ...envelope(o),
    event_type: "complaint_received",
    data: {
      client_id: CLIENT_ID,
      client_name: "Maria Souza",
      conversation_id: CONVERSATION_ID,
      message: "Atrasaram 40 minutos",
      ...o.data,
    },
  };
}

export function makeClientOptedOut(o: EventOverrides<Socket.ClientOptedOut> = {}): Socket.ClientOptedOut {
  return {
    ...envelope(o),
    event_type: "client_opted_out",
    data: { client_id: CLIENT_ID, source: "chat", ...o.data },
  };
}

export function makeClientOptedIn(o: EventOverrides<Socket.ClientOptedIn> = {}): Socket.ClientOptedIn {
  return {
    ...envelope(o),
    event_type: "client_opted_in",
    data: { client_id: CLIENT_ID, source: "chat", ...o.data },
  };
}

export function makeClientErased(o: EventOverrides<Socket.ClientErased> = {}): Socket.ClientErased {
  return {
    ...envelope(o),
    event_type: "client_erased",
    data: { client_id: CLIENT_ID, erased_by: "u-owner", ...o.data },
  };
}

export function makeNotificationDeferred(
  o: EventOverrides<Socket.NotificationDeferred> = {},
): Socket.NotificationDeferred {
  return {
    ...envelope(o),
    event_type: "notification_deferred",
    data: {
      client_id: CLIENT_ID,
      kind: "marketing",
      message_id: "n-1",
      reason: "held by Meta's marketing limit for this client (131049); tried again in 24 h",
      error_code: 131049,
      retry_at: "2026-12-02T12:00:00Z",
      ...o.data,
    },
  };
}

export function makeSyncStarted(lastEventId: number): Socket.SyncStarted {
  return {
    event_id: null,
    event_type: "sync_started",
    tenant_id: TENANT_ID,
    data: { last_event_id: lastEventId },
  };
}

export function makeResyncRequired(lastEventId: number, latestEventId: number): Socket.ResyncRequired {
  return {
    event_id: null,
    event_type: "resync_required",
    tenant_id: TENANT_ID,
    data: { last_event_id: lastEventId, latest_event_id: latestEventId },
  };
}

export function makeChatMessageOut(o: Partial<Schemas["ChatMessageOut"]> = {}): Schemas["ChatMessageOut"] {
  return {
    id: "m-rest-1",
    auth_request_id: null,
    author: "client",
    body: "Olá!",
    created_at: "2026-12-01T10:00:00Z",
    direction: "inbound",
    status: "answered",
    engine: null,
    intent: null,
    ...o,
  };
}

export function makeChatMessage(o: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: "m-1",
    conversation_id: CONVERSATION_ID,
    client_id: CLIENT_ID,
    author: "client",
    text: "Olá!",
    intent: null,
    created_at: "2026-12-01T10:00:00Z",
    ...o,
  };
}

/** The kit's own `AuthRequest` (either shape). */
export function makeKitAuthRequest(o: Partial<AuthRequest> = {}): AuthRequest {
  return { ...makeAuthRequest(), ...o };
}
