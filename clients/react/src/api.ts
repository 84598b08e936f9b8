// A small typed client for the endpoints the dashboard uses; shapes come from the OpenAPI types.
import type {
  BatchDecision,
  BatchDecisionResult,
  CalendarAppointment,
  CampaignResult,
  CampaignType,
  Conversation,
  Decision,
  DecisionResult,
  EncherAgendaBody,
  MarkAppointmentBody,
  MoveAppointmentBody,
  SalonProfile,
  SalonProfileBody,
  WhatsAppTemplates,
  WhatsAppTemplatesBody,
  ClientConsent,
  ConsentBody,
  WhatsAppChannel,
  WhatsAppChannelBody,
  SalonSettings,
  SalonSettingsBody,
  PrazoCertoBody,
  Professional,
  Schedule,
  ScheduleBody,
  Schemas,
  Service,
  Session,
  AuthRequest,
  CampaignFunnel,
  CampaignRunSummary,
  CampaignStats,
  ChatMessage,
} from "./types";

/** A refused call: the back end's `{code, detail}` body, or the transport's failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: unknown,
  ) {
    super(typeof detail === "string" ? detail : `${status} ${code}`);
    this.name = "ApiError";
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | undefined>;

export type ApiClient = ReturnType<typeof createApiClient>;

/** One field the back end refused (422 `validation_error`): `field` without the leading "body". */
export interface FieldProblem {
  /** `["maps_url"]`, `["opening_hours", 0]`; `[]` for the body as a whole. */
  field: (string | number)[];
  /** The back end's words (pydantic's "Value error, " prefix dropped). */
  message: string;
  /** pydantic's error type: `string_pattern_mismatch`, `value_error`, … */
  type: string;
}

/** The fields a 422 refused, one per problem; [] for any other error. */
export function validationProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.detail)) return [];
  return error.detail.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { loc, msg, type } = item as { loc?: unknown; msg?: unknown; type?: unknown };
    const path = Array.isArray(loc) ? loc.filter((p) => typeof p === "string" || typeof p === "number") : [];
    return [
      {
        field: path[0] === "body" ? path.slice(1) : path,
        message: String(msg ?? "").replace(/^Value error, /, ""),
        type: String(type ?? ""),
      },
    ];
  });
}

export function toChatMessage(conversationId: string, m: Schemas["ChatMessageOut"]): ChatMessage {
  const message: ChatMessage = {
    id: m.id,
    conversation_id: conversationId,
    client_id: null,
    author: m.author,
    text: m.body,
    intent: m.intent,
    created_at: m.created_at,
  };
  // Media details only where there are some: a text message stays as it always was.
  if (m.kind && m.kind !== "text") message.kind = m.kind;
  if (m.media_id) message.media_id = m.media_id;
  if (m.mime_type) message.mime_type = m.mime_type;
  if (m.filename) message.filename = m.filename;
  if (m.location) message.location = m.location;
  if (m.transcript) message.transcript = m.transcript;
  return message;
}

export function toCampaignStats(run: CampaignRunSummary): CampaignStats {
  return { campaign_type: run.campaign_type, run_id: run.run_id, at: run.created_at, ...run.stats };
}

/** A random key for `Idempotency-Key` or a campaign id (works on plain-HTTP pages too). */
export function randomKey(prefix = "console"): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export function createApiClient({ baseUrl, token, fetch: fetcher = fetch }: ApiClientOptions) {
  const root = baseUrl.replace(/\/$/, "");

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
    extraHeaders?: Record<string, string>,
  ): Promise<T> {
    const url = new URL(root + path, "http://placeholder.invalid");
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const target = root.startsWith("http") ? url.toString() : url.pathname + url.search;
    const headers: Record<string, string> = { ...extraHeaders, Authorization: `Bearer ${token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetcher(target, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, "network_error", String(error));
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (!response.ok) {
      const error = (json ?? {}) as { code?: string; detail?: unknown };
      throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.detail ?? text);
    }
    return json as T;
  }

  return {
    session: () => call<Session>("GET", "/api/v1/session"),
    /** Every pending request, oldest first: follows the server's pages until the last. */
    pendingAuthRequests: async (): Promise<AuthRequest[]> => {
      const all: AuthRequest[] = [];
      let cursor: string | undefined;
      do {
        const page = await call<Schemas["PendingAuthRequests"]>(
          "GET",
          "/api/v1/sync/pending-auth-requests",
          undefined,
          { cursor },
        );
        all.push(...page.data);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return all;
    },
    decideAuthRequest: (id: string, decision: Decision, notes?: string) =>
      call<DecisionResult>(
        "POST",
        `/api/v1/sync/confirm-auth-request/${encodeURIComponent(id)}`,
        notes ? { decision, notes } : { decision },
      ),
    /** Many decisions in one call; each item says 200 or why it was refused (never silent). */
    decideAuthRequests: (decisions: BatchDecision[]) =>
      call<BatchDecisionResult>("POST", "/api/v1/sync/confirm-auth-requests", { decisions }),
    runPrazoCerto: (body: PrazoCertoBody) =>
      call<CampaignResult>("POST", "/api/v1/automations/prazo-certo/execute", body),
    runEncherAgenda: (body: EncherAgendaBody) =>
      call<CampaignResult>("POST", "/api/v1/automations/encher-agenda/execute", body),
    /** Latest stored campaign runs, newest first (as `CampaignStats`, like the events give). */
    campaignRuns: async (limit = 20): Promise<CampaignStats[]> => {
      const list = await call<Schemas["CampaignRunList"]>("GET", "/api/v1/automations/runs", undefined, {
        limit,
      });
      return list.data.map(toCampaignStats);
    },
    /** The campaign funnel of the runs whose local day is in [from, to] (`YYYY-MM-DD`, ≤ 366 days). */
    funnel: (range: { from: string; to: string; campaignType?: CampaignType }) =>
      call<CampaignFunnel>("GET", "/api/v1/automations/funnel", undefined, {
        from: range.from,
        to: range.to,
        campaign_type: range.campaignType,
      }),
    schedules: async (): Promise<Schedule[]> =>
      (await call<Schemas["ScheduleList"]>("GET", "/api/v1/automations/schedules")).data,
    setSchedule: (campaign: Schedule["campaign_type"], body: ScheduleBody) =>
      call<Schedule>("PUT", `/api/v1/automations/schedules/${campaign}`, body),
    conversations: async (): Promise<Conversation[]> =>
      (await call<Schemas["ConversationList"]>("GET", "/api/v1/chat/conversations")).data,
    messages: async (conversationId: string): Promise<ChatMessage[]> => {
      const path = `/api/v1/chat/conversations/${encodeURIComponent(conversationId)}/messages`;
      const list = await call<Schemas["ChatMessageList"]>("GET", path);
      return list.data.map((m) => toChatMessage(conversationId, m));
    },
    /** `idempotencyKey`: the same key again (a retry) sends nothing twice. */
    sendMessage: (conversationId: string, text: string, idempotencyKey?: string) =>
      call<Schemas["OwnerMessageResult"]>(
        "POST",
        `/api/v1/chat/conversations/${encodeURIComponent(conversationId)}/messages`,
        { text },
        undefined,
        idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined,
      ),
    /** Give a conversation the salon took over back to the agent (it answers again). */
    resumeConversation: (conversationId: string) =>
      call<Schemas["ConversationAgent"]>(
        "POST",
        `/api/v1/chat/conversations/${encodeURIComponent(conversationId)}/resume`,
      ),
    appointments: async (range: { from: string; to: string; professionalId?: string }) =>
      await call<Schemas["AppointmentList"]>("GET", "/api/v1/appointments", undefined, {
        from: range.from,
        to: range.to,
        professional_id: range.professionalId,
      }),
    /** Mark a visit completed or no-show, or cancel a booking (409: not allowed from its status). */
    markAppointment: (id: string, body: MarkAppointmentBody) =>
      call<CalendarAppointment>("POST", `/api/v1/appointments/${encodeURIComponent(id)}/status`, body),
    /** Move a booking: `{date, time}` in the salon's zone, or `{starts_at}`. */
    moveAppointment: (id: string, body: MoveAppointmentBody) =>
      call<CalendarAppointment>("POST", `/api/v1/appointments/${encodeURIComponent(id)}/move`, body),
    salonSettings: () => call<SalonSettings>("GET", "/api/v1/salon/settings"),
    /** The owner's whole choice: settings it leaves out follow the deployment's defaults. */
    setSalonSettings: (body: SalonSettingsBody) => call<SalonSettings>("PUT", "/api/v1/salon/settings", body),
    /** Change only the settings named (null: back to the deployment's default). */
    changeSalonSettings: (body: SalonSettingsBody) =>
      call<SalonSettings>("PATCH", "/api/v1/salon/settings", body),
    /** The facts the chat tells clients (owner and staff). */
    getSalonProfile: () => call<SalonProfile>("GET", "/api/v1/salon/profile"),
    /**
     * The owner's whole profile (owner only): a fact left out or null is unknown (the chat says
     * it will check with the salon); `opening_hours: null` follows the professionals' hours.
     * A profile as `getSalonProfile` gave it may be sent back: its `opening_hours_in_use` is dropped.
     */
    setSalonProfile: (body: SalonProfileBody) => {
      const { opening_hours_in_use: _derived, ...profile } = body as Partial<SalonProfile>;
      return call<SalonProfile>("PUT", "/api/v1/salon/profile", profile);
    },
    /**
     * Record a client's consent to the salon's offers, or its revocation (owner only), with the
     * words agreed to; offers reach only clients with an active opt-in where the salon requires it.
     */
    recordConsent: (clientId: string, body: ConsentBody) =>
      call<ClientConsent>("POST", `/api/v1/clients/${encodeURIComponent(clientId)}/consent`, body),
    /** The salon's own WhatsApp channel (owner only); secrets are never answered. */
    getWhatsAppChannel: () => call<WhatsAppChannel>("GET", "/api/v1/salon/whatsapp-channel"),
    /**
     * State the salon's own channel (owner only): `webhook_secret` / `auth_token` left out are
     * kept, null removes them; an n8n URL off the deployment's allowed hosts, or without the
     * salon's own secret, is a 422.
     */
    setWhatsAppChannel: (body: WhatsAppChannelBody) =>
      call<WhatsAppChannel>("PUT", "/api/v1/salon/whatsapp-channel", body),
    /** Each kind of message's WhatsApp template, with the JSON to submit to Meta (owner and staff). */
    getWhatsAppTemplates: () => call<WhatsAppTemplates>("GET", "/api/v1/salon/whatsapp-templates"),
    /**
     * The salon's own template names and texts, whole (owner only): values by name, as
     * `Olá, {{first_name}}!`; a purpose left out uses the shipped template. A value the purpose
     * does not have, or a text Meta would refuse, is a 422 `invalid_template`.
     */
    setWhatsAppTemplates: (body: WhatsAppTemplatesBody) =>
      call<WhatsAppTemplates>("PUT", "/api/v1/salon/whatsapp-templates", body),
    professionals: async (): Promise<Professional[]> =>
      (await call<Schemas["ProfessionalList"]>("GET", "/api/v1/professionals")).data,
    services: async (): Promise<Service[]> =>
      (await call<Schemas["ServiceList"]>("GET", "/api/v1/services")).data,
  };
}

export type { CalendarAppointment };
