// Friendly names for the generated types (src/generated/*), which are the only source of truth.
import type { components } from "./generated/api";
import type * as Socket from "./generated/events";

export type Schemas = components["schemas"];
export type { Socket };
export type SocketMessage = Socket.SocketMessage;
/** A tenant event (control messages have a null event_id). */
export type AgentEvent = Extract<SocketMessage, { event_id: number }>;
export type EventType = SocketMessage["event_type"];

export type Session = Schemas["SessionOut"];
export type Agent = Schemas["AuthRequestOut"]["created_by_agent"];
export type AppointmentData = Schemas["AppointmentData"];
/** A pending proposal, as the REST list and the `auth_request_created` event both give it. */
export type ClientState = Socket.AuthRequestUpdatedData["client_state"];
export interface AuthRequest {
  id: string;
  appointment_data: AppointmentData | Socket.AppointmentData;
  created_by_agent: Agent;
  created_at: string;
  /** The client's side: a campaign offer is "offered" until the client answers. */
  client_state?: ClientState;
  /** The owner approved an offer before the client said yes (booked when they do). */
  preapproved?: boolean;
  expires_at?: string | null;
  /** The campaign run that offered it (its offers can be approved together). */
  campaign_run_id?: string | null;
  /** The client asked to move this booking ("remarcar"): approving moves it. */
  replaces_appointment_id?: string | null;
  /** The client's side ended it (declined, expired, withdrawn): shown until dismissed. */
  closed?: boolean;
}
export type AuthRequestChange = Socket.AuthRequestUpdatedData;
export type Appointment = Socket.AppointmentCreatedData;
/** An appointment marked (completed, no-show, cancelled) or moved, as the socket reports it. */
export type AppointmentChange = Socket.AppointmentUpdatedData;
export type CalendarAppointment = Schemas["AppointmentOut"];
export type MarkAppointmentBody = Schemas["MarkBody"];
export type MoveAppointmentBody = Schemas["MoveBody"];
/** The settings a salon uses: the server always sends every one (its choices over the defaults). */
export type SalonSettings = Required<Schemas["SalonSettings"]>;
export type SalonSettingsBody = Schemas["SalonSettingsBody"];
export type Professional = Schemas["Professional"];
export type Service = Schemas["Service"];
export type Conversation = Schemas["ConversationOut"];
export type CampaignType = Schemas["CampaignResponse"]["campaign_type"];
export type CampaignResult = Schemas["CampaignResponse"];
export type PrazoCertoBody = Schemas["PrazoCertoBody"];
export type EncherAgendaBody = Schemas["EncherAgendaBody"];
export type Schedule = Schemas["Schedule"];
export type CampaignRunSummary = Schemas["CampaignRunSummary"];
/** The campaign funnel of a range of the salon's days: per campaign type and per run. */
export type CampaignFunnel = Schemas["CampaignFunnel"];
/** What became of a run's offers: sent, answered, booked, attended, and the revenue (cents). */
export type FunnelCounts = Omit<Schemas["FunnelTotal"], "campaign_type" | "runs">;
export type FunnelTotal = Schemas["FunnelTotal"];
export type FunnelRun = Schemas["FunnelRun"];
export type ScheduleBody = Schemas["ScheduleBody"];
export type Decision = Schemas["ConfirmAuthRequestBody"]["decision"];
export type DecisionResult = Schemas["ConfirmAuthRequestResponse"];
export type BatchDecision = Schemas["BatchDecision"];
export type BatchDecisionResult = Schemas["ConfirmAuthRequestsResponse"];

/** One line of a conversation, from REST (`ChatMessageOut`) or from an event. */
export interface ChatMessage {
  id: string;
  conversation_id: string;
  client_id: string | null;
  author: "client" | "agent" | "owner";
  text: string;
  intent: string | null;
  created_at: string;
}

export interface CampaignStats {
  campaign_type: CampaignType;
  run_id: string | null;
  at: string;
  total_clients_found: number;
  suggestions_created: number;
  notifications_sent: number;
  skipped: Record<string, number>;
}

/** Something the owner should notice: a delivery outcome, a complaint, an opt-out. */
export interface Notification {
  id: string;
  kind: "sent" | "failed" | "complaint" | "opted_out" | "booking" | "handoff";
  client_id: string;
  text: string;
  at: string;
  read: boolean;
}
