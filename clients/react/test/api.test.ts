import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, randomKey, validationProblems } from "../src/api";
import { CONVERSATION_ID, makeAuthRequestOut, makeChatMessageOut, makeSalonProfileOut } from "./factories";

interface Recorded {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A fetch that records each request (openapi-fetch sends a `Request`) and answers with `respond`. */
function fakeFetch(respond: (request: Recorded) => Response = () => json({})) {
  const requests: Recorded[] = [];
  const fetcher = async (input: Request): Promise<Response> => {
    const text = await input.text();
    const request: Recorded = {
      url: input.url,
      method: input.method,
      headers: input.headers,
      body: text === "" ? null : text,
    };
    requests.push(request);
    return respond(request);
  };
  return { fetcher, requests, last: () => requests.at(-1) };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function client(respond?: (request: Recorded) => Response, baseUrl = "https://api.test") {
  const fake = fakeFetch(respond);
  return { api: createApiClient({ baseUrl, token: "secret", fetch: fake.fetcher }), ...fake };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("createApiClient", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("sends the bearer token", async () => {
    const { api, last } = client();
    await api.session();
    expect(last()?.headers.get("Authorization")).toBe("Bearer secret");
  });

  it("sends GET requests without a body or Content-Type", async () => {
    const { api, last } = client();
    await api.session();
    expect(last()?.method).toBe("GET");
    expect(last()?.body).toBeNull();
    expect(last()?.headers.has("Content-Type")).toBe(false);
  });

  it("returns the parsed JSON body", async () => {
    const session = {
      expires_at: "2026-12-01T20:00:00Z",
      role: "owner",
      tenant_id: "t",
      tenant_name: "Salão da Ana",
      time_zone: "America/Sao_Paulo",
      user_id: "u",
    };
    const { api } = client(() => json(session));
    expect(await api.session()).toEqual(session);
  });

  it("POSTs a JSON body with its Content-Type", async () => {
    const { api, last } = client();
    await api.decideAuthRequest("r1", "approve");
    expect(last()?.method).toBe("POST");
    expect(last()?.url).toBe("https://api.test/api/v1/sync/confirm-auth-request/r1");
    expect(last()?.headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(last()?.body ?? "")).toEqual({ decision: "approve" });
  });

  it("includes notes in a decision only when given", async () => {
    const { api, last } = client();
    await api.decideAuthRequest("r1", "reject", "cliente desistiu");
    expect(JSON.parse(last()?.body ?? "")).toEqual({ decision: "reject", notes: "cliente desistiu" });
  });

  it("URL-encodes ids in paths", async () => {
    const { api, requests } = client(() => json({ data: [] }));
    await api.decideAuthRequest("a/b c?d#e", "approve");
    await api.messages("x/y");
    expect(requests.map((r) => r.url)).toEqual([
      "https://api.test/api/v1/sync/confirm-auth-request/a%2Fb%20c%3Fd%23e",
      "https://api.test/api/v1/chat/conversations/x%2Fy/messages",
    ]);
  });

  it("puts the appointment range in the query string", async () => {
    const { api, last } = client(() => json({ data: [], time_zone: "America/Sao_Paulo" }));
    await api.appointments({ from: "2026-11-30", to: "2026-12-07", professionalId: "p1" });
    const url = new URL(last()?.url ?? "");
    expect(url.pathname).toBe("/api/v1/appointments");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: "2026-11-30",
      to: "2026-12-07",
      professional_id: "p1",
    });
  });

  it("leaves professional_id out of the query when it is undefined", async () => {
    const { api, last } = client(() => json({ data: [], time_zone: "America/Sao_Paulo" }));
    await api.appointments({ from: "2026-11-30", to: "2026-12-07" });
    expect(last()?.url).toBe("https://api.test/api/v1/appointments?from=2026-11-30&to=2026-12-07");
  });

  it("keeps a base URL's path prefix and drops its trailing slash", async () => {
    const { api, last } = client(undefined, "https://example.com/agenda/");
    await api.session();
    expect(last()?.url).toBe("https://example.com/agenda/api/v1/session");
  });

  it("calls a relative base URL on the page's own origin", async () => {
    vi.stubGlobal("location", new URL("https://salon.test/console/#/chat"));
    const { api, last } = client(undefined, "/backend/");
    await api.session();
    expect(last()?.url).toBe("https://salon.test/backend/api/v1/session");
  });

  it("calls an empty base URL at the root of the page's origin", async () => {
    vi.stubGlobal("location", new URL("https://salon.test/console/?x=1#/chat"));
    const { api, last } = client(undefined, "");
    await api.session();
    expect(last()?.url).toBe("https://salon.test/api/v1/session");
  });

  it("unwraps the pending auth requests list", async () => {
    const pending = [makeAuthRequestOut()];
    const { api, last } = client(() => json({ data: pending }));
    expect(await api.pendingAuthRequests()).toEqual(pending);
    expect(last()?.url).toBe("https://api.test/api/v1/sync/pending-auth-requests");
  });

  it("follows the pending list's pages until the last", async () => {
    const first = [makeAuthRequestOut({ id: "r1" }), makeAuthRequestOut({ id: "r2" })];
    const second = [makeAuthRequestOut({ id: "r3" })];
    const { api, requests } = client((request) =>
      new URL(request.url).searchParams.get("cursor") === "c2"
        ? json({ data: second, next_cursor: null })
        : json({ data: first, next_cursor: "c2" }),
    );
    expect((await api.pendingAuthRequests()).map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    expect(requests.map((r) => r.url)).toEqual([
      "https://api.test/api/v1/sync/pending-auth-requests",
      "https://api.test/api/v1/sync/pending-auth-requests?cursor=c2",
    ]);
  });

  it("maps ChatMessageOut to ChatMessage with the conversation id", async () => {
    const out = makeChatMessageOut({ id: "m9", author: "agent", body: "Temos às 15:00", intent: "booking" });
    const { api } = client(() => json({ data: [out] }));
    expect(await api.messages(CONVERSATION_ID)).toEqual([
      {
        id: "m9",
        conversation_id: CONVERSATION_ID,
        client_id: null,
        author: "agent",
        text: "Temos às 15:00",
        intent: "booking",
        created_at: out.created_at,
      },
    ]);
  });

  it("sends an owner message as {text}", async () => {
    const { api, last } = client(() => json({ client_id: "c", conversation_id: "v", message_id: "m" }));
    await api.sendMessage("v", "Oi!");
    expect(last()?.method).toBe("POST");
    expect(JSON.parse(last()?.body ?? "")).toEqual({ text: "Oi!" });
  });

  it("sends an owner message's idempotency key as a header", async () => {
    const { api, last } = client(() => json({ client_id: "c", conversation_id: "v", message_id: "m" }));
    await api.sendMessage("v", "Oi!", "console-key-1");
    expect(last()?.headers.get("Idempotency-Key")).toBe("console-key-1");
    expect(last()?.headers.get("Authorization")).toBe("Bearer secret");
  });

  it("gives a conversation back to the agent", async () => {
    const { api, last } = client(() => json({ conversation_id: "v 1", client_id: "c", agent_answers: true }));
    expect((await api.resumeConversation("v 1")).agent_answers).toBe(true);
    expect(last()?.method).toBe("POST");
    expect(last()?.url).toContain("/api/v1/chat/conversations/v%201/resume");
  });

  it("offers openapi-fetch's own client for any endpoint, with the token", async () => {
    const { api, last } = client(() => json({ data: [], total: 0 }));
    const { data, error } = await api.http.GET("/api/v1/clients", { params: { query: { search: "ana" } } });
    expect([data, error]).toEqual([{ data: [], total: 0 }, undefined]);
    expect(last()?.url).toBe("https://api.test/api/v1/clients?search=ana");
    expect(last()?.headers.get("Authorization")).toBe("Bearer secret");
  });

  it("checks paths, parameters and bodies against the back end's types", async () => {
    // tsc --noEmit fails if any of these lines stops being a type error.
    const { api, requests } = client();
    // @ts-expect-error: no such path
    await api.http.GET("/api/v1/nowhere");
    // @ts-expect-error: the conversation id is missing
    await api.http.POST("/api/v1/chat/conversations/{conversation_id}/resume", { params: { path: {} } });
    // @ts-expect-error: not a decision the back end takes
    await api.decideAuthRequest("r1", "maybe");
    // @ts-expect-error: schedules exist for the two campaigns only
    await api.setSchedule("black_friday", { enabled: true, local_time: "09:00", weekdays: [1] });
    expect(requests).toHaveLength(4);
  });

  it("makes random keys the back end accepts", () => {
    const keys = new Set(Array.from({ length: 20 }, () => randomKey()));
    expect(keys.size).toBe(20);
    for (const key of keys) expect(key).toMatch(/^console-[0-9a-f]{32}$/);
  });

  it("reads stored campaign runs as CampaignStats", async () => {
    const run = {
      run_id: "r1",
      campaign_type: "encher_agenda",
      trigger: "schedule",
      created_at: "2026-12-01T17:00:00Z",
      stats: {
        total_clients_found: 5,
        suggestions_created: 3,
        notifications_sent: 3,
        skipped: { no_slot: 2 },
      },
    };
    const { api, last } = client(() => json({ data: [run] }));
    expect(await api.campaignRuns(5)).toEqual([
      {
        campaign_type: "encher_agenda",
        run_id: "r1",
        at: "2026-12-01T17:00:00Z",
        total_clients_found: 5,
        suggestions_created: 3,
        notifications_sent: 3,
        skipped: { no_slot: 2 },
      },
    ]);
    expect(last()?.url).toBe("https://api.test/api/v1/automations/runs?limit=5");
  });

  it("PUTs a schedule to its campaign's path", async () => {
    const { api, last } = client();
    const body = { enabled: true, local_time: "09:00", weekdays: [1, 3, 5] };
    await api.setSchedule("encher_agenda", body);
    expect(last()?.method).toBe("PUT");
    expect(JSON.parse(last()?.body ?? "")).toEqual(body);
    expect(last()?.url).toBe("https://api.test/api/v1/automations/schedules/encher_agenda");
  });

  it("reads the campaign funnel of a range of days, of one campaign type or both", async () => {
    const zero = {
      offers: 0,
      sent: 0,
      delivered: null,
      accepted: 0,
      declined: 0,
      expired: 0,
      withdrawn: 0,
      preapproved: 0,
      booked: 0,
      attended: 0,
      no_show: 0,
      cancelled: 0,
      revenue_booked_cents: 0,
      revenue_attended_cents: 0,
    };
    const funnel = {
      from: "2026-11-01",
      to: "2026-11-30",
      campaign_type: "prazo_certo",
      totals: [{ ...zero, campaign_type: "prazo_certo", runs: 1, offers: 2, booked: 1 }],
      runs: [
        {
          ...zero,
          run_id: "r1",
          campaign_id: "schedule:prazo_certo:2026-11-28",
          campaign_type: "prazo_certo",
          trigger: "schedule",
          local_date: "2026-11-28",
          created_at: "2026-11-28T12:00:00Z",
          offers: 2,
          booked: 1,
        },
      ],
    };
    const { api, requests } = client(() => json(funnel));
    expect(await api.funnel({ from: "2026-11-01", to: "2026-11-30", campaignType: "prazo_certo" })).toEqual(
      funnel,
    );
    await api.funnel({ from: "2026-11-01", to: "2026-11-30" });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET https://api.test/api/v1/automations/funnel?from=2026-11-01&to=2026-11-30&campaign_type=prazo_certo",
      "GET https://api.test/api/v1/automations/funnel?from=2026-11-01&to=2026-11-30",
    ]);
  });
});

describe("ApiError", () => {
  it("carries the status, code and detail of a refused call", async () => {
    const { api } = client(() => json({ code: "slot_taken", detail: "Horário já ocupado" }, 409));
    const error = await caught(api.decideAuthRequest("r1", "approve"));
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.status, error.code, error.detail, error.message]).toEqual([
      "ApiError",
      409,
      "slot_taken",
      "Horário já ocupado",
      "Horário já ocupado",
    ]);
  });

  it("keeps a structured detail and names the message after status and code", async () => {
    const detail = [{ loc: ["body", "decision"], msg: "field required", type: "missing" }];
    const { api } = client(() => json({ code: "invalid_request", detail }, 422));
    const error = await caught(api.decideAuthRequest("r1", "approve"));
    expect(error.detail).toEqual(detail);
    expect(error.message).toBe("422 invalid_request");
  });

  it("falls back to http_<status> and the body text when the error body is not JSON", async () => {
    const { api } = client(() => new Response("<html>Bad Gateway</html>", { status: 502 }));
    const error = await caught(api.session());
    expect([error.status, error.code, error.detail]).toEqual([502, "http_502", "<html>Bad Gateway</html>"]);
  });

  it("uses http_<status> when a JSON error has no code", async () => {
    const { api } = client(() => json({ detail: "Not Found" }, 404));
    const error = await caught(api.services());
    expect([error.code, error.detail]).toEqual(["http_404", "Not Found"]);
  });

  it("says unauthorized for a 401 only", async () => {
    const e401 = await caught(
      client(() => json({ code: "invalid_token", detail: "expired" }, 401)).api.session(),
    );
    const e403 = await caught(client(() => json({ code: "forbidden", detail: "no" }, 403)).api.session());
    expect([e401.unauthorized, e403.unauthorized]).toEqual([true, false]);
  });

  it("is status 0 network_error when fetch itself fails", async () => {
    const api = createApiClient({
      baseUrl: "https://api.test",
      token: "secret",
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const error = await caught(api.session());
    expect([error.status, error.code, error.detail]).toEqual([
      0,
      "network_error",
      "TypeError: Failed to fetch",
    ]);
  });

  it("marks an appointment with its status and reason", async () => {
    const { api, last } = client();
    await api.markAppointment("a/1", { status: "cancelled", reason: "cliente ligou" });
    expect(last()?.url).toBe("https://api.test/api/v1/appointments/a%2F1/status");
    expect(last()?.method).toBe("POST");
    expect(JSON.parse(last()?.body ?? "")).toEqual({ status: "cancelled", reason: "cliente ligou" });
  });

  it("moves an appointment to a local date and time", async () => {
    const { api, last } = client();
    await api.moveAppointment("a1", { date: "2026-12-08", time: "15:30" });
    expect(last()?.url).toBe("https://api.test/api/v1/appointments/a1/move");
    expect(JSON.parse(last()?.body ?? "")).toEqual({ date: "2026-12-08", time: "15:30" });
  });

  it("an illegal mark is an ApiError with the server's code", async () => {
    const { api } = client(() => json({ code: "illegal_transition", detail: "cancelado" }, 409));
    const error = await caught(api.markAppointment("a1", { status: "completed" }));
    expect([error.status, error.code]).toEqual([409, "illegal_transition"]);
  });

  it("reads and replaces the salon's settings", async () => {
    const { api, requests } = client(() => json({ auto_complete: false, auto_complete_after_h: 4 }));
    await api.salonSettings();
    await api.setSalonSettings({ auto_complete: false, auto_complete_after_h: 4, offer_expiry_h: 24 });
    await api.changeSalonSettings({ closed_days: ["2026-12-25"], encher_agenda_discount_pct: null });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET https://api.test/api/v1/salon/settings",
      "PUT https://api.test/api/v1/salon/settings",
      "PATCH https://api.test/api/v1/salon/settings",
    ]);
    expect(JSON.parse(requests[2]?.body ?? "")).toEqual({
      closed_days: ["2026-12-25"],
      encher_agenda_discount_pct: null,
    });
  });

  it("decides many requests in one call", async () => {
    const { api, last } = client(() =>
      json({ data: [], approved: 0, preapproved: 2, rejected: 0, refused: 0 }),
    );
    const answer = await api.decideAuthRequests([
      { auth_request_id: "r1", decision: "approve" },
      { auth_request_id: "r2", decision: "approve" },
    ]);
    expect(last()?.url).toBe("https://api.test/api/v1/sync/confirm-auth-requests");
    expect(JSON.parse(last()?.body ?? "").decisions).toHaveLength(2);
    expect(answer.preapproved).toBe(2);
  });
});

describe("chat messages with media", () => {
  it("keep a voice note's kind and transcript", async () => {
    const out = makeChatMessageOut({
      id: "m1",
      body: "",
      kind: "audio",
      media_id: "wamid.media",
      mime_type: "audio/ogg",
      transcript: "Posso ir às 15h?",
    });
    const { api } = client(() => json({ data: [out] }));
    expect((await api.messages(CONVERSATION_ID))[0]).toMatchObject({
      kind: "audio",
      text: "",
      media_id: "wamid.media",
      mime_type: "audio/ogg",
      transcript: "Posso ir às 15h?",
    });
  });

  it("keep a location and a document's file name", async () => {
    const location = { latitude: -23.56, longitude: -46.65, name: "Casa", address: null };
    const { api } = client(() =>
      json({
        data: [
          makeChatMessageOut({ id: "m1", body: "", kind: "location", location }),
          makeChatMessageOut({ id: "m2", body: "comprovante", kind: "document", filename: "pix.pdf" }),
        ],
      }),
    );
    const [place, file] = await api.messages(CONVERSATION_ID);
    expect(place?.location).toEqual(location);
    expect(file).toMatchObject({ kind: "document", filename: "pix.pdf", text: "comprovante" });
  });

  it("leave a text message without media fields", async () => {
    const { api } = client(() => json({ data: [makeChatMessageOut({ kind: "text", transcript: null })] }));
    const [message] = await api.messages(CONVERSATION_ID);
    expect(Object.keys(message ?? {}).sort()).toEqual(
      ["author", "client_id", "conversation_id", "created_at", "id", "intent", "text"].sort(),
    );
  });
});

describe("salon profile", () => {
  it("reads the profile", async () => {
    const profile = makeSalonProfileOut();
    const { api, last } = client(() => json(profile));
    expect(await api.getSalonProfile()).toEqual(profile);
    expect(`${last()?.method} ${last()?.url}`).toBe("GET https://api.test/api/v1/salon/profile");
  });

  it("PUTs the whole profile and returns what the chat now tells", async () => {
    const saved = makeSalonProfileOut({ parking: "Estacionamento conveniado na rua de trás" });
    const { api, last } = client(() => json(saved));
    const body = {
      address: "Rua Augusta, 100",
      maps_url: null,
      opening_hours: [{ weekday: 0, opens: "09:00", closes: "18:00" }],
      payment_methods: ["pix" as const, "cash" as const],
      payment_notes: null,
      parking: "Estacionamento conveniado na rua de trás",
      cancellation_policy: "Cancelamentos com menos de 24 h pagam 50%",
      cancellation_window_h: 24,
      about: null,
    };
    expect(await api.setSalonProfile(body)).toEqual(saved);
    expect(`${last()?.method} ${last()?.url}`).toBe("PUT https://api.test/api/v1/salon/profile");
    expect(last()?.headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(last()?.body ?? "")).toEqual(body);
  });

  it("drops opening_hours_in_use from a profile sent back as it was read (the back end refuses it)", async () => {
    const { api, last } = client(() => json(makeSalonProfileOut()));
    await api.setSalonProfile(makeSalonProfileOut());
    const sent = JSON.parse(last()?.body ?? "");
    expect(sent).not.toHaveProperty("opening_hours_in_use");
    expect(sent.address).toBe("Rua Augusta, 100 - Consolação, São Paulo");
  });

  it("refuses a bad profile with the fields the back end named", async () => {
    const detail = [
      {
        loc: ["body", "maps_url"],
        msg: "String should match pattern '^https://\\S+$'",
        type: "string_pattern_mismatch",
      },
      {
        loc: ["body"],
        msg: "Value error, cancellation_window_h needs the cancellation_policy it applies",
        type: "value_error",
      },
      {
        loc: ["body", "opening_hours", 0],
        msg: "Value error, an opening period must close after it opens",
        type: "value_error",
      },
    ];
    const { api } = client(() => json({ code: "validation_error", detail }, 422));
    const error = await caught(api.setSalonProfile({ maps_url: "maps.google.com" }));
    expect([error.status, error.code]).toEqual([422, "validation_error"]);
    expect(validationProblems(error)).toEqual([
      {
        field: ["maps_url"],
        message: "String should match pattern '^https://\\S+$'",
        type: "string_pattern_mismatch",
      },
      {
        field: [],
        message: "cancellation_window_h needs the cancellation_policy it applies",
        type: "value_error",
      },
      {
        field: ["opening_hours", 0],
        message: "an opening period must close after it opens",
        type: "value_error",
      },
    ]);
  });

  it("staff may read the profile but not change it", async () => {
    const { api } = client(() => json({ code: "forbidden", detail: "owner only" }, 403));
    const error = await caught(api.setSalonProfile({}));
    expect([error.status, error.code]).toEqual([403, "forbidden"]);
    expect(validationProblems(error)).toEqual([]);
  });
});

describe("validationProblems", () => {
  it("is empty for anything but a 422 list", () => {
    expect(validationProblems(new Error("x"))).toEqual([]);
    expect(validationProblems(new ApiError(422, "invalid_command", "texto"))).toEqual([]);
    expect(validationProblems(new ApiError(409, "slot_taken", [{ loc: ["body"], msg: "x" }]))).toEqual([]);
  });

  it("skips what is not an error item", () => {
    const error = new ApiError(422, "validation_error", [null, "x", { msg: "sem local" }]);
    expect(validationProblems(error)).toEqual([{ field: [], message: "sem local", type: "" }]);
  });
});

describe("WhatsApp templates", () => {
  const listed = {
    templates: [
      {
        purpose: "reminder" as const,
        category: "UTILITY" as const,
        language: "pt_BR",
        name: "lembrete_bela",
        text: "Oi {{first_name}}! Seu {{service}} é {{when}}.",
        values: ["first_name", "of_salon", "service", "when", "salon"],
        own: true,
        meta: { name: "lembrete_bela" },
      },
    ],
  };

  it("reads each kind's template", async () => {
    const { api, last } = client(() => json(listed));
    expect(await api.getWhatsAppTemplates()).toEqual(listed);
    expect(`${last()?.method} ${last()?.url}`).toBe("GET https://api.test/api/v1/salon/whatsapp-templates");
  });

  it("PUTs the salon's own names and texts", async () => {
    const { api, last } = client(() => json(listed));
    const body = {
      templates: {
        reminder: { name: "lembrete_bela", text: "Oi {{first_name}}! Seu {{service}} é {{when}}." },
      },
    };
    expect(await api.setWhatsAppTemplates(body)).toEqual(listed);
    expect(`${last()?.method} ${last()?.url}`).toBe("PUT https://api.test/api/v1/salon/whatsapp-templates");
    expect(JSON.parse(last()?.body ?? "")).toEqual(body);
  });
});

describe("consent", () => {
  it("POSTs the owner's record of a client's consent", async () => {
    const answer = { client_id: "c-1", marketing_consent: true, marketing_opt_out: false };
    const { api, last } = client(() => json(answer));
    const body = { granted: true, text: "Autorizou na ficha" };
    expect(await api.recordConsent("c-1", body)).toEqual(answer);
    expect(`${last()?.method} ${last()?.url}`).toBe("POST https://api.test/api/v1/clients/c-1/consent");
    expect(JSON.parse(last()?.body ?? "")).toEqual(body);
  });
});

describe("WhatsApp channel", () => {
  it("PUTs the channel and reads back no secret", async () => {
    const answer = {
      phone_number_id: "109876543210",
      n8n_url: "https://salon.test/hook",
      has_webhook_secret: true,
      has_auth_token: false,
      daily_quota: 250,
      reached_last_24h: 0,
    };
    const { api, last } = client(() => json(answer));
    const body = { n8n_url: "https://salon.test/hook", webhook_secret: "whsec_abc", daily_quota: 250 };
    expect(await api.setWhatsAppChannel(body)).toEqual(answer);
    expect(`${last()?.method} ${last()?.url}`).toBe("PUT https://api.test/api/v1/salon/whatsapp-channel");
    expect(JSON.parse(last()?.body ?? "")).toEqual(body);
    expect(await api.getWhatsAppChannel()).toEqual(answer);
  });
});
