// The typed client for the endpoints the dashboard uses: openapi-fetch over the generated
// `paths`, so each call's path, parameters, body and answer are checked against the back end.
import createClient, { type Client } from "openapi-fetch";
import { unwrap } from "./apiError.js";
import type { paths } from "./generated/api.js";
import type {
  AuthRequest,
  BatchDecision,
  CampaignRunSummary,
  CampaignStats,
  CampaignType,
  ChatMessage,
  Decision,
  MarkAppointmentBody,
  MoveAppointmentBody,
  Professional,
  SalonProfile,
  SalonProfileBody,
  SalonSettings,
  Schedule,
  Schemas,
  Service,
  WorkingHours,
  WorkingHoursBody,
} from "./types.js";

export {
  ApiError,
  unwrap,
  validationProblems,
  type DataOf,
  type FetchAnswer,
  type FieldProblem,
} from "./apiError.js";
export type { CalendarAppointment } from "./types.js";

/** openapi-fetch's client over the back end's paths (`api.http`: any endpoint, typed). */
export type HttpClient = Client<paths>;

export interface ApiClientOptions {
  /** The back end's root, absolute or relative to the page (`/agenda`); a trailing "/" is dropped. */
  baseUrl: string;
  token: string;
  /** Replaces `globalThis.fetch` (tests, instrumentation); called with a `Request`. */
  fetch?: (request: Request) => Promise<Response>;
}

export type ApiClient = ReturnType<typeof createApiClient>;

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

/**
 * The root without its trailing "/", made absolute on a page as `fetch(root + path)` would
 * resolve it ("" is the page's origin): openapi-fetch builds a `Request`, which needs a full URL.
 */
function absoluteRoot(baseUrl: string): string {
  const root = baseUrl.replace(/\/$/, "");
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  return page ? new URL(`${root}/`, page).href.replace(/\/$/, "") : root;
}

export function createApiClient({ baseUrl, token, fetch: fetcher }: ApiClientOptions) {
  const http: HttpClient = createClient<paths>({
    baseUrl: absoluteRoot(baseUrl),
    headers: { Authorization: `Bearer ${token}` },
    ...(fetcher ? { fetch: fetcher } : {}),
  });

  return {
    /** The openapi-fetch client itself, for endpoints without a method here (`{data, error}`). */
    http,
    session: () => unwrap(http.GET("/api/v1/session")),
    /** Every pending request, oldest first: follows the server's pages until the last. */
    pendingAuthRequests: async (): Promise<AuthRequest[]> => {
      const all: AuthRequest[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          http.GET("/api/v1/sync/pending-auth-requests", { params: { query: { cursor } } }),
        );
        all.push(...page.data);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return all;
    },
    decideAuthRequest: (requestId: string, decision: Decision, notes?: string) =>
      unwrap(
        http.POST("/api/v1/sync/confirm-auth-request/{request_id}", {
          params: { path: { request_id: requestId } },
          body: notes ? { decision, notes } : { decision },
        }),
      ),
    /** Many decisions in one call; each item says 200 or why it was refused (never silent). */
    decideAuthRequests: (decisions: BatchDecision[]) =>
      unwrap(http.POST("/api/v1/sync/confirm-auth-requests", { body: { decisions } })),
    runPrazoCerto: (body: Schemas["PrazoCertoBody"]) =>
      unwrap(http.POST("/api/v1/automations/prazo-certo/execute", { body })),
    runEncherAgenda: (body: Schemas["EncherAgendaBody"]) =>
      unwrap(http.POST("/api/v1/automations/encher-agenda/execute", { body })),
    /** Latest stored campaign runs, newest first (as `CampaignStats`, like the events give). */
    campaignRuns: async (limit = 20): Promise<CampaignStats[]> => {
      const list = await unwrap(http.GET("/api/v1/automations/runs", { params: { query: { limit } } }));
      return list.data.map(toCampaignStats);
    },
    /** The campaign funnel of the runs whose local day is in [from, to] (`YYYY-MM-DD`, ≤ 366 days). */
    funnel: (range: { from: string; to: string; campaignType?: CampaignType }) =>
      unwrap(
        http.GET("/api/v1/automations/funnel", {
          params: { query: { from: range.from, to: range.to, campaign_type: range.campaignType } },
        }),
      ),
    schedules: async (): Promise<Schedule[]> =>
      (await unwrap(http.GET("/api/v1/automations/schedules"))).data,
    setSchedule: (campaign: Schedule["campaign_type"], body: Schemas["ScheduleBody"]) =>
      unwrap(
        http.PUT("/api/v1/automations/schedules/{campaign_type}", {
          params: { path: { campaign_type: campaign } },
          body,
        }),
      ),
    conversations: async () => (await unwrap(http.GET("/api/v1/chat/conversations"))).data,
    messages: async (conversationId: string): Promise<ChatMessage[]> => {
      const list = await unwrap(
        http.GET("/api/v1/chat/conversations/{conversation_id}/messages", {
          params: { path: { conversation_id: conversationId } },
        }),
      );
      return list.data.map((m) => toChatMessage(conversationId, m));
    },
    /** `idempotencyKey`: the same key again (a retry) sends nothing twice. */
    sendMessage: (conversationId: string, text: string, idempotencyKey?: string) =>
      unwrap(
        http.POST("/api/v1/chat/conversations/{conversation_id}/messages", {
          params: {
            path: { conversation_id: conversationId },
            header: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {},
          },
          body: { text },
        }),
      ),
    /** Give a conversation the salon took over back to the agent (it answers again). */
    resumeConversation: (conversationId: string) =>
      unwrap(
        http.POST("/api/v1/chat/conversations/{conversation_id}/resume", {
          params: { path: { conversation_id: conversationId } },
        }),
      ),
    appointments: (range: { from: string; to: string; professionalId?: string }) =>
      unwrap(
        http.GET("/api/v1/appointments", {
          params: { query: { from: range.from, to: range.to, professional_id: range.professionalId } },
        }),
      ),
    /** Mark a visit completed or no-show, or cancel a booking (409: not allowed from its status). */
    markAppointment: (appointmentId: string, body: MarkAppointmentBody) =>
      unwrap(
        http.POST("/api/v1/appointments/{appointment_id}/status", {
          params: { path: { appointment_id: appointmentId } },
          body,
        }),
      ),
    /** Move a booking: `{date, time}` in the salon's zone, or `{starts_at}`. */
    moveAppointment: (appointmentId: string, body: MoveAppointmentBody) =>
      unwrap(
        http.POST("/api/v1/appointments/{appointment_id}/move", {
          params: { path: { appointment_id: appointmentId } },
          body,
        }),
      ),
    // The server always answers every setting (its choices over the defaults).
    salonSettings: async () => (await unwrap(http.GET("/api/v1/salon/settings"))) as SalonSettings,
    /** The owner's whole choice: settings it leaves out follow the deployment's defaults. */
    setSalonSettings: async (body: Schemas["SalonSettingsBody"]) =>
      (await unwrap(http.PUT("/api/v1/salon/settings", { body }))) as SalonSettings,
    /** Change only the settings named (null: back to the deployment's default). */
    changeSalonSettings: async (body: Schemas["SalonSettingsBody"]) =>
      (await unwrap(http.PATCH("/api/v1/salon/settings", { body }))) as SalonSettings,
    /** The facts the chat tells clients (owner and staff). */
    getSalonProfile: () => unwrap(http.GET("/api/v1/salon/profile")),
    /**
     * The owner's whole profile (owner only): a fact left out or null is unknown (the chat says
     * it will check with the salon); `opening_hours: null` follows the professionals' hours.
     * A profile as `getSalonProfile` gave it may be sent back: its `opening_hours_in_use` is dropped.
     */
    setSalonProfile: (body: SalonProfileBody) => {
      const { opening_hours_in_use: _derived, ...profile } = body as Partial<SalonProfile>;
      return unwrap(http.PUT("/api/v1/salon/profile", { body: profile as SalonProfileBody }));
    },
    /**
     * Record a client's consent to the salon's offers, or its revocation (owner only), with the
     * words agreed to; offers reach only clients with an active opt-in where the salon requires it.
     */
    recordConsent: (clientId: string, body: Schemas["ConsentBody"]) =>
      unwrap(
        http.POST("/api/v1/clients/{client_id}/consent", { params: { path: { client_id: clientId } }, body }),
      ),
    /** The salon's own WhatsApp channel (owner only); secrets are never answered. */
    getWhatsAppChannel: () => unwrap(http.GET("/api/v1/salon/whatsapp-channel")),
    /**
     * State the salon's own channel (owner only): `webhook_secret` / `auth_token` left out are
     * kept, null removes them; an n8n URL off the deployment's allowed hosts, or without the
     * salon's own secret, is a 422.
     */
    setWhatsAppChannel: (body: Schemas["WhatsAppChannelBody"]) =>
      unwrap(http.PUT("/api/v1/salon/whatsapp-channel", { body })),
    /** Each kind of message's WhatsApp template, with the JSON to submit to Meta (owner and staff). */
    getWhatsAppTemplates: () => unwrap(http.GET("/api/v1/salon/whatsapp-templates")),
    /**
     * The salon's own template names and texts, whole (owner only): values by name, as
     * `Olá, {{first_name}}!`; a purpose left out uses the shipped template. A value the purpose
     * does not have, or a text Meta would refuse, is a 422 `invalid_template`.
     */
    setWhatsAppTemplates: (body: Schemas["WhatsAppTemplatesBody"]) =>
      unwrap(http.PUT("/api/v1/salon/whatsapp-templates", { body })),
    professionals: async (): Promise<Professional[]> =>
      (await unwrap(http.GET("/api/v1/professionals"))).data,
    /** A professional's week and their coming bookings outside it (owner and staff; 404: not here). */
    workingHours: (professionalId: string): Promise<WorkingHours> =>
      unwrap(
        http.GET("/api/v1/professionals/{professional_id}/working-hours", {
          params: { path: { professional_id: professionalId } },
        }),
      ),
    /**
     * Replace a professional's whole week (owner only): a weekday without a period is a day off; a
     * bad week is a 422 that changes nothing. Bookings already outside the new hours are kept and
     * listed (`bookings_outside`).
     */
    setWorkingHours: (professionalId: string, body: WorkingHoursBody): Promise<WorkingHours> =>
      unwrap(
        http.PUT("/api/v1/professionals/{professional_id}/working-hours", {
          params: { path: { professional_id: professionalId } },
          body,
        }),
      ),
    services: async (): Promise<Service[]> => (await unwrap(http.GET("/api/v1/services"))).data,
  };
}
