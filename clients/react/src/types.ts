// Friendly names for the generated types (src/generated/*), which are the only source of truth.
import type { components } from "./generated/api.js";
import type * as Socket from "./generated/events.js";

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
/** The facts the chat tells clients, and `opening_hours_in_use` (what it tells of the hours). */
export type SalonProfile = Schemas["SalonProfileOut"];
/** The whole profile the owner saves; a fact left out or null is unknown (never ""). */
export type SalonProfileBody = Schemas["SalonProfileBody"];
/** Each kind of message's WhatsApp template (what it becomes outside the client's 24 h window). */
export type WhatsAppTemplates = Schemas["WhatsAppTemplatesOut"];
export type WhatsAppTemplatesBody = Schemas["WhatsAppTemplatesBody"];
/** The salon's own WhatsApp channel; secrets only as whether they are set. */
export type WhatsAppChannel = Schemas["WhatsAppChannelOut"];
export type WhatsAppChannelBody = Schemas["WhatsAppChannelBody"];
/** A client's consent to marketing, and the owner's record of it. */
export type ClientConsent = Schemas["ClientConsent"];
export type ConsentBody = Schemas["ConsentBody"];
/** `weekday` 0 = Monday … 6 = Sunday; `opens`/`closes` "HH:MM[:SS]" in the salon's zone. */
export type OpeningPeriod = Schemas["OpeningPeriod"];
export type PaymentMethod = NonNullable<SalonProfileBody["payment_methods"]>[number];
/**
 * Something in a client's message the salon should know (`client_notice`): late, on the way,
 * arrived, a question the profile does not answer (`missing_fact`, `topics`), or media.
 */
export type ClientNotice = Socket.ClientNoticeData;
export type ClientNoticeKind = ClientNotice["kind"];
/** What a client asked about the salon: address, hours, payment, parking, cancellation, about. */
export type SalonTopic = ClientNotice["topics"][number];
export type Professional = Schemas["Professional"];
/** A professional's week (`periods`, "HH:MM") and their coming bookings outside it. */
export type WorkingHours = Schemas["WorkingHoursView"];
/** One period of a weekday's work: `weekday` 0 = Monday … 6 = Sunday, `start`/`end` "HH:MM". */
export type WorkingPeriod = Schemas["WorkingPeriod"];
/** A coming booking outside its professional's hours (kept; the owner moves or cancels it). */
export type BookingOutside = Schemas["BookingOutside"];
export type WorkingHoursBody = Schemas["WorkingHoursBody"];
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

/** A location a client sent on WhatsApp. */
export type ChatLocation = Schemas["LocationOut"];
/** What the agent read or answered: the seed's five and cancel, reschedule, handoff, late, salon_info. */
export type Intent = NonNullable<Schemas["ChatMessageOut"]["intent"]>;

/** One line of a conversation, from REST (`ChatMessageOut`) or from an event. */
export interface ChatMessage {
  id: string;
  conversation_id: string;
  client_id: string | null;
  author: "client" | "agent" | "owner";
  /** The words; for media, its caption ("" when none). */
  text: string;
  intent: string | null;
  created_at: string;
  /**
   * WhatsApp's type when the message is not text: audio, image, video, document, location,
   * contacts, sticker, or another type as WhatsApp names it (absent: text). See `mediaLabel`.
   */
  kind?: string;
  /** WhatsApp's media id (the console cannot open the media itself). */
  media_id?: string;
  mime_type?: string;
  filename?: string;
  location?: ChatLocation;
  /** What a voice note says, when the salon transcribes them (`transcribe_voice`). */
  transcript?: string;
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

/**
 * Something the owner should notice: a delivery outcome, a complaint, an opt-out, a client's
 * notice (late, arrived, a question for the salon, media), the salon's profile changed.
 */
export interface Notification {
  id: string;
  kind:
    | "sent"
    | "failed"
    | "deferred"
    | "complaint"
    | "opted_out"
    | "booking"
    | "handoff"
    | "client_notice"
    | "salon_profile"
    | "working_hours";
  /** "" for notices about the salon itself (`salon_profile`, `working_hours`). */
  client_id: string;
  text: string;
  at: string;
  read: boolean;
  /** The conversation it is about (client notices). */
  conversation_id?: string;
  /** A client notice as the event gave it (`notice.kind`: late, arrived, …). */
  notice?: ClientNotice;
  /** A failure's reason and code as the back end gave them (for support, in a tooltip). */
  code?: string;
}
