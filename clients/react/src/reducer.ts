// The seed's AppContext actions and a reducer for them; `actionsForEvent` maps socket events to
// actions. Every action is safe to repeat: ids deduplicate, so a replayed event changes nothing.
import { clientNoticeText, DEFAULT_TIME_ZONE, formatDateTime } from "./format.js";
import { deliveryFailureCode, deliveryFailureText } from "./failureTexts.js";
import { workingHoursUpdatedText } from "./workingHours.js";
import type {
  Appointment,
  AppointmentChange,
  AuthRequest,
  AuthRequestChange,
  CampaignStats,
  ChatMessage,
  Notification,
  AgentEvent,
} from "./types.js";

export type AppAction =
  | { type: "ADD_AUTH_REQUEST"; payload: AuthRequest; eventId?: number }
  | { type: "REMOVE_AUTH_REQUEST"; payload: string } // request id
  // The client's side changed, or the owner pre-approved: the card shows it (closed: dimmed).
  | { type: "UPDATE_AUTH_REQUEST"; payload: AuthRequestChange }
  // After a refetch: `since` is the event id the list is at least as new as (see the reducer).
  | { type: "SET_AUTH_REQUESTS"; payload: AuthRequest[]; since?: number | null }
  | { type: "ADD_APPOINTMENT"; payload: Appointment }
  // The latest change of an appointment (marked or moved); a replay of an older one changes nothing.
  | { type: "UPDATE_APPOINTMENT"; payload: AppointmentChange; eventId: number }
  | { type: "ADD_MESSAGE"; payload: ChatMessage }
  | { type: "SET_MESSAGES"; payload: { conversation_id: string; messages: ChatMessage[] } }
  | { type: "SET_CAMPAIGN_STATS"; payload: CampaignStats }
  | { type: "SET_CAMPAIGN_RUNS"; payload: CampaignStats[] } // stored runs, after a refetch
  | { type: "UPDATE_NOTIFICATIONS"; payload: Notification[] }
  | { type: "SET_LAST_EVENT_ID"; payload: number };

export interface AgentState {
  authRequests: AuthRequest[];
  /** The event id that added each pending request (absent: it came from REST). */
  authRequestEventIds: Record<string, number>;
  /** Requests decided in this session (a decided request never returns to pending). */
  decidedAuthRequests: string[];
  appointments: Appointment[];
  /** The latest change per appointment id (its status, time and professional now). */
  appointmentChanges: Record<string, AppointmentChange & { eventId: number }>;
  /** Messages per conversation id, oldest first. */
  messages: Record<string, ChatMessage[]>;
  campaignStats: CampaignStats | null;
  campaignHistory: CampaignStats[];
  notifications: Notification[];
  /** Since the page opened; not lengths of the capped lists above. */
  counters: { delivered: number; campaigns: number };
  lastEventId: number | null;
}

export const initialAgentState: AgentState = {
  authRequests: [],
  authRequestEventIds: {},
  decidedAuthRequests: [],
  appointments: [],
  appointmentChanges: {},
  messages: {},
  campaignStats: null,
  campaignHistory: [],
  notifications: [],
  counters: { delivered: 0, campaigns: 0 },
  lastEventId: null,
};

const MAX_NOTIFICATIONS = 50;
/** Delivery receipts come by the hundred after a campaign: they are the first to go. */
const FIRST_TO_GO: Notification["kind"] = "sent";
const MAX_CAMPAIGNS = 20;
const MAX_DECIDED = 500;

function byTime(a: ChatMessage, b: ChatMessage): number {
  return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0;
}

function mergeMessages(existing: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const seen = new Map(existing.map((m) => [m.id, m]));
  for (const message of incoming) seen.set(message.id, message);
  return [...seen.values()].sort(byTime);
}

export function agentReducer(state: AgentState, action: AppAction): AgentState {
  switch (action.type) {
    case "ADD_AUTH_REQUEST": {
      const id = action.payload.id;
      if (state.authRequests.some((r) => r.id === id) || state.decidedAuthRequests.includes(id)) {
        return state;
      }
      const eventIds =
        action.eventId === undefined
          ? state.authRequestEventIds
          : { ...state.authRequestEventIds, [id]: action.eventId };
      return {
        ...state,
        authRequests: [...state.authRequests, action.payload],
        authRequestEventIds: eventIds,
      };
    }
    case "REMOVE_AUTH_REQUEST": {
      const id = action.payload;
      if (state.decidedAuthRequests.includes(id)) return state;
      const { [id]: _dropped, ...eventIds } = state.authRequestEventIds;
      return {
        ...state,
        authRequests: state.authRequests.filter((r) => r.id !== id),
        authRequestEventIds: eventIds,
        decidedAuthRequests: [...state.decidedAuthRequests, id].slice(-MAX_DECIDED),
      };
    }
    case "UPDATE_AUTH_REQUEST": {
      const change = action.payload;
      if (change.status === "approved" || change.status === "rejected") {
        return agentReducer(state, { type: "REMOVE_AUTH_REQUEST", payload: change.auth_request_id });
      }
      const known = state.authRequests.find((r) => r.id === change.auth_request_id);
      if (!known) return state; // not on this page (decided here already, or never loaded)
      const updated: AuthRequest = {
        ...known,
        client_state: change.client_state,
        preapproved: change.preapproved,
        expires_at: change.expires_at,
        closed: change.status === "closed",
      };
      return { ...state, authRequests: state.authRequests.map((r) => (r.id === known.id ? updated : r)) };
    }
    case "SET_AUTH_REQUESTS":
      return { ...state, authRequests: mergeRefetched(state, action.payload, action.since ?? null) };
    case "ADD_APPOINTMENT":
      if (state.appointments.some((a) => a.appointment_id === action.payload.appointment_id)) {
        return state;
      }
      return { ...state, appointments: [...state.appointments, action.payload] };
    case "UPDATE_APPOINTMENT": {
      const id = action.payload.appointment_id;
      const known = state.appointmentChanges[id];
      if (known && known.eventId >= action.eventId) return state;
      return {
        ...state,
        appointmentChanges: {
          ...state.appointmentChanges,
          [id]: { ...action.payload, eventId: action.eventId },
        },
      };
    }
    case "ADD_MESSAGE": {
      const id = action.payload.conversation_id;
      const current = state.messages[id] ?? [];
      const known = current.find((m) => m.id === action.payload.id);
      // The same message again changes nothing; a server copy replaces a local one (its time).
      if (known && known.created_at === action.payload.created_at) return state;
      return {
        ...state,
        messages: { ...state.messages, [id]: mergeMessages(current, [action.payload]) },
      };
    }
    case "SET_MESSAGES": {
      const { conversation_id: id, messages } = action.payload;
      // Keeps what arrived live while the list was loading.
      const merged = mergeMessages(state.messages[id] ?? [], messages);
      return { ...state, messages: { ...state.messages, [id]: merged } };
    }
    case "SET_CAMPAIGN_STATS": {
      const stats = action.payload;
      const others = state.campaignHistory.filter(
        (s) => !(stats.run_id !== null && s.run_id === stats.run_id),
      );
      const repeated = others.length < state.campaignHistory.length;
      return {
        ...state,
        campaignStats: stats,
        campaignHistory: [stats, ...others].slice(0, MAX_CAMPAIGNS),
        counters: repeated ? state.counters : { ...state.counters, campaigns: state.counters.campaigns + 1 },
      };
    }
    case "SET_CAMPAIGN_RUNS": {
      // Stored runs plus any that arrived live; newest first, each run once.
      const byRun = new Map<string, CampaignStats>();
      for (const run of [...state.campaignHistory, ...action.payload]) {
        byRun.set(run.run_id ?? `${run.campaign_type}:${run.at}`, run);
      }
      const history = [...byRun.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      const kept = history.slice(0, MAX_CAMPAIGNS);
      return { ...state, campaignHistory: kept, campaignStats: kept[0] ?? null };
    }
    case "UPDATE_NOTIFICATIONS": {
      const byId = new Map(state.notifications.map((n) => [n.id, n]));
      const delivered = action.payload.filter((n) => n.kind === "sent" && !byId.has(n.id)).length;
      for (const n of action.payload) byId.set(n.id, n);
      const all = [...byId.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return {
        ...state,
        notifications: capped(all),
        counters: { ...state.counters, delivered: state.counters.delivered + delivered },
      };
    }
    case "SET_LAST_EVENT_ID":
      if (state.lastEventId !== null && action.payload <= state.lastEventId) return state;
      return { ...state, lastEventId: action.payload };
    default:
      return state; // another reducer's action (when folded into an app's own reducer)
  }
}

/**
 * The newest notifications, at most MAX_NOTIFICATIONS: the oldest delivery receipts go first, so
 * a campaign's receipts never push out a complaint or a client's notice. `all`: newest first.
 */
function capped(all: Notification[]): Notification[] {
  let extra = all.length - MAX_NOTIFICATIONS;
  if (extra <= 0) return all;
  const kept: Notification[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const n = all[i]!;
    if (extra > 0 && n.kind === FIRST_TO_GO) extra--;
    else kept.push(n);
  }
  return kept.reverse().slice(0, MAX_NOTIFICATIONS);
}

/**
 * A refetched pending list, reconciled with what arrived live while it was loading: requests
 * decided in this session stay out, and requests added by events newer than the list (`since`)
 * stay in even when the list does not have them yet.
 */
function mergeRefetched(state: AgentState, fetched: AuthRequest[], since: number | null): AuthRequest[] {
  const decided = new Set(state.decidedAuthRequests);
  const merged = fetched.filter((r) => !decided.has(r.id));
  const ids = new Set(merged.map((r) => r.id));
  for (const request of state.authRequests) {
    const addedBy = state.authRequestEventIds[request.id];
    if (!ids.has(request.id) && since !== null && addedBy !== undefined && addedBy > since) {
      merged.push(request);
    }
  }
  return merged;
}

function notification(
  event: AgentEvent,
  kind: Notification["kind"],
  text: string,
  client: string,
  more: Pick<Notification, "conversation_id" | "notice" | "code"> = {},
) {
  return {
    type: "UPDATE_NOTIFICATIONS" as const,
    payload: [
      {
        id: `event:${event.event_id}`,
        kind,
        client_id: client,
        text,
        at: event.occurred_at,
        read: false,
        ...more,
      },
    ],
  };
}

/** Why a person of the salon now has a conversation, in the owner's words. */
const HANDOFF: Record<"client_asked" | "complaint" | "owner_replied", (name: string) => string> = {
  client_asked: (name) => `${name} pediu para falar com uma pessoa`,
  complaint: (name) => `Atendimento de ${name} passou para a equipe (reclamação)`,
  owner_replied: (name) => `Atendimento automático pausado na conversa com ${name}`,
};

type ChatEvent = Extract<
  AgentEvent,
  { event_type: "message_received" | "ai_response" | "owner_message_sent" }
>;

function chatLine(
  event: ChatEvent,
  author: ChatMessage["author"],
  id: string,
  intent: string | null = null,
  kind: string = "text",
): AppAction {
  const { conversation_id, client_id, message } = event.data;
  const payload: ChatMessage = {
    id,
    conversation_id,
    client_id,
    author,
    text: message,
    intent,
    created_at: event.occurred_at,
  };
  // A voice note or photo: the REST list has its details (transcript, file name, location).
  if (kind !== "text") payload.kind = kind;
  return { type: "ADD_MESSAGE", payload };
}

/**
 * What one socket event means for the owner's state (the seed's `switch (event_type)`). Times in
 * a client notice's `text` are America/Sao_Paulo's: a salon elsewhere shows
 * `clientNoticeText(n.notice, n.at, timeZone)`, or maps events with `actionsForEventIn`.
 */
export function actionsForEvent(event: AgentEvent): AppAction[] {
  return actionsForEventIn(DEFAULT_TIME_ZONE)(event);
}

/** `actionsForEvent` for a salon in `timeZone` (the session's `time_zone`), for your own socket loop. */
export function actionsForEventIn(timeZone: string): (event: AgentEvent) => AppAction[] {
  return (event) => {
    const actions = eventActions(event, timeZone);
    actions.push({ type: "SET_LAST_EVENT_ID", payload: event.event_id });
    return actions;
  };
}

function eventActions(event: AgentEvent, timeZone: string): AppAction[] {
  switch (event.event_type) {
    case "auth_request_created":
      return [{ type: "ADD_AUTH_REQUEST", payload: event.data.auth_request, eventId: event.event_id }];
    case "auth_request_updated":
      return [{ type: "UPDATE_AUTH_REQUEST", payload: event.data }];
    case "auth_request_rejected":
      return [{ type: "REMOVE_AUTH_REQUEST", payload: event.data.auth_request_id }];
    case "appointment_created": {
      const actions: AppAction[] = [{ type: "ADD_APPOINTMENT", payload: event.data }];
      if (event.data.auth_request_id) {
        actions.unshift({ type: "REMOVE_AUTH_REQUEST", payload: event.data.auth_request_id });
      }
      return actions;
    }
    case "appointment_updated":
      return [{ type: "UPDATE_APPOINTMENT", payload: event.data, eventId: event.event_id }];
    case "message_received":
      return [chatLine(event, "client", event.data.message_id, null, event.data.kind)];
    case "ai_response": {
      const id = event.data.message_id ?? `event:${event.event_id}`;
      // The REST list gives the detailed intent (cancel, late, …): the same here.
      const intent = event.data.intent_detail ?? event.data.intent;
      const actions: AppAction[] = [chatLine(event, "agent", id, intent)];
      if (event.data.booking_created) {
        actions.push(notification(event, "booking", "IA sugeriu um agendamento", event.data.client_id));
      }
      return actions;
    }
    case "owner_message_sent":
      return [chatLine(event, "owner", event.data.message_id)];
    case "campaign_completed":
      return [
        {
          type: "SET_CAMPAIGN_STATS",
          payload: {
            campaign_type: event.data.campaign_type,
            run_id: event.data.run_id,
            at: event.occurred_at,
            ...event.data.stats,
          },
        },
      ];
    case "notification_sent":
      return [
        notification(
          event,
          "sent",
          event.data.sent_as === "template"
            ? `Mensagem entregue (modelo ${event.data.template})`
            : "Mensagem entregue",
          event.data.client_id,
        ),
      ];
    case "notification_failed":
      return [
        notification(
          event,
          "failed",
          `Falha no envio: ${deliveryFailureText(event.data)}`,
          event.data.client_id,
          {
            code: deliveryFailureCode(event.data),
          },
        ),
      ];
    case "notification_deferred":
      return [
        notification(
          event,
          "deferred",
          `WhatsApp segurou a mensagem (limite de marketing); nova tentativa em ${formatDateTime(event.data.retry_at)}`,
          event.data.client_id,
        ),
      ];
    case "complaint_received":
      return [
        notification(
          event,
          "complaint",
          `Reclamação de ${event.data.client_name}: ${event.data.message}`,
          event.data.client_id,
        ),
      ];
    case "conversation_paused":
      return [
        notification(
          event,
          "handoff",
          HANDOFF[event.data.reason](event.data.client_name),
          event.data.client_id,
        ),
      ];
    case "conversation_resumed":
      return [notification(event, "handoff", "Atendimento automático retomado", event.data.client_id)];
    case "client_opted_out":
      return [
        notification(
          event,
          "opted_out",
          event.data.source === "whatsapp"
            ? "Cliente bloqueou ofertas no WhatsApp"
            : "Cliente saiu das campanhas",
          event.data.client_id,
        ),
      ];
    case "client_erased":
      return [notification(event, "opted_out", "Dados do cliente removidos (LGPD)", event.data.client_id)];
    case "client_opted_in":
      return [
        notification(
          event,
          "opted_out",
          event.data.source === "owner"
            ? "Autorização de ofertas registrada"
            : "Cliente passou a aceitar ofertas",
          event.data.client_id,
        ),
      ];
    case "client_notice":
      return [
        notification(
          event,
          "client_notice",
          clientNoticeText(event.data, event.occurred_at, timeZone),
          event.data.client_id,
          { conversation_id: event.data.conversation_id, notice: event.data },
        ),
      ];
    case "salon_profile_updated":
      // Pages showing the profile reload it when they see this notification.
      return [notification(event, "salon_profile", "Perfil do salão atualizado", "")];
    case "working_hours_updated":
      // The Horários page reloads the week when it sees this notification.
      return [notification(event, "working_hours", workingHoursUpdatedText(event.data), "")];
    default:
      return []; // an event type newer than this kit: ignore it
  }
}
