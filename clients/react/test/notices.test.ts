import { describe, expect, it } from "vitest";
import { clientNoticeText } from "../src/format";
import { actionsForEvent, actionsForEventIn } from "../src/reducer";
import type { ClientNotice, Notification } from "../src/types";
import {
  CLIENT_ID,
  CONVERSATION_ID,
  OCCURRED_AT,
  makeAiResponse,
  makeClientNotice,
  makeMessageReceived,
  makeNotificationSent,
  makeSalonProfileUpdated,
} from "./factories";
import { apply } from "./reduce";

function notice(o: Partial<ClientNotice> = {}): ClientNotice {
  return { ...makeClientNotice().data, ...o };
}

describe("client_notice", () => {
  it("becomes an owner notification tied to its conversation", () => {
    const event = makeClientNotice({ event_id: 30 });
    expect(actionsForEvent(event)).toEqual([
      {
        type: "UPDATE_NOTIFICATIONS",
        payload: [
          {
            id: "event:30",
            kind: "client_notice",
            client_id: CLIENT_ID,
            conversation_id: CONVERSATION_ID,
            notice: event.data,
            text: "Maria Souza vai se atrasar 10 min (Corte feminino às 15:00)",
            at: OCCURRED_AT,
            read: false,
          },
        ],
      },
      { type: "SET_LAST_EVENT_ID", payload: 30 },
    ]);
  });

  it("shows once when the event is replayed", () => {
    const event = makeClientNotice({ event_id: 30, data: { kind: "arrived" } });
    const state = apply([event, event]);
    expect(state.notifications.map((n) => n.text)).toEqual(["Maria Souza chegou (Corte feminino às 15:00)"]);
  });

  it("says the booking's time in the salon's time zone", () => {
    // An older back end sent no local date and time: starts_at is read in the salon's zone.
    const older = makeClientNotice({ event_id: 31, data: { date: null, time: null, service_name: null } });
    const [action] = actionsForEventIn("America/Manaus")(older);
    expect(action?.type === "UPDATE_NOTIFICATIONS" && action.payload[0]?.text).toBe(
      "Maria Souza vai se atrasar 10 min (horário às 14:00)",
    );
  });

  it("is not pushed out by a campaign's delivery receipts", () => {
    const arrived = makeClientNotice({ event_id: 1, data: { kind: "arrived" } });
    const receipts = Array.from({ length: 60 }, (_, i) =>
      makeNotificationSent({
        event_id: i + 2,
        occurred_at: `2026-12-01T13:${String(i).padStart(2, "0")}:00Z`,
      }),
    );
    const state = apply([arrived, ...receipts]);
    expect(state.notifications).toHaveLength(50);
    expect(state.notifications.filter((n: Notification) => n.kind === "client_notice")).toHaveLength(1);
    expect(state.notifications[0]?.at).toBe("2026-12-01T13:59:00Z"); // still newest first
    expect(state.counters.delivered).toBe(60);
  });
});

describe("clientNoticeText", () => {
  it.each([
    ["late with minutes", notice(), "Maria Souza vai se atrasar 10 min (Corte feminino às 15:00)"],
    [
      "late without minutes",
      notice({ minutes: null }),
      "Maria Souza vai se atrasar (Corte feminino às 15:00)",
    ],
    [
      "late with no booking",
      notice({ starts_at: null, appointment_id: null }),
      "Maria Souza vai se atrasar 10 min",
    ],
    [
      "on the way",
      notice({ kind: "on_the_way", minutes: null }),
      "Maria Souza está a caminho (Corte feminino às 15:00)",
    ],
    ["arrived", notice({ kind: "arrived", minutes: null }), "Maria Souza chegou (Corte feminino às 15:00)"],
    [
      "a question about parking",
      notice({ kind: "missing_fact", topics: ["parking"], starts_at: null, minutes: null }),
      "Maria Souza perguntou sobre o estacionamento: o perfil do salão não diz — responda pelo chat",
    ],
    [
      "a question about three facts",
      notice({ kind: "missing_fact", topics: ["address", "payment", "hours"], starts_at: null }),
      "Maria Souza perguntou sobre o endereço, as formas de pagamento e o horário de funcionamento: " +
        "o perfil do salão não diz — responda pelo chat",
    ],
    [
      "a question without topics",
      notice({ kind: "missing_fact", topics: [], starts_at: null }),
      "Maria Souza fez uma pergunta que o perfil do salão não responde — responda pelo chat",
    ],
    [
      "a voice note not transcribed",
      notice({ kind: "media", media_kind: "audio", message: "", starts_at: null }),
      "Maria Souza mandou um áudio",
    ],
    [
      "a transcribed voice note",
      notice({ kind: "media", media_kind: "audio", message: " Posso levar\nminha filha? ", starts_at: null }),
      "Maria Souza mandou um áudio: “Posso levar minha filha?”",
    ],
    [
      "a photo",
      notice({ kind: "media", media_kind: "image", message: "", starts_at: null }),
      "Maria Souza mandou uma imagem",
    ],
    [
      "a type WhatsApp added later",
      notice({ kind: "media", media_kind: "interactive", message: "", starts_at: null }),
      "Maria Souza mandou uma mensagem do tipo “interactive”",
    ],
    [
      "media of no known type",
      notice({ kind: "media", media_kind: null, message: "", starts_at: null }),
      "Maria Souza mandou uma mídia",
    ],
  ])("%s", (_, given, text) => {
    expect(clientNoticeText(given, OCCURRED_AT)).toBe(text);
  });

  it("names the day of a booking on another day", () => {
    const tomorrow = notice({
      kind: "on_the_way",
      starts_at: "2026-12-02T12:30:00Z",
      date: "2026-12-02",
      time: "09:30",
    });
    expect(clientNoticeText(tomorrow, OCCURRED_AT)).toBe(
      "Maria Souza está a caminho (Corte feminino de 02/12 às 09:30)",
    );
  });

  it("shortens a long transcript", () => {
    const long = notice({ kind: "media", media_kind: "audio", message: "a".repeat(300), starts_at: null });
    const text = clientNoticeText(long);
    expect(text).toMatch(/^Maria Souza mandou um áudio: “a+…”$/);
    expect(text.length).toBeLessThan(160);
  });
});

describe("chat events with media", () => {
  it("message_received of a voice note keeps its kind", () => {
    const [action] = actionsForEvent(makeMessageReceived({ data: { kind: "audio", message: "" } }));
    expect(action?.type === "ADD_MESSAGE" && action.payload).toMatchObject({ kind: "audio", text: "" });
  });

  it("message_received of text has no kind (as a REST text message)", () => {
    const [action] = actionsForEvent(makeMessageReceived());
    expect(action?.type === "ADD_MESSAGE" && "kind" in action.payload).toBe(false);
  });

  it("ai_response keeps the detailed intent, as the REST list has it", () => {
    const [action] = actionsForEvent(makeAiResponse({ data: { intent: "unknown", intent_detail: "late" } }));
    expect(action?.type === "ADD_MESSAGE" && action.payload.intent).toBe("late");
  });

  it("ai_response from an older back end falls back to the seed's intent", () => {
    const [action] = actionsForEvent(makeAiResponse({ data: { intent: "booking", intent_detail: null } }));
    expect(action?.type === "ADD_MESSAGE" && action.payload.intent).toBe("booking");
  });
});

describe("salon_profile_updated", () => {
  it("tells the owner the profile changed", () => {
    const state = apply([makeSalonProfileUpdated({ event_id: 40 })]);
    expect(state.notifications).toEqual([
      {
        id: "event:40",
        kind: "salon_profile",
        client_id: "",
        text: "Perfil do salão atualizado",
        at: OCCURRED_AT,
        read: false,
      },
    ]);
  });
});
