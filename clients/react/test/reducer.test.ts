import { describe, expect, it } from "vitest";
import { actionsForEvent, agentReducer } from "../src/reducer";
import type { AgentEvent, CampaignStats, Notification } from "../src/types";
import {
  APPOINTMENT_ID,
  AUTH_REQUEST_ID,
  CONVERSATION_ID,
  makeAiResponse,
  makeAppointmentCreated,
  makeAppointmentUpdated,
  makeAuthRequest,
  makeAuthRequestCreated,
  makeAuthRequestRejected,
  makeAuthRequestUpdated,
  makeCampaignCompleted,
  makeChatMessage,
  makeClientNotice,
  makeClientErased,
  makeClientOptedIn,
  makeClientOptedOut,
  makeComplaintReceived,
  makeConversationPaused,
  makeConversationResumed,
  makeMessageReceived,
  makeNotificationDeferred,
  makeNotificationFailed,
  makeNotificationSent,
  makeOwnerMessageSent,
  makeSalonProfileUpdated,
  makeWorkingHoursUpdated,
} from "./factories";
import { apply, reduce } from "./reduce";

/** One sample per event type: adding a type to the union without a sample fails `tsc`. */
const SAMPLES: { [T in AgentEvent["event_type"]]: Extract<AgentEvent, { event_type: T }> } = {
  auth_request_created: makeAuthRequestCreated({ event_id: 1 }),
  auth_request_rejected: makeAuthRequestRejected({ event_id: 2 }),
  appointment_created: makeAppointmentCreated({ event_id: 3 }),
  message_received: makeMessageReceived({ event_id: 4 }),
  ai_response: makeAiResponse({ event_id: 5, data: { booking_created: true } }),
  owner_message_sent: makeOwnerMessageSent({ event_id: 6 }),
  campaign_completed: makeCampaignCompleted({ event_id: 7 }),
  notification_sent: makeNotificationSent({ event_id: 8 }),
  notification_failed: makeNotificationFailed({ event_id: 9 }),
  complaint_received: makeComplaintReceived({ event_id: 10 }),
  client_opted_out: makeClientOptedOut({ event_id: 11 }),
  appointment_updated: makeAppointmentUpdated({ event_id: 12 }),
  auth_request_updated: makeAuthRequestUpdated({ event_id: 13 }),
  conversation_paused: makeConversationPaused({ event_id: 14 }),
  conversation_resumed: makeConversationResumed({ event_id: 15 }),
  client_notice: makeClientNotice({ event_id: 16 }),
  salon_profile_updated: makeSalonProfileUpdated({ event_id: 17 }),
  client_opted_in: makeClientOptedIn({ event_id: 18 }),
  client_erased: makeClientErased({ event_id: 19 }),
  notification_deferred: makeNotificationDeferred({ event_id: 21 }),
  working_hours_updated: makeWorkingHoursUpdated({ event_id: 22 }),
};
const ALL_EVENTS: AgentEvent[] = Object.values(SAMPLES);

function stats(o: Partial<CampaignStats> = {}): CampaignStats {
  return {
    campaign_type: "prazo_certo",
    run_id: "run-1",
    at: "2026-12-01T12:00:00Z",
    total_clients_found: 1,
    suggestions_created: 1,
    notifications_sent: 1,
    skipped: {},
    ...o,
  };
}

function note(id: string, at: string): Notification {
  return { id, kind: "sent", client_id: "c", text: "Mensagem entregue", at, read: false };
}

describe("auth request changes", () => {
  it("the client's answer shows on the card", () => {
    const state = apply([makeAuthRequestCreated({ event_id: 1 }), makeAuthRequestUpdated({ event_id: 2 })]);
    expect(state.authRequests[0]).toMatchObject({ client_state: "accepted", closed: false });
  });

  it("an expired offer stays on the page as closed until dismissed", () => {
    const state = apply([
      makeAuthRequestCreated({ event_id: 1 }),
      makeAuthRequestUpdated({ event_id: 2, data: { status: "closed", client_state: "expired" } }),
    ]);
    expect(state.authRequests[0]).toMatchObject({ client_state: "expired", closed: true });
  });

  it("a pre-approval marks the card", () => {
    const state = apply([
      makeAuthRequestCreated({ event_id: 1 }),
      makeAuthRequestUpdated({ event_id: 2, data: { client_state: "offered", preapproved: true } }),
    ]);
    expect(state.authRequests[0]?.preapproved).toBe(true);
  });

  it("a change of a request not on the page changes nothing", () => {
    const before = apply([makeAuthRequestCreated({ event_id: 1 })]);
    const after = agentReducer(before, {
      type: "UPDATE_AUTH_REQUEST",
      payload: makeAuthRequestUpdated({ data: { auth_request_id: "other" } }).data,
    });
    expect(after).toBe(before);
  });
});

describe("appointment changes", () => {
  it("appointment_updated keeps the appointment's latest status by its id", () => {
    const state = apply([
      makeAppointmentUpdated({ event_id: 20, data: { status: "completed" } }),
      makeAppointmentUpdated({ event_id: 21, data: { status: "no_show", previous_status: "completed" } }),
    ]);
    expect(state.appointmentChanges[APPOINTMENT_ID]?.status).toBe("no_show");
  });

  it("an older change replayed after a newer one changes nothing", () => {
    const newer = apply([makeAppointmentUpdated({ event_id: 21, data: { time: "16:00" } })]);
    const replayed = agentReducer(newer, {
      type: "UPDATE_APPOINTMENT",
      payload: makeAppointmentUpdated({ event_id: 20, data: { time: "14:00" } }).data,
      eventId: 20,
    });
    expect(replayed).toBe(newer);
  });

  it("changes of different appointments are kept apart", () => {
    const state = apply([
      makeAppointmentUpdated({ event_id: 20 }),
      makeAppointmentUpdated({ event_id: 21, data: { appointment_id: "other", status: "completed" } }),
    ]);
    expect(Object.keys(state.appointmentChanges).sort()).toEqual([APPOINTMENT_ID, "other"].sort());
    expect(state.appointmentChanges[APPOINTMENT_ID]?.status).toBe("cancelled");
  });
});

describe("agentReducer", () => {
  it("ADD_AUTH_REQUEST appends a new request", () => {
    const request = makeAuthRequest();
    expect(reduce([{ type: "ADD_AUTH_REQUEST", payload: request }]).authRequests).toEqual([request]);
  });

  it("ADD_AUTH_REQUEST of a known id returns the same state", () => {
    const state = reduce([{ type: "ADD_AUTH_REQUEST", payload: makeAuthRequest() }]);
    expect(agentReducer(state, { type: "ADD_AUTH_REQUEST", payload: makeAuthRequest() })).toBe(state);
  });

  it("REMOVE_AUTH_REQUEST removes the request with that id only", () => {
    const other = makeAuthRequest({ id: "other" });
    const state = reduce([
      { type: "ADD_AUTH_REQUEST", payload: makeAuthRequest() },
      { type: "ADD_AUTH_REQUEST", payload: other },
      { type: "REMOVE_AUTH_REQUEST", payload: AUTH_REQUEST_ID },
    ]);
    expect(state.authRequests).toEqual([other]);
  });

  it("REMOVE_AUTH_REQUEST twice returns the same state the second time", () => {
    const state = reduce([
      { type: "ADD_AUTH_REQUEST", payload: makeAuthRequest({ id: "r1" }) },
      { type: "REMOVE_AUTH_REQUEST", payload: "r1" },
    ]);
    expect(agentReducer(state, { type: "REMOVE_AUTH_REQUEST", payload: "r1" })).toBe(state);
  });

  it("a decided request replayed by ADD_AUTH_REQUEST does not come back", () => {
    const state = reduce([
      { type: "ADD_AUTH_REQUEST", payload: makeAuthRequest({ id: "r1" }), eventId: 3 },
      { type: "REMOVE_AUTH_REQUEST", payload: "r1" },
      { type: "ADD_AUTH_REQUEST", payload: makeAuthRequest({ id: "r1" }), eventId: 3 },
    ]);
    expect(state.authRequests).toEqual([]);
  });

  it("SET_AUTH_REQUESTS keeps out requests decided while it loaded", () => {
    const state = reduce([
      { type: "REMOVE_AUTH_REQUEST", payload: "r2" },
      { type: "SET_AUTH_REQUESTS", payload: [makeAuthRequest({ id: "r2" })], since: 10 },
    ]);
    expect(state.authRequests).toEqual([]);
  });

  it("SET_AUTH_REQUESTS keeps requests that arrived by events newer than the list", () => {
    const live = makeAuthRequest({ id: "r9" });
    const state = reduce([
      { type: "ADD_AUTH_REQUEST", payload: live, eventId: 11 },
      { type: "SET_AUTH_REQUESTS", payload: [makeAuthRequest({ id: "r2" })], since: 10 },
    ]);
    expect(state.authRequests.map((r) => r.id)).toEqual(["r2", "r9"]);
  });

  it("SET_AUTH_REQUESTS drops requests added before the list that it no longer has", () => {
    const state = reduce([
      { type: "ADD_AUTH_REQUEST", payload: makeAuthRequest({ id: "old" }), eventId: 4 },
      { type: "SET_AUTH_REQUESTS", payload: [], since: 10 },
    ]);
    expect(state.authRequests).toEqual([]);
  });

  it("SET_AUTH_REQUESTS replaces the pending list", () => {
    const fresh = [makeAuthRequest({ id: "r2" }), makeAuthRequest({ id: "r3" })];
    const state = reduce([
      { type: "ADD_AUTH_REQUEST", payload: makeAuthRequest() },
      { type: "SET_AUTH_REQUESTS", payload: fresh },
    ]);
    expect(state.authRequests).toEqual(fresh);
  });

  it("ADD_APPOINTMENT appends once per appointment id", () => {
    const appointment = makeAppointmentCreated().data;
    const once = reduce([{ type: "ADD_APPOINTMENT", payload: appointment }]);
    expect(once.appointments).toEqual([appointment]);
    expect(agentReducer(once, { type: "ADD_APPOINTMENT", payload: { ...appointment } })).toBe(once);
  });

  it("ADD_MESSAGE files messages by conversation, oldest first", () => {
    const late = makeChatMessage({ id: "late", created_at: "2026-12-01T10:05:00Z" });
    const early = makeChatMessage({ id: "early", created_at: "2026-12-01T10:01:00Z" });
    const elsewhere = makeChatMessage({ id: "x", conversation_id: "other" });
    const state = reduce([late, early, elsewhere].map((payload) => ({ type: "ADD_MESSAGE", payload })));
    expect(state.messages[CONVERSATION_ID]?.map((m) => m.id)).toEqual(["early", "late"]);
    expect(state.messages["other"]?.map((m) => m.id)).toEqual(["x"]);
  });

  it("ADD_MESSAGE of a known message id returns the same state", () => {
    const state = reduce([{ type: "ADD_MESSAGE", payload: makeChatMessage() }]);
    expect(agentReducer(state, { type: "ADD_MESSAGE", payload: makeChatMessage() })).toBe(state);
  });

  it("ADD_MESSAGE with the server's time moves a locally stamped message into place", () => {
    const client = makeChatMessage({ id: "c", author: "client", created_at: "2026-12-01T10:05:00Z" });
    const local = makeChatMessage({ id: "o", author: "owner", created_at: "2026-12-01T10:00:00Z" });
    const server = { ...local, created_at: "2026-12-01T10:06:00Z" };
    const state = reduce([client, local, server].map((payload) => ({ type: "ADD_MESSAGE", payload })));
    expect(state.messages[CONVERSATION_ID]?.map((m) => m.id)).toEqual(["c", "o"]);
  });

  it("SET_MESSAGES keeps messages that arrived live and sorts everything by time", () => {
    const live = makeChatMessage({ id: "live", created_at: "2026-12-01T10:09:00Z" });
    const loaded = [
      makeChatMessage({ id: "b", created_at: "2026-12-01T10:02:00Z" }),
      makeChatMessage({ id: "a", created_at: "2026-12-01T10:01:00Z" }),
    ];
    const state = reduce([
      { type: "ADD_MESSAGE", payload: live },
      { type: "SET_MESSAGES", payload: { conversation_id: CONVERSATION_ID, messages: loaded } },
    ]);
    expect(state.messages[CONVERSATION_ID]?.map((m) => m.id)).toEqual(["a", "b", "live"]);
  });

  it("SET_MESSAGES replaces a live copy of the same message instead of duplicating it", () => {
    const live = makeChatMessage({ id: "m", text: "live", client_id: "c" });
    const loaded = makeChatMessage({ id: "m", text: "rest", client_id: null });
    const state = reduce([
      { type: "ADD_MESSAGE", payload: live },
      { type: "SET_MESSAGES", payload: { conversation_id: CONVERSATION_ID, messages: [loaded] } },
    ]);
    expect(state.messages[CONVERSATION_ID]).toEqual([loaded]);
  });

  it("SET_CAMPAIGN_STATS makes the run current and puts it first in the history", () => {
    const first = stats({ run_id: "run-1" });
    const second = stats({ run_id: "run-2", at: "2026-12-02T12:00:00Z" });
    const state = reduce([first, second].map((payload) => ({ type: "SET_CAMPAIGN_STATS", payload })));
    expect(state.campaignStats).toEqual(second);
    expect(state.campaignHistory).toEqual([second, first]);
  });

  it("SET_CAMPAIGN_STATS of a known run id replaces that run in the history", () => {
    const state = reduce([
      { type: "SET_CAMPAIGN_STATS", payload: stats({ run_id: "run-1", notifications_sent: 1 }) },
      { type: "SET_CAMPAIGN_STATS", payload: stats({ run_id: "run-1", notifications_sent: 5 }) },
    ]);
    expect(state.campaignHistory.map((s) => s.notifications_sent)).toEqual([5]);
  });

  it("SET_CAMPAIGN_STATS keeps at most 20 runs", () => {
    const runs = Array.from({ length: 25 }, (_, i) => stats({ run_id: `run-${i}` }));
    const state = reduce(runs.map((payload) => ({ type: "SET_CAMPAIGN_STATS", payload })));
    expect(state.campaignHistory).toHaveLength(20);
    expect(state.campaignHistory[0]?.run_id).toBe("run-24");
  });

  it("UPDATE_NOTIFICATIONS keeps one per id, newest first", () => {
    const state = reduce([
      { type: "UPDATE_NOTIFICATIONS", payload: [note("a", "2026-12-01T10:00:00Z")] },
      {
        type: "UPDATE_NOTIFICATIONS",
        payload: [note("b", "2026-12-01T11:00:00Z"), note("a", "2026-12-01T10:00:00Z")],
      },
    ]);
    expect(state.notifications.map((n) => n.id)).toEqual(["b", "a"]);
  });

  it("UPDATE_NOTIFICATIONS keeps the 50 newest", () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      note(`n${i}`, `2026-12-01T10:${String(i).padStart(2, "0")}:00Z`),
    );
    const state = reduce([{ type: "UPDATE_NOTIFICATIONS", payload: many }]);
    expect(state.notifications).toHaveLength(50);
    expect(state.notifications[0]?.id).toBe("n59");
    expect(state.notifications.at(-1)?.id).toBe("n10");
  });

  it("SET_LAST_EVENT_ID moves forward from nothing", () => {
    expect(
      reduce([
        { type: "SET_LAST_EVENT_ID", payload: 3 },
        { type: "SET_LAST_EVENT_ID", payload: 9 },
      ]).lastEventId,
    ).toBe(9);
  });

  it("SET_LAST_EVENT_ID never goes backwards", () => {
    const state = reduce([{ type: "SET_LAST_EVENT_ID", payload: 9 }]);
    expect(agentReducer(state, { type: "SET_LAST_EVENT_ID", payload: 4 })).toBe(state);
    expect(agentReducer(state, { type: "SET_LAST_EVENT_ID", payload: 9 })).toBe(state);
  });

  it("applying every event twice gives the same state as applying it once", () => {
    const once = apply(ALL_EVENTS);
    expect(apply(ALL_EVENTS, once)).toEqual(once);
    for (const event of ALL_EVENTS) {
      const single = apply([event]);
      expect(apply([event], single), event.event_type).toEqual(single);
    }
  });
});

describe("actionsForEvent", () => {
  it.each(ALL_EVENTS.map((e) => [e.event_type, e] as const))("%s ends with SET_LAST_EVENT_ID", (_, event) => {
    expect(actionsForEvent(event).at(-1)).toEqual({ type: "SET_LAST_EVENT_ID", payload: event.event_id });
  });

  it("auth_request_created adds the proposed request", () => {
    const event = makeAuthRequestCreated({ event_id: 4 });
    expect(actionsForEvent(event)).toEqual([
      { type: "ADD_AUTH_REQUEST", payload: event.data.auth_request, eventId: 4 },
      { type: "SET_LAST_EVENT_ID", payload: 4 },
    ]);
  });

  it("appointment_created from a request removes the request, then adds the appointment", () => {
    const event = makeAppointmentCreated({ event_id: 5 });
    expect(actionsForEvent(event)).toEqual([
      { type: "REMOVE_AUTH_REQUEST", payload: AUTH_REQUEST_ID },
      { type: "ADD_APPOINTMENT", payload: event.data },
      { type: "SET_LAST_EVENT_ID", payload: 5 },
    ]);
  });

  it("appointment_created without a request only adds the appointment", () => {
    const event = makeAppointmentCreated({ data: { auth_request_id: null } });
    expect(actionsForEvent(event).map((a) => a.type)).toEqual(["ADD_APPOINTMENT", "SET_LAST_EVENT_ID"]);
  });

  it("approving a pending request moves it to the appointments", () => {
    const state = apply([makeAuthRequestCreated({ event_id: 1 }), makeAppointmentCreated({ event_id: 2 })]);
    expect(state.authRequests).toEqual([]);
    expect(state.appointments.map((a) => a.appointment_id)).toEqual([APPOINTMENT_ID]);
  });

  it("auth_request_rejected removes the request", () => {
    expect(actionsForEvent(makeAuthRequestRejected())[0]).toEqual({
      type: "REMOVE_AUTH_REQUEST",
      payload: AUTH_REQUEST_ID,
    });
  });

  it.each([
    ["message_received", "client", makeMessageReceived({ event_id: 7 }), "m-client-1", null],
    ["ai_response", "agent", makeAiResponse({ event_id: 7 }), "m-agent-1", "inquiry"],
    ["owner_message_sent", "owner", makeOwnerMessageSent({ event_id: 7 }), "m-owner-1", null],
  ] as const)("%s adds a message written by the %s", (_, author, event, id, intent) => {
    expect(actionsForEvent(event)[0]).toEqual({
      type: "ADD_MESSAGE",
      payload: {
        id,
        conversation_id: CONVERSATION_ID,
        client_id: event.data.client_id,
        author,
        text: event.data.message,
        intent,
        created_at: event.occurred_at,
      },
    });
  });

  it("ai_response without a stored message id gets an id from the event", () => {
    const [action] = actionsForEvent(makeAiResponse({ event_id: 12, data: { message_id: null } }));
    expect(action?.type === "ADD_MESSAGE" && action.payload.id).toBe("event:12");
  });

  it("ai_response that created a booking also notifies the owner", () => {
    const event = makeAiResponse({ event_id: 8, data: { booking_created: true } });
    expect(actionsForEvent(event).map((a) => a.type)).toEqual([
      "ADD_MESSAGE",
      "UPDATE_NOTIFICATIONS",
      "SET_LAST_EVENT_ID",
    ]);
    expect(actionsForEvent(event)[1]).toEqual({
      type: "UPDATE_NOTIFICATIONS",
      payload: [
        {
          id: "event:8",
          kind: "booking",
          client_id: event.data.client_id,
          text: "IA sugeriu um agendamento",
          at: event.occurred_at,
          read: false,
        },
      ],
    });
  });

  it("ai_response without a booking does not notify", () => {
    expect(actionsForEvent(makeAiResponse()).map((a) => a.type)).toEqual([
      "ADD_MESSAGE",
      "SET_LAST_EVENT_ID",
    ]);
  });

  it("campaign_completed sets the campaign stats with the run and time", () => {
    const event = makeCampaignCompleted({ event_id: 9 });
    expect(actionsForEvent(event)[0]).toEqual({
      type: "SET_CAMPAIGN_STATS",
      payload: {
        campaign_type: "prazo_certo",
        run_id: event.data.run_id,
        at: event.occurred_at,
        ...event.data.stats,
      },
    });
  });

  it.each([
    ["notification_sent", "sent", makeNotificationSent({ event_id: 20 }), "Mensagem entregue"],
    [
      "notification_sent as a template",
      "sent",
      makeNotificationSent({
        event_id: 20,
        data: { sent_as: "template", template: "agenda_cheia_reminder" },
      }),
      "Mensagem entregue (modelo agenda_cheia_reminder)",
    ],
    [
      "notification_deferred",
      "deferred",
      makeNotificationDeferred({ event_id: 20 }),
      "WhatsApp segurou a mensagem (limite de marketing); nova tentativa em 02/12/2026 09:00",
    ],
    [
      "client_opted_out on WhatsApp",
      "opted_out",
      makeClientOptedOut({ event_id: 20, data: { source: "whatsapp" } }),
      "Cliente bloqueou ofertas no WhatsApp",
    ],
    [
      "complaint_received",
      "complaint",
      makeComplaintReceived({ event_id: 20 }),
      "Reclamação de Maria Souza: Atrasaram 40 minutos",
    ],
    ["client_opted_out", "opted_out", makeClientOptedOut({ event_id: 20 }), "Cliente saiu das campanhas"],
    [
      "conversation_paused",
      "handoff",
      makeConversationPaused({ event_id: 20 }),
      "Maria Souza pediu para falar com uma pessoa",
    ],
    [
      "conversation_paused",
      "handoff",
      makeConversationPaused({ event_id: 20, data: { reason: "owner_replied" } }),
      "Atendimento automático pausado na conversa com Maria Souza",
    ],
    [
      "conversation_resumed",
      "handoff",
      makeConversationResumed({ event_id: 20 }),
      "Atendimento automático retomado",
    ],
  ] as const)("%s adds a notification of kind %s", (_, kind, event, text) => {
    expect(actionsForEvent(event)).toEqual([
      {
        type: "UPDATE_NOTIFICATIONS",
        payload: [
          { id: "event:20", kind, client_id: event.data.client_id, text, at: event.occurred_at, read: false },
        ],
      },
      { type: "SET_LAST_EVENT_ID", payload: 20 },
    ]);
  });

  it("notification_failed says why in Portuguese and keeps the back end's reason and code", () => {
    const event = makeNotificationFailed({ event_id: 20 });
    expect(actionsForEvent(event)[0]).toEqual({
      type: "UPDATE_NOTIFICATIONS",
      payload: [
        {
          id: "event:20",
          kind: "failed",
          client_id: event.data.client_id,
          text: "Falha no envio: O WhatsApp não conseguiu entregar para esse número (ele pode não ter WhatsApp).",
          code: "WhatsApp could not deliver to this number (131026) [131026]",
          at: event.occurred_at,
          read: false,
        },
      ],
    });
  });
});
