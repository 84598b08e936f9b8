// Generated from the back end's live socket JSON Schema (domain/socket_frames.py) by scripts/generate-types.mjs. Do not edit.
// Regenerate: python -m scripts.client_types (from the repository root).

export type SocketMessage =
  | AuthRequestCreated
  | AuthRequestUpdated
  | AuthRequestRejected
  | AppointmentCreated
  | AppointmentUpdated
  | AiResponse
  | CampaignCompleted
  | NotificationSent
  | NotificationFailed
  | MessageReceived
  | OwnerMessageSent
  | ComplaintReceived
  | ClientOptedOut
  | ConversationPaused
  | ConversationResumed
  | ClientNotice
  | SalonProfileUpdated
  | ClientOptedIn
  | ClientErased
  | NotificationDeferred
  | WorkingHoursUpdated
  | SyncStarted
  | ResyncRequired;
export type Agent = "prazo_certo" | "encher_agenda" | "chat" | "manual";

export interface AuthRequestCreated {
  data: AuthRequestCreatedData;
  event_id: number;
  event_type: "auth_request_created";
  occurred_at: string;
  tenant_id: string;
}
export interface AuthRequestCreatedData {
  auth_request: AuthRequestView;
}
export interface AuthRequestView {
  appointment_data: AppointmentData;
  campaign_run_id: string | null;
  client_state:
    "proposed" | "requested" | "offered" | "accepted" | "declined" | "expired" | "withdrawn";
  created_at: string;
  created_by_agent: Agent;
  expires_at: string | null;
  id: string;
  replaces_appointment_id: string | null;
}
/**
 * What an auth request proposes, denormalised for the dashboard card (seed's shape).
 */
export interface AppointmentData {
  client_id: string;
  client_name: string;
  date: string;
  duration_min: number;
  ends_at: string;
  final_price_cents: number;
  offer?: Offer | null;
  price_cents: number;
  professional_id: string;
  professional_name: string;
  service_id: string;
  service_name: string;
  starts_at: string;
  time: string;
}
/**
 * A discount attached to a suggestion: `percent` (0-100) or `amount_cents` off.
 */
export interface Offer {
  type: string;
  value: number;
}
export interface AuthRequestUpdated {
  data: AuthRequestUpdatedData;
  event_id: number;
  event_type: "auth_request_updated";
  occurred_at: string;
  tenant_id: string;
}
/**
 * The client's side of a request changed (accepted, declined, expired, withdrawn), or the
 * owner pre-approved an offer; `status` is `closed` once the client's side ended it.
 */
export interface AuthRequestUpdatedData {
  auth_request_id: string;
  client_state:
    "proposed" | "requested" | "offered" | "accepted" | "declined" | "expired" | "withdrawn";
  expires_at: string | null;
  preapproved: boolean;
  status: "pending" | "approved" | "rejected" | "closed";
}
export interface AuthRequestRejected {
  data: AuthRequestRejectedData;
  event_id: number;
  event_type: "auth_request_rejected";
  occurred_at: string;
  tenant_id: string;
}
export interface AuthRequestRejectedData {
  auth_request_id: string;
  notes: string | null;
}
export interface AppointmentCreated {
  data: AppointmentCreatedData;
  event_id: number;
  event_type: "appointment_created";
  occurred_at: string;
  tenant_id: string;
}
export interface AppointmentCreatedData {
  appointment_id: string;
  auth_request_id: string | null;
  client_id: string;
  client_name: string;
  date: string;
  ends_at: string;
  price_cents: number;
  professional_id: string;
  professional_name: string;
  service_id: string;
  service_name: string;
  starts_at: string;
  time: string;
}
export interface AppointmentUpdated {
  data: AppointmentUpdatedData;
  event_id: number;
  event_type: "appointment_updated";
  occurred_at: string;
  tenant_id: string;
}
/**
 * An appointment was marked (completed, no-show, cancelled) or moved; `changed_by` is None
 * when it completed by itself after it ended.
 */
export interface AppointmentUpdatedData {
  appointment_id: string;
  by_client: boolean;
  changed_by: string | null;
  client_confirmed_at: string | null;
  client_id: string;
  client_name: string;
  date: string;
  ends_at: string;
  moved_from: string | null;
  previous_status: "booked" | "completed" | "cancelled" | "no_show";
  price_cents: number;
  professional_id: string;
  professional_name: string;
  reason: string | null;
  service_id: string;
  service_name: string;
  starts_at: string;
  status: "booked" | "completed" | "cancelled" | "no_show";
  time: string;
}
export interface AiResponse {
  data: AiResponseData;
  event_id: number;
  event_type: "ai_response";
  occurred_at: string;
  tenant_id: string;
}
export interface AiResponseData {
  auth_request_id: string | null;
  booking_created: boolean;
  client_id: string;
  conversation_id: string;
  engine: ("gemini" | "rules") | null;
  intent: "booking" | "inquiry" | "complaint" | "hello" | "unknown";
  intent_detail:
    | (
        | "booking"
        | "inquiry"
        | "complaint"
        | "hello"
        | "unknown"
        | "cancel"
        | "reschedule"
        | "handoff"
        | "late"
        | "salon_info"
      )
    | null;
  message: string;
  message_id: string | null;
}
export interface CampaignCompleted {
  data: CampaignCompletedData;
  event_id: number;
  event_type: "campaign_completed";
  occurred_at: string;
  tenant_id: string;
}
export interface CampaignCompletedData {
  campaign_type: "prazo_certo" | "encher_agenda";
  run_id: string | null;
  stats: CampaignStats;
}
export interface CampaignStats {
  notifications_sent: number;
  skipped: {
    [k: string]: number;
  };
  suggestions_created: number;
  total_clients_found: number;
}
export interface NotificationSent {
  data: NotificationSentData;
  event_id: number;
  event_type: "notification_sent";
  occurred_at: string;
  tenant_id: string;
}
/**
 * WhatsApp took the message: as free text inside the client's 24 h window, or as the
 * template named `template` outside it.
 */
export interface NotificationSentData {
  client_id: string;
  kind: "marketing" | "transactional" | "reminder";
  message_id: string;
  sent_as: ("text" | "template") | null;
  template: string | null;
}
export interface NotificationFailed {
  data: NotificationFailedData;
  event_id: number;
  event_type: "notification_failed";
  occurred_at: string;
  tenant_id: string;
}
/**
 * The message was given up on; `error_code` is Meta's when WhatsApp refused it.
 */
export interface NotificationFailedData {
  attempts: number;
  client_id: string;
  error_code: number | null;
  kind: "marketing" | "transactional" | "reminder";
  message_id: string;
  reason: string;
}
export interface MessageReceived {
  data: MessageReceivedData;
  event_id: number;
  event_type: "message_received";
  occurred_at: string;
  tenant_id: string;
}
/**
 * A client wrote on WhatsApp (the Chat page shows it before the agent answers).
 */
export interface MessageReceivedData {
  client_id: string;
  client_name: string;
  conversation_id: string;
  kind: string;
  message: string;
  message_id: string;
  new_client: boolean;
}
export interface OwnerMessageSent {
  data: OwnerMessageSentData;
  event_id: number;
  event_type: "owner_message_sent";
  occurred_at: string;
  tenant_id: string;
}
export interface OwnerMessageSentData {
  client_id: string;
  conversation_id: string;
  message: string;
  message_id: string;
}
export interface ComplaintReceived {
  data: ComplaintReceivedData;
  event_id: number;
  event_type: "complaint_received";
  occurred_at: string;
  tenant_id: string;
}
/**
 * A client complained: the owner should answer personally (the agent sells nothing).
 */
export interface ComplaintReceivedData {
  client_id: string;
  client_name: string;
  conversation_id: string;
  message: string;
}
export interface ClientOptedOut {
  data: ClientOptedOutData;
  event_id: number;
  event_type: "client_opted_out";
  occurred_at: string;
  tenant_id: string;
}
/**
 * The client stopped the salon's offers: in the chat, or on WhatsApp itself (Meta answered
 * 131050 to a marketing message).
 */
export interface ClientOptedOutData {
  client_id: string;
  source: ("import" | "chat" | "owner" | "whatsapp") | null;
}
export interface ConversationPaused {
  data: ConversationPausedData;
  event_id: number;
  event_type: "conversation_paused";
  occurred_at: string;
  tenant_id: string;
}
/**
 * A person of the salon has the conversation until `paused_until`: the agent stays quiet
 * (the client asked for a person, complained, or the salon wrote in it: `paused_by`).
 */
export interface ConversationPausedData {
  client_id: string;
  client_name: string;
  conversation_id: string;
  paused_by: string | null;
  paused_until: string;
  reason: "client_asked" | "complaint" | "owner_replied";
}
export interface ConversationResumed {
  data: ConversationResumedData;
  event_id: number;
  event_type: "conversation_resumed";
  occurred_at: string;
  tenant_id: string;
}
/**
 * The agent answers the conversation again (`resumed_by`: who gave it back).
 */
export interface ConversationResumedData {
  client_id: string;
  conversation_id: string;
  resumed_by: string;
}
export interface ClientNotice {
  data: ClientNoticeData;
  event_id: number;
  event_type: "client_notice";
  occurred_at: string;
  tenant_id: string;
}
/**
 * Something in a client's message the salon should know, tied to their booking when there
 * is one: late (`minutes` when said), on the way, arrived; a question about the salon its
 * profile does not answer (`topics`); a voice note, image or other media (`media_kind`).
 */
export interface ClientNoticeData {
  appointment_id: string | null;
  client_id: string;
  client_name: string;
  conversation_id: string;
  date: string | null;
  kind: ("late" | "on_the_way" | "arrived") | ("missing_fact" | "media");
  media_kind: string | null;
  message: string;
  message_id: string | null;
  minutes: number | null;
  professional_name: string | null;
  service_name: string | null;
  starts_at: string | null;
  time: string | null;
  topics: ("address" | "hours" | "payment" | "parking" | "cancellation" | "about")[];
}
export interface SalonProfileUpdated {
  data: SalonProfileUpdatedData;
  event_id: number;
  event_type: "salon_profile_updated";
  occurred_at: string;
  tenant_id: string;
}
/**
 * The owner changed the salon's profile (the facts the chat tells clients).
 */
export interface SalonProfileUpdatedData {
  updated_by: string | null;
}
export interface ClientOptedIn {
  data: ClientOptedInData;
  event_id: number;
  event_type: "client_opted_in";
  occurred_at: string;
  tenant_id: string;
}
/**
 * The client consented to the salon's offers (asked for them in the chat, or the owner
 * recorded their consent).
 */
export interface ClientOptedInData {
  client_id: string;
  source: ("import" | "chat" | "owner" | "whatsapp") | null;
}
export interface ClientErased {
  data: ClientErasedData;
  event_id: number;
  event_type: "client_erased";
  occurred_at: string;
  tenant_id: string;
}
/**
 * A client's personal data was erased (LGPD) by `erased_by`.
 */
export interface ClientErasedData {
  client_id: string;
  erased_by: string | null;
}
export interface NotificationDeferred {
  data: NotificationDeferredData;
  event_id: number;
  event_type: "notification_deferred";
  occurred_at: string;
  tenant_id: string;
}
/**
 * WhatsApp held the message back (Meta's marketing limit per client): it is tried once more
 * at `retry_at`.
 */
export interface NotificationDeferredData {
  client_id: string;
  error_code: number;
  kind: "marketing" | "transactional" | "reminder";
  message_id: string;
  reason: string;
  retry_at: string;
}
export interface WorkingHoursUpdated {
  data: WorkingHoursUpdatedData;
  event_id: number;
  event_type: "working_hours_updated";
  occurred_at: string;
  tenant_id: string;
}
/**
 * The owner changed a professional's working hours (`periods`: the whole week; a weekday
 * without one is a day off); `bookings_outside_count` coming bookings fall outside them.
 */
export interface WorkingHoursUpdatedData {
  bookings_outside_count: number;
  periods: WorkingPeriod[];
  professional_id: string;
  professional_name: string;
  updated_by: string | null;
}
/**
 * One period of a weekday's work: from `start` until `end` (a booking may end at `end`).
 */
export interface WorkingPeriod {
  end: string;
  start: string;
  /**
   * 0 = Monday … 6 = Sunday
   */
  weekday: number;
}
/**
 * The replay is over: from now on events arrive live.
 */
export interface SyncStarted {
  data: SyncStartedData;
  event_id: null;
  event_type: "sync_started";
  tenant_id: string;
}
export interface SyncStartedData {
  /**
   * resume from here after a drop
   */
  last_event_id: number;
}
/**
 * The client's `last_event_id` is older than the stream keeps (or ahead of it).
 */
export interface ResyncRequired {
  data: ResyncRequiredData;
  event_id: null;
  event_type: "resync_required";
  tenant_id: string;
}
export interface ResyncRequiredData {
  /**
   * the id the client asked to resume from
   */
  last_event_id: number;
  /**
   * refetch with REST, then resume from here
   */
  latest_event_id: number;
}
