// Generated from the back end's OpenAPI document by scripts/generate-types.mjs. Do not edit.
// Regenerate: python -m scripts.client_types (from the repository root).

export interface paths {
    "/api/v1/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appointments */
        get: operations["appointments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{appointment_id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move Appointment
         * @description Move a booking (owner and staff): the same rules as a booking.
         */
        post: operations["move_appointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{appointment_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark Appointment
         * @description Mark a visit completed or no-show, or cancel a booking (owner and staff).
         */
        post: operations["mark_appointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automations/encher-agenda/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Encher Agenda */
        post: operations["encher_agenda"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automations/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Funnel
         * @description This salon's campaign runs whose local day is in the range: per campaign type and per run
         *     (newest first), how many offers were sent, answered, booked and attended, and the revenue.
         */
        get: operations["funnel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automations/prazo-certo/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Prazo Certo */
        post: operations["prazo_certo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automations/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Campaign Runs
         * @description This salon's latest campaign runs, newest first (scheduled, manual and bulk).
         */
        get: operations["campaign_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automations/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Schedules
         * @description This salon's campaign times (stored, or the defaults: 09:00 daily, 14:00 Mon/Wed/Fri).
         */
        get: operations["schedules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automations/schedules/{campaign_type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set Schedule */
        put: operations["set_schedule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversations */
        get: operations["conversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/conversations/{conversation_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages */
        get: operations["messages"];
        put?: never;
        /** Send Message */
        post: operations["send_message"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/conversations/{conversation_id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume
         * @description Give a conversation the salon took over (the client asked for a person, complained, or
         *     the salon wrote in it) back to the agent: it answers the client's next messages. Repeating
         *     it changes nothing more.
         */
        post: operations["resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clients */
        get: operations["clients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{client_id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record Client Consent
         * @description Record a client's consent to the salon's offers, or its revocation (owner only), with the
         *     words agreed to: kept in the client's consent history (`source: owner`). Offers reach only
         *     clients with an active opt-in where the salon requires it (`require_marketing_consent`).
         */
        post: operations["record_client_consent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{client_id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase Client
         * @description Erase a client's personal data (LGPD; owner only): name replaced by "Cliente removido",
         *     phone and WhatsApp id removed, chats and unsent messages deleted, message texts and the
         *     client's words removed from stored events, coming bookings cancelled; past appointments stay
         *     for the salon's books. A client already erased is 404.
         */
        post: operations["erase_client"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{client_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Client
         * @description Everything the salon holds about one client (LGPD access; owner only): profile,
         *     appointments, offers and requests, chat messages, WhatsApp messages sent, marketing consent
         *     and past data requests. Recorded in the client's data-request trail.
         */
        get: operations["export_client"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/professionals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Professionals */
        get: operations["professionals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/professionals/{professional_id}/working-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Professional Working Hours
         * @description A professional's week, and their coming bookings outside it (owner and staff).
         */
        get: operations["professional_working_hours"];
        /**
         * Set Professional Working Hours
         * @description Replace a professional's whole week (owner only). Slots offered from now on follow it;
         *     bookings already made outside it are kept and listed, for the owner to move or cancel.
         */
        put: operations["set_professional_working_hours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/salon/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Salon Profile
         * @description The facts the chat tells clients about the salon.
         */
        get: operations["salon_profile"];
        /**
         * Set Salon Profile
         * @description The owner's whole profile (owner only): what it leaves out the chat does not know.
         */
        put: operations["set_salon_profile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/salon/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Salon Settings
         * @description The settings the salon uses: its owner's choices, the deployment's defaults elsewhere.
         */
        get: operations["salon_settings"];
        /**
         * Set Salon Settings
         * @description The owner's whole choice (owner only): settings it leaves out follow the defaults.
         */
        put: operations["set_salon_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change Salon Settings
         * @description Change the settings the body names (owner only); null: back to the default.
         */
        patch: operations["change_salon_settings"];
        trace?: never;
    };
    "/api/v1/salon/whatsapp-channel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whatsapp Channel
         * @description The salon's own WhatsApp channel (owner only); secrets are never answered.
         */
        get: operations["whatsapp_channel"];
        /**
         * Set Whatsapp Channel
         * @description State the salon's own channel (owner only). Its n8n URL must be https on a host the
         *     deployment allows and needs a signing secret of the salon's own; secrets are stored
         *     encrypted. 422 names what is wrong; nothing changes.
         */
        put: operations["set_whatsapp_channel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/salon/whatsapp-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whatsapp Templates
         * @description Each purpose's template as the salon sends it.
         */
        get: operations["whatsapp_templates"];
        /**
         * Set Whatsapp Templates
         * @description The salon's own names and texts (owner only); 422 names a value the purpose does not have
         *     or a text Meta would refuse. Submit each to Meta under its name before using it.
         */
        put: operations["set_whatsapp_templates"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Services */
        get: operations["services"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Session */
        get: operations["session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync/confirm-auth-request/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm Auth Request */
        post: operations["confirm_auth_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync/confirm-auth-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm Auth Requests
         * @description Decide many requests at once (up to 200), in order. Each is decided on its own: one
         *     refused (409 slot taken, offer closed, …) holds back no other and is reported with its code.
         *     The same batch again answers each decision as before (repeats are safe).
         */
        post: operations["confirm_auth_requests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync/pending-auth-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pending Auth Requests
         * @description Oldest first, `limit` at a time; `next_cursor` asks for the rest.
         */
        get: operations["pending_auth_requests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync/ws-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Socket Ticket
         * @description A one-use ticket to open `/ws/sync?tenant_id=…&ticket=…` without the token in the URL.
         */
        post: operations["socket_ticket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/n8n/message-received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Message Received
         * @description Signed by n8n with the salon's secret (or the deployment's): the three `webhook-*` headers. Outside production the salon owner may try it with a bearer token instead.
         */
        post: operations["message_received"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/n8n/message-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Message Status
         * @description Signed by n8n with the salon's secret (or the deployment's): the three `webhook-*` headers. Outside production the salon owner may try it with a bearer token instead.
         */
        post: operations["message_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Livez
         * @description The process answers (nothing else is asked: a restart would not mend a dependency).
         */
        get: operations["livez"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readyz
         * @description Ready for traffic: every dependency answers, and the sender's and scheduler's loops run
         *     and progress ("off" where switched off).
         */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Agent
         * @enum {string}
         */
        Agent: "prazo_certo" | "encher_agenda" | "chat" | "manual";
        /**
         * AppointmentData
         * @description What an auth request proposes, denormalised for the dashboard card (seed's shape).
         */
        AppointmentData: {
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Client Name */
            client_name: string;
            /** Date */
            date: string;
            /** Duration Min */
            duration_min: number;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** Final Price Cents */
            final_price_cents: number;
            offer?: components["schemas"]["Offer"] | null;
            /** Price Cents */
            price_cents: number;
            /**
             * Professional Id
             * Format: uuid
             */
            professional_id: string;
            /** Professional Name */
            professional_name: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /** Service Name */
            service_name: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /** Time */
            time: string;
        };
        /** AppointmentList */
        AppointmentList: {
            /** Data */
            data: components["schemas"]["AppointmentOut"][];
            /** Time Zone */
            time_zone: string;
        };
        /** AppointmentOut */
        AppointmentOut: {
            /** Auth Request Id */
            auth_request_id: string | null;
            /**
             * Client Confirmed At
             * @description the client answered a reminder CONFIRMO
             */
            client_confirmed_at?: string | null;
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Client Name */
            client_name: string;
            /** Date */
            date: string;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Price Cents */
            price_cents: number;
            /**
             * Professional Id
             * Format: uuid
             */
            professional_id: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            status: components["schemas"]["AppointmentStatus"];
            /** Status Reason */
            status_reason?: string | null;
            /** Time */
            time: string;
        };
        /**
         * AppointmentStatus
         * @enum {string}
         */
        AppointmentStatus: "booked" | "completed" | "cancelled" | "no_show";
        /** AuthRequestOut */
        AuthRequestOut: {
            appointment_data: components["schemas"]["AppointmentData"];
            /**
             * Campaign Run Id
             * @description the campaign run that offered it
             */
            campaign_run_id?: string | null;
            /** @description the client's side: offered, accepted, … */
            client_state: components["schemas"]["ClientState"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            created_by_agent: components["schemas"]["Agent"];
            /** Expires At */
            expires_at?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Preapproved
             * @description approved before the client said yes
             * @default false
             */
            preapproved?: boolean;
            /**
             * Replaces Appointment Id
             * @description the client asked to move this booking: approving moves it (no new booking)
             */
            replaces_appointment_id?: string | null;
            status: components["schemas"]["AuthRequestStatus"];
        };
        /**
         * AuthRequestStatus
         * @description The owner's side: pending until decided; `closed` when the client's side ended it.
         * @enum {string}
         */
        AuthRequestStatus: "pending" | "approved" | "rejected" | "closed";
        /** BatchDecision */
        BatchDecision: {
            /**
             * Auth Request Id
             * Format: uuid
             */
            auth_request_id: string;
            /**
             * Decision
             * @enum {string}
             */
            decision: "approve" | "reject";
            /** Notes */
            notes?: string | null;
        };
        /**
         * BatchDecisionOut
         * @description One decision of the batch: `status` is what the single endpoint would have answered.
         */
        BatchDecisionOut: {
            /**
             * Auth Request Id
             * Format: uuid
             */
            auth_request_id: string;
            /**
             * Code
             * @description the refusal's code: slot_taken, offer_closed, …
             */
            code: string | null;
            /** Detail */
            detail: string | null;
            result: components["schemas"]["ConfirmAuthRequestResponse"] | null;
            /**
             * Status
             * @description 200, or the refusal's HTTP status (404, 409, 422)
             */
            status: number;
        };
        /**
         * BookingOutside
         * @description A coming booking that no longer fits the professional's hours (kept: the owner decides).
         */
        BookingOutside: {
            /**
             * Appointment Id
             * Format: uuid
             */
            appointment_id: string;
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Client Name */
            client_name: string;
            /**
             * Date
             * @description YYYY-MM-DD, the salon's time zone
             */
            date: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /**
             * Time
             * @description HH:MM, the salon's time zone
             */
            time: string;
        };
        /** CampaignContext */
        CampaignContext: {
            /** Days Ahead */
            days_ahead?: number | null;
            /**
             * Offer Type
             * @description none: this run offers no discount; left out: the salon's default discount for the campaign (its settings)
             */
            offer_type?: ("discount" | "percent" | "percentage" | "fixed" | "amount" | "fixed_amount" | "none") | null;
            /**
             * Offer Value
             * @description percent (1–100) for discount types; cents for amount types
             */
            offer_value?: number | null;
            /** Professional Id */
            professional_id?: string | null;
            /** Service Id */
            service_id?: string | null;
        };
        /** CampaignFunnel */
        CampaignFunnel: {
            /**
             * Campaign Type
             * @description the type asked for; null: both
             */
            campaign_type: ("prazo_certo" | "encher_agenda") | null;
            /**
             * From
             * Format: date
             * @description first local day
             */
            from: string;
            /**
             * Runs
             * @description newest first
             */
            runs: components["schemas"]["FunnelRun"][];
            /**
             * To
             * Format: date
             * @description last local day, inclusive
             */
            to: string;
            /**
             * Totals
             * @description one per campaign type asked for, even if zero
             */
            totals: components["schemas"]["FunnelTotal"][];
        };
        /** CampaignResponse */
        CampaignResponse: {
            /** Campaign Id */
            campaign_id: string;
            /**
             * Campaign Type
             * @enum {string}
             */
            campaign_type: "prazo_certo" | "encher_agenda";
            /** Dry Run */
            dry_run: boolean;
            /** Notifications Sent */
            notifications_sent: number;
            /** Repeated */
            repeated: boolean;
            /** Run Id */
            run_id: string | null;
            /** Skipped */
            skipped: {
                [key: string]: number;
            };
            /** Skips */
            skips: components["schemas"]["SkipView"][];
            /**
             * Status
             * @default success
             * @constant
             */
            status?: "success";
            /** Suggestions */
            suggestions: components["schemas"]["SuggestionView"][];
            /** Suggestions Created */
            suggestions_created: number;
            /** Total Clients Found */
            total_clients_found: number;
        };
        /** CampaignRunList */
        CampaignRunList: {
            /** Data */
            data: components["schemas"]["CampaignRunSummary"][];
        };
        /**
         * CampaignRunSummary
         * @description A stored campaign run, for the dashboard's results (without its suggestion lists).
         */
        CampaignRunSummary: {
            /**
             * Campaign Type
             * @enum {string}
             */
            campaign_type: "prazo_certo" | "encher_agenda";
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Run Id
             * Format: uuid
             */
            run_id: string;
            stats: components["schemas"]["CampaignStatsView"];
            /**
             * Trigger
             * @enum {string}
             */
            trigger: "schedule" | "manual" | "bulk";
        };
        /** CampaignStatsView */
        CampaignStatsView: {
            /** Notifications Sent */
            notifications_sent: number;
            /** Skipped */
            skipped: {
                [key: string]: number;
            };
            /** Suggestions Created */
            suggestions_created: number;
            /** Total Clients Found */
            total_clients_found: number;
        };
        /** ChatMessageList */
        ChatMessageList: {
            /** Data */
            data: components["schemas"]["ChatMessageOut"][];
        };
        /** ChatMessageOut */
        ChatMessageOut: {
            /** Auth Request Id */
            auth_request_id: string | null;
            /**
             * Author
             * @enum {string}
             */
            author: "client" | "agent" | "owner";
            /** Body */
            body: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Direction
             * @enum {string}
             */
            direction: "inbound" | "outbound";
            /** Engine */
            engine: string | null;
            /** Filename */
            filename?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Intent
             * @description what the agent read (inbound) or answered (outbound): the seed's five and cancel, reschedule, handoff, late, salon_info
             */
            intent: ("booking" | "inquiry" | "complaint" | "hello" | "unknown" | "cancel" | "reschedule" | "handoff" | "late" | "salon_info") | null;
            /**
             * Kind
             * @description WhatsApp's message type: text, audio, image, video, sticker, location, document, contacts, or another type as WhatsApp names it
             * @default text
             */
            kind?: string;
            location?: components["schemas"]["LocationOut"] | null;
            /**
             * Media Id
             * @description WhatsApp's media id
             */
            media_id?: string | null;
            /** Mime Type */
            mime_type?: string | null;
            /**
             * Status
             * @description inbound: pending until answered; held: arrived while a person of the salon had the conversation (never answered by the agent)
             * @enum {string}
             */
            status: "pending" | "answered" | "held";
            /**
             * Transcript
             * @description what a voice note says (when the salon transcribes them)
             */
            transcript?: string | null;
        };
        /** Client */
        Client: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Marketing Consent
             * @default false
             */
            marketing_consent?: boolean;
            /**
             * Marketing Opt Out
             * @default false
             */
            marketing_opt_out?: boolean;
            /** Name */
            name: string;
            /** Phone E164 */
            phone_e164: string;
            /** Whatsapp Id */
            whatsapp_id?: string | null;
        };
        /**
         * ClientConsent
         * @description A client's consent to the salon's marketing as it stands.
         */
        ClientConsent: {
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Marketing Consent */
            marketing_consent: boolean;
            /** Marketing Opt Out */
            marketing_opt_out: boolean;
        };
        /** ClientErasedOut */
        ClientErasedOut: {
            /**
             * Appointments Cancelled
             * @description coming bookings cancelled
             */
            appointments_cancelled: number;
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /**
             * Requests Closed
             * @description open offers and requests closed
             */
            requests_closed: number;
        };
        /** ClientPage */
        ClientPage: {
            /** Data */
            data: components["schemas"]["Client"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /**
         * ClientState
         * @description The client's side of a request (see db/migrations/0005_offer_lifecycle.sql).
         * @enum {string}
         */
        ClientState: "proposed" | "requested" | "offered" | "accepted" | "declined" | "expired" | "withdrawn";
        /** ConfirmAuthRequestBody */
        ConfirmAuthRequestBody: {
            /**
             * Decision
             * @enum {string}
             */
            decision: "approve" | "reject";
            /** Notes */
            notes?: string | null;
        };
        /** ConfirmAuthRequestResponse */
        ConfirmAuthRequestResponse: {
            /** Appointment Id */
            appointment_id: string | null;
            /**
             * Auth Request Id
             * Format: uuid
             */
            auth_request_id: string;
            /** Client Notification Sent */
            client_notification_sent: boolean;
            /**
             * Decision
             * @enum {string}
             */
            decision: "approve" | "reject";
            /**
             * Preapproved
             * @description an offer the client has not answered: booked when they say yes
             * @default false
             */
            preapproved?: boolean;
            /**
             * Status
             * @constant
             */
            status: "success";
        };
        /** ConfirmAuthRequestsBody */
        ConfirmAuthRequestsBody: {
            /** Decisions */
            decisions: components["schemas"]["BatchDecision"][];
        };
        /** ConfirmAuthRequestsResponse */
        ConfirmAuthRequestsResponse: {
            /**
             * Approved
             * @description booked now
             */
            approved: number;
            /** Data */
            data: components["schemas"]["BatchDecisionOut"][];
            /**
             * Preapproved
             * @description offers booked when their clients say yes
             */
            preapproved: number;
            /**
             * Refused
             * @description items not decided: see their status and code
             */
            refused: number;
            /** Rejected */
            rejected: number;
        };
        /** ConsentBody */
        ConsentBody: {
            /**
             * Granted
             * @description true: the client opts in to offers; false: opts out
             */
            granted: boolean;
            /**
             * Text
             * @description what the client agreed to, and how (e.g. 'Autorizou ofertas por WhatsApp na ficha de cadastro, 05/12')
             */
            text: string;
        };
        /**
         * ConversationAgent
         * @description Whether the agent answers a conversation (after the salon gave it back: it does).
         */
        ConversationAgent: {
            /** Agent Answers */
            agent_answers: boolean;
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /**
             * Conversation Id
             * Format: uuid
             */
            conversation_id: string;
        };
        /** ConversationList */
        ConversationList: {
            /** Data */
            data: components["schemas"]["ConversationOut"][];
        };
        /** ConversationOut */
        ConversationOut: {
            /**
             * Awaiting Answer
             * @description the agent asked the client about their bookings and waits for the answer
             * @default false
             */
            awaiting_answer?: boolean;
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Client Name */
            client_name: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Author */
            last_author: string | null;
            /**
             * Last Kind
             * @description the last message's WhatsApp type (text, audio, image, …)
             */
            last_kind?: string | null;
            /** Last Message */
            last_message: string | null;
            /**
             * Last Message At
             * Format: date-time
             */
            last_message_at: string;
            /**
             * Paused Reason
             * @description why: the client asked for a person, complained, or the salon wrote
             */
            paused_reason: ("client_asked" | "complaint" | "owner_replied") | null;
            /**
             * Paused Until
             * @description a person of the salon has the conversation until then: the agent does not answer it (null: the agent answers)
             */
            paused_until: string | null;
            /** Phone E164 */
            phone_e164: string;
        };
        /** EncherAgendaBody */
        EncherAgendaBody: {
            /** Campaign Id */
            campaign_id?: string | null;
            /** @default {} */
            context?: components["schemas"]["CampaignContext"];
            /**
             * Dry Run
             * @default false
             */
            dry_run?: boolean;
            /** Professional Id */
            professional_id?: string | null;
        };
        /**
         * ErrorBody
         * @description Every refusal: a stable `code` to branch on and a `detail` to show or log.
         */
        ErrorBody: {
            /**
             * Code
             * @example slot_taken
             */
            code: string;
            /**
             * Detail
             * @example that time was just taken; pick another
             */
            detail: string;
        };
        /** FieldError */
        FieldError: {
            /**
             * Loc
             * @example [
             *       "body",
             *       "decision"
             *     ]
             */
            loc: (string | number)[];
            /**
             * Msg
             * @example Input should be 'approve' or 'reject'
             */
            msg: string;
            /**
             * Type
             * @example literal_error
             */
            type: string;
        };
        /** FunnelRun */
        FunnelRun: {
            /**
             * Accepted
             * @description offers the client said yes to ('sim')
             */
            accepted: number;
            /**
             * Attended
             * @description of those, appointments marked completed
             */
            attended: number;
            /**
             * Booked
             * @description offers approved with an appointment (even if cancelled since)
             */
            booked: number;
            /**
             * Campaign Id
             * @description the run's key (the campaign_id it was run with)
             */
            campaign_id: string;
            /**
             * Campaign Type
             * @enum {string}
             */
            campaign_type: "prazo_certo" | "encher_agenda";
            /**
             * Cancelled
             * @description of those, appointments cancelled
             */
            cancelled: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Declined
             * @description offers the client said no to ('não')
             */
            declined: number;
            /**
             * Delivered
             * @description always null for now: WhatsApp delivery receipts are not received yet
             */
            delivered: number | null;
            /**
             * Expired
             * @description offers not answered in time, or whose time passed
             */
            expired: number;
            /**
             * Local Date
             * Format: date
             * @description the salon's local day the run is for
             */
            local_date: string;
            /**
             * No Show
             * @description of those, appointments marked no-show
             */
            no_show: number;
            /**
             * Offers
             * @description auth requests the run created (one WhatsApp offer each)
             */
            offers: number;
            /**
             * Preapproved
             * @description offers the salon approved before the client answered
             */
            preapproved: number;
            /**
             * Revenue Attended Cents
             * @description price of the completed appointments
             */
            revenue_attended_cents: number;
            /**
             * Revenue Booked Cents
             * @description price of the booked appointments not cancelled (booked, completed, no-show)
             */
            revenue_booked_cents: number;
            /**
             * Run Id
             * Format: uuid
             */
            run_id: string;
            /**
             * Sent
             * @description the run's WhatsApp offers the sender reports sent
             */
            sent: number;
            /**
             * Trigger
             * @enum {string}
             */
            trigger: "schedule" | "manual" | "bulk";
            /**
             * Withdrawn
             * @description offers whose time another booking took
             */
            withdrawn: number;
        };
        /** FunnelTotal */
        FunnelTotal: {
            /**
             * Accepted
             * @description offers the client said yes to ('sim')
             */
            accepted: number;
            /**
             * Attended
             * @description of those, appointments marked completed
             */
            attended: number;
            /**
             * Booked
             * @description offers approved with an appointment (even if cancelled since)
             */
            booked: number;
            /**
             * Campaign Type
             * @enum {string}
             */
            campaign_type: "prazo_certo" | "encher_agenda";
            /**
             * Cancelled
             * @description of those, appointments cancelled
             */
            cancelled: number;
            /**
             * Declined
             * @description offers the client said no to ('não')
             */
            declined: number;
            /**
             * Delivered
             * @description always null for now: WhatsApp delivery receipts are not received yet
             */
            delivered: number | null;
            /**
             * Expired
             * @description offers not answered in time, or whose time passed
             */
            expired: number;
            /**
             * No Show
             * @description of those, appointments marked no-show
             */
            no_show: number;
            /**
             * Offers
             * @description auth requests the run created (one WhatsApp offer each)
             */
            offers: number;
            /**
             * Preapproved
             * @description offers the salon approved before the client answered
             */
            preapproved: number;
            /**
             * Revenue Attended Cents
             * @description price of the completed appointments
             */
            revenue_attended_cents: number;
            /**
             * Revenue Booked Cents
             * @description price of the booked appointments not cancelled (booked, completed, no-show)
             */
            revenue_booked_cents: number;
            /**
             * Runs
             * @description campaign runs of this type in the range
             */
            runs: number;
            /**
             * Sent
             * @description the run's WhatsApp offers the sender reports sent
             */
            sent: number;
            /**
             * Withdrawn
             * @description offers whose time another booking took
             */
            withdrawn: number;
        };
        /** Health */
        Health: {
            /** Checks */
            checks: {
                [key: string]: string;
            };
            /**
             * Status
             * @enum {string}
             */
            status: "ok" | "degraded";
        };
        /** Live */
        Live: {
            /**
             * Status
             * @constant
             */
            status: "ok";
        };
        /**
         * LocationBody
         * @description A location the client shared (WhatsApp's `location` message).
         */
        LocationBody: {
            /**
             * Address
             * @default null
             */
            address?: string | null;
            /** Latitude */
            latitude: number;
            /** Longitude */
            longitude: number;
            /**
             * Name
             * @default null
             */
            name?: string | null;
        };
        /** LocationOut */
        LocationOut: {
            /** Address */
            address?: string | null;
            /** Latitude */
            latitude: number;
            /** Longitude */
            longitude: number;
            /** Name */
            name?: string | null;
        };
        /** MarkBody */
        MarkBody: {
            /**
             * Notify Client
             * @description a cancellation is told to the client
             * @default true
             */
            notify_client?: boolean;
            /** Reason */
            reason?: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "completed" | "no_show" | "cancelled";
        };
        /**
         * MessageReceivedBody
         * @description The seed's body, plus the WhatsApp `message_id` n8n should pass along, and what a message
         *     that is not text carries: its WhatsApp type (`kind`), the media id, the caption as `message`,
         *     the shared location; for a voice note, its bytes (base64) when n8n downloaded them.
         */
        MessageReceivedBody: {
            /**
             * Channel
             * @default whatsapp
             * @constant
             */
            channel?: "whatsapp";
            /**
             * Client Id
             * @default null
             */
            client_id?: string | null;
            /**
             * Client Name
             * @default
             */
            client_name?: string;
            /**
             * Filename
             * @default null
             */
            filename?: string | null;
            /**
             * Kind
             * @default text
             */
            kind?: string;
            /** @default null */
            location?: components["schemas"]["LocationBody"] | null;
            /**
             * Media Base64
             * @default null
             */
            media_base64?: string | null;
            /**
             * Media Id
             * @default null
             */
            media_id?: string | null;
            /**
             * Message
             * @default
             */
            message?: string;
            /**
             * Message Id
             * @default null
             */
            message_id?: string | null;
            /**
             * Mime Type
             * @default null
             */
            mime_type?: string | null;
            /** Phone */
            phone: string;
            /**
             * Tenant Id
             * Format: uuid
             */
            tenant_id: string;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
        };
        /**
         * MessageStatusBody
         * @description One status of WhatsApp's webhook (`statuses[]`), with the salon it belongs to.
         */
        MessageStatusBody: {
            /** Errors */
            errors?: components["schemas"]["StatusError"][];
            /**
             * Kind
             * @default status
             * @constant
             */
            kind?: "status";
            /** Status */
            status: string;
            /**
             * Tenant Id
             * Format: uuid
             */
            tenant_id: string;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /** Whatsapp Message Id */
            whatsapp_message_id: string;
        };
        /**
         * MoveBody
         * @description The new start: `starts_at` (with its offset), or `date` and `time` in the salon's zone.
         */
        MoveBody: {
            /** Date */
            date?: string | null;
            /**
             * Notify Client
             * @default true
             */
            notify_client?: boolean;
            /**
             * Professional Id
             * @description another professional
             */
            professional_id?: string | null;
            /** Starts At */
            starts_at?: string | null;
            /** Time */
            time?: string | null;
        };
        /**
         * Offer
         * @description A discount attached to a suggestion: `percent` (0-100) or `amount_cents` off.
         */
        Offer: {
            /** Type */
            type: string;
            /** Value */
            value: number;
        };
        /** OpeningPeriod */
        OpeningPeriod: {
            /**
             * Closes
             * Format: time
             */
            closes: string;
            /**
             * Opens
             * Format: time
             */
            opens: string;
            /**
             * Weekday
             * @description 0 = Monday … 6 = Sunday
             */
            weekday: number;
        };
        /** OwnerMessageResult */
        OwnerMessageResult: {
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /**
             * Conversation Id
             * Format: uuid
             */
            conversation_id: string;
            /**
             * Message Id
             * Format: uuid
             */
            message_id: string;
        };
        /** PendingAuthRequests */
        PendingAuthRequests: {
            /** Data */
            data: components["schemas"]["AuthRequestOut"][];
            /**
             * Next Cursor
             * @description more are pending: ask again with `cursor` set to this (null: that was all)
             */
            next_cursor?: string | null;
        };
        /** PrazoCertoBody */
        PrazoCertoBody: {
            /** Campaign Id */
            campaign_id?: string | null;
            /** @default {} */
            context?: components["schemas"]["CampaignContext"];
            /**
             * Dry Run
             * @default false
             */
            dry_run?: boolean;
        };
        /** Professional */
        Professional: {
            /**
             * Active
             * @default true
             */
            active?: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /**
             * Service Ids
             * @default []
             */
            service_ids?: string[];
        };
        /** ProfessionalList */
        ProfessionalList: {
            /** Data */
            data: components["schemas"]["Professional"][];
        };
        /**
         * Role
         * @enum {string}
         */
        Role: "owner" | "staff";
        /**
         * SalonProfileBody
         * @description The salon's whole profile; a fact left out, null or "": the owner does not say it. The
         *     GET answer may be sent back as it was read (`opening_hours_in_use` is ignored).
         */
        SalonProfileBody: {
            /** About */
            about?: string | null;
            /** Address */
            address?: string | null;
            /** Cancellation Policy */
            cancellation_policy?: string | null;
            /**
             * Cancellation Window H
             * @description the policy applies to cancelling less than this many hours before
             */
            cancellation_window_h?: number | null;
            /**
             * Maps Url
             * @description https link
             */
            maps_url?: string | null;
            /**
             * Opening Hours
             * @description null: derived from the professionals' working hours; []: none given
             */
            opening_hours?: components["schemas"]["OpeningPeriod"][] | null;
            /**
             * Opening Hours In Use
             * @description ignored: read-only
             */
            opening_hours_in_use?: unknown;
            /** Parking */
            parking?: string | null;
            /**
             * Payment Methods
             * @default []
             */
            payment_methods?: ("pix" | "credit_card" | "debit_card" | "cash" | "meal_voucher")[];
            /**
             * Payment Notes
             * @description "parcelamos em até 3x"
             */
            payment_notes?: string | null;
        };
        /**
         * SalonProfileOut
         * @description The profile, and the opening hours the chat tells (the owner's, else the professionals').
         */
        SalonProfileOut: {
            /** About */
            about?: string | null;
            /** Address */
            address?: string | null;
            /** Cancellation Policy */
            cancellation_policy?: string | null;
            /**
             * Cancellation Window H
             * @description the policy applies to cancelling less than this many hours before
             */
            cancellation_window_h?: number | null;
            /**
             * Maps Url
             * @description https link
             */
            maps_url?: string | null;
            /**
             * Opening Hours
             * @description null: derived from the professionals' working hours; []: none given
             */
            opening_hours?: components["schemas"]["OpeningPeriod"][] | null;
            /**
             * Opening Hours In Use
             * @description the owner's opening_hours, or each weekday from the first professional's start to the last one's end when opening_hours is null
             */
            opening_hours_in_use: components["schemas"]["OpeningPeriod"][];
            /** Parking */
            parking?: string | null;
            /**
             * Payment Methods
             * @default []
             */
            payment_methods?: ("pix" | "credit_card" | "debit_card" | "cash" | "meal_voucher")[];
            /**
             * Payment Notes
             * @description "parcelamos em até 3x"
             */
            payment_notes?: string | null;
        };
        /**
         * SalonSettings
         * @description What the salon's agents and upkeep use.
         *
         *     - Visits: booked appointments that ended `auto_complete_after_h` hours ago become completed,
         *       unless `auto_complete` is off (the salon's visits are marked by another system).
         *     - Offers: a campaign offer not answered `offer_expiry_h` hours after it may leave (or by its
         *       time minus the campaign's lead, if earlier) expires; marketing leaves only inside
         *       [`send_window_start`, `send_window_end`) of the salon's day; a client gets at most one
         *       campaign offer every `frequency_cap_days` days; each campaign's offers carry its default
         *       discount (percent, 0: none) unless a run says otherwise — the scheduled runs too.
         *     - Reminders: `reminder_lead_h` hours before each booking (0: none) and optionally a second
         *       one `second_reminder_lead_h` hours before (0: none; nearer than the first).
         *     - `closed_days`: the salon's days off (holidays): nothing is offered or booked on them.
         *     - Chat: a conversation a person of the salon took over (the client asked for one, complained,
         *       or the salon wrote in it) goes back to the agent `handoff_resume_h` hours later; voice
         *       notes are transcribed (Gemini) and answered when `transcribe_voice` is on, else the agent
         *       asks for text. Chat messages are kept `chat_retention_months` months (LGPD).
         *     - Consent: with `require_marketing_consent`, offers go only to clients with an active opt-in
         *       (the import's, the chat's "quero receber ofertas", or recorded by the owner).
         */
        SalonSettings: {
            /**
             * Auto Complete
             * @description bookings nobody marked become completed by themselves
             * @default true
             */
            auto_complete?: boolean;
            /**
             * Auto Complete After H
             * @description hours after the visit ended
             * @default 12
             */
            auto_complete_after_h?: number;
            /**
             * Chat Retention Months
             * @description chat messages older than this many months are deleted (LGPD)
             * @default 12
             */
            chat_retention_months?: number;
            /**
             * Closed Days
             * @description the salon's days off (holidays): nothing is offered or booked on them
             * @default []
             */
            closed_days?: string[];
            /**
             * Encher Agenda Discount Pct
             * @description Encher Agenda's default discount, percent (0: none)
             * @default 20
             */
            encher_agenda_discount_pct?: number;
            /**
             * Frequency Cap Days
             * @description days between two campaign offers to one client
             * @default 7
             */
            frequency_cap_days?: number;
            /**
             * Handoff Resume H
             * @description hours after which a conversation the salon took over goes back to the agent
             * @default 12
             */
            handoff_resume_h?: number;
            /**
             * Offer Expiry H
             * @description hours a campaign offer waits for its answer after it may leave
             * @default 24
             */
            offer_expiry_h?: number;
            /**
             * Prazo Certo Discount Pct
             * @description Prazo Certo's default discount, percent (0: none)
             * @default 0
             */
            prazo_certo_discount_pct?: number;
            /**
             * Reminder Lead H
             * @description hours before each booking its reminder leaves (0: none)
             * @default 24
             */
            reminder_lead_h?: number;
            /**
             * Require Marketing Consent
             * @description offers only to clients with an active opt-in (LGPD, WhatsApp's policy)
             * @default false
             */
            require_marketing_consent?: boolean;
            /**
             * Second Reminder Lead H
             * @description a second reminder, nearer the visit than the first (0: none)
             * @default 0
             */
            second_reminder_lead_h?: number;
            /**
             * Send Window End
             * Format: time
             * @description …until this one (excluded)
             * @default 20:00:00
             */
            send_window_end?: string;
            /**
             * Send Window Start
             * Format: time
             * @description marketing leaves from this local time…
             * @default 09:00:00
             */
            send_window_start?: string;
            /**
             * Transcribe Voice
             * @description voice notes are transcribed by Gemini and answered (else text is asked for)
             * @default false
             */
            transcribe_voice?: boolean;
        };
        /**
         * SalonSettingsBody
         * @description Any of the salon's settings; null or left out: the deployment's default.
         */
        SalonSettingsBody: {
            /** Auto Complete */
            auto_complete?: boolean | null;
            /** Auto Complete After H */
            auto_complete_after_h?: number | null;
            /** Chat Retention Months */
            chat_retention_months?: number | null;
            /** Closed Days */
            closed_days?: string[] | null;
            /** Encher Agenda Discount Pct */
            encher_agenda_discount_pct?: number | null;
            /** Frequency Cap Days */
            frequency_cap_days?: number | null;
            /** Handoff Resume H */
            handoff_resume_h?: number | null;
            /** Offer Expiry H */
            offer_expiry_h?: number | null;
            /** Prazo Certo Discount Pct */
            prazo_certo_discount_pct?: number | null;
            /** Reminder Lead H */
            reminder_lead_h?: number | null;
            /** Require Marketing Consent */
            require_marketing_consent?: boolean | null;
            /** Second Reminder Lead H */
            second_reminder_lead_h?: number | null;
            /** Send Window End */
            send_window_end?: string | null;
            /** Send Window Start */
            send_window_start?: string | null;
            /** Transcribe Voice */
            transcribe_voice?: boolean | null;
        };
        /**
         * SalonTemplate
         * @description A salon's own WhatsApp template: its name at Meta and its text, values by name
         *     (`Olá, {{first_name}}! …`).
         */
        SalonTemplate: {
            /** Name */
            name: string;
            /** Text */
            text: string;
        };
        /** Schedule */
        Schedule: {
            /**
             * Campaign Type
             * @enum {string}
             */
            campaign_type: "prazo_certo" | "encher_agenda";
            /** Enabled */
            enabled: boolean;
            /**
             * Local Time
             * Format: time
             */
            local_time: string;
            /**
             * Tenant Id
             * Format: uuid
             */
            tenant_id: string;
            /** Time Zone */
            time_zone: string;
            /** Weekdays */
            weekdays: number[];
        };
        /** ScheduleBody */
        ScheduleBody: {
            /**
             * Enabled
             * @default true
             */
            enabled?: boolean;
            /**
             * Local Time
             * Format: time
             * @description the salon's local time, HH:MM
             */
            local_time: string;
            /**
             * Weekdays
             * @description 0 = Monday … 6 = Sunday
             */
            weekdays: number[];
        };
        /** ScheduleList */
        ScheduleList: {
            /** Data */
            data: components["schemas"]["Schedule"][];
        };
        /** SendMessageBody */
        SendMessageBody: {
            /** Text */
            text: string;
        };
        /** Service */
        Service: {
            /** Duration Min */
            duration_min: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Price Cents */
            price_cents: number;
            /** Return Cycle Days */
            return_cycle_days?: number | null;
        };
        /** ServiceList */
        ServiceList: {
            /** Data */
            data: components["schemas"]["Service"][];
        };
        /** SessionOut */
        SessionOut: {
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            role: components["schemas"]["Role"];
            /**
             * Tenant Id
             * Format: uuid
             */
            tenant_id: string;
            /** Tenant Name */
            tenant_name: string;
            /** Time Zone */
            time_zone: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** SkipView */
        SkipView: {
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Client Name */
            client_name: string;
            /** Reason */
            reason: string;
        };
        /** SocketTicket */
        SocketTicket: {
            /** Expires In S */
            expires_in_s: number;
            /** Ticket */
            ticket: string;
        };
        /**
         * StatusAccepted
         * @description `outcome`: `retry` (the message goes again), `failed`, or null when nothing changed (a
         *     status that is not a failure, a repeat, an id no sent message of the salon carries).
         */
        StatusAccepted: {
            /** Message Id */
            message_id?: string | null;
            /** Outcome */
            outcome?: ("failed" | "retry") | null;
            /**
             * Status
             * @default accepted
             * @constant
             */
            status?: "accepted";
        };
        /**
         * StatusError
         * @description One of Meta's `errors` of a failed status (`code`, `title`; the rest is not read).
         */
        StatusError: {
            /**
             * Code
             * @default null
             */
            code?: number | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
        };
        /** SuggestionView */
        SuggestionView: {
            /** Auth Request Id */
            auth_request_id?: string | null;
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Client Name */
            client_name: string;
            /** Date */
            date: string;
            /** Final Price Cents */
            final_price_cents: number;
            offer: components["schemas"]["Offer"] | null;
            /** Price Cents */
            price_cents: number;
            /**
             * Professional Id
             * Format: uuid
             */
            professional_id: string;
            /** Professional Name */
            professional_name: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /** Service Name */
            service_name: string;
            /** Time */
            time: string;
            /** Why */
            why: string;
        };
        /**
         * ValidationErrorBody
         * @description A request that does not fit its schema: what is wrong, field by field.
         */
        ValidationErrorBody: {
            /**
             * Code
             * @constant
             */
            code: "validation_error";
            /** Detail */
            detail: components["schemas"]["FieldError"][];
        };
        /**
         * WebhookAccepted
         * @description `queued`: PostgreSQL or the salon's agenda was out of reach; the message is kept and
         *     handed to the salon when it is back (its ids are not known yet).
         */
        WebhookAccepted: {
            /** Conversation Id */
            conversation_id?: string | null;
            /**
             * Duplicate
             * @default false
             */
            duplicate?: boolean;
            /** Message Id */
            message_id?: string | null;
            /**
             * Queued
             * @default false
             */
            queued?: boolean;
            /**
             * Status
             * @default accepted
             * @constant
             */
            status?: "accepted";
        };
        /**
         * WhatsAppChannelBody
         * @description The salon's own channel, whole. `webhook_secret` / `auth_token`: left out, kept; null,
         *     removed (the salon then uses the deployment's n8n); a value, replaced.
         */
        WhatsAppChannelBody: {
            /**
             * Auth Token
             * @description the header token the salon's n8n expects (write-only)
             */
            auth_token?: string | null;
            /** Daily Quota */
            daily_quota?: number | null;
            /** N8N Url */
            n8n_url?: string | null;
            /** Phone Number Id */
            phone_number_id?: string | null;
            /**
             * Webhook Secret
             * @description the salon's n8n signing secret, whsec_ + base64 (write-only)
             */
            webhook_secret?: string | null;
        };
        /**
         * WhatsAppChannelOut
         * @description The salon's channel; secrets only as whether they are set.
         */
        WhatsAppChannelOut: {
            /**
             * Budget
             * @description the budget in force: `daily_quota`, or the deployment's default when null
             */
            budget: number;
            /** Daily Quota */
            daily_quota?: number | null;
            /**
             * Has Auth Token
             * @default false
             */
            has_auth_token?: boolean;
            /**
             * Has Webhook Secret
             * @default false
             */
            has_webhook_secret?: boolean;
            /** N8N Url */
            n8n_url?: string | null;
            /** Phone Number Id */
            phone_number_id?: string | null;
            /**
             * Reached Last 24H
             * @description distinct clients reached by templates, rolling 24 h
             */
            reached_last_24h: number;
        };
        /** WhatsAppTemplateOut */
        WhatsAppTemplateOut: {
            /**
             * Category
             * @enum {string}
             */
            category: "MARKETING" | "UTILITY";
            /** Language */
            language: string;
            /**
             * Meta
             * @description The body of Meta's POST /<WABA_ID>/message_templates
             */
            meta: {
                [key: string]: unknown;
            };
            /** Name */
            name: string;
            /**
             * Own
             * @description The salon's own name and text (else the shipped template)
             */
            own: boolean;
            /**
             * Purpose
             * @enum {string}
             */
            purpose: "prazo_certo_offer" | "encher_agenda_offer" | "booking_confirmed" | "booking_rejected" | "reschedule_approved" | "reschedule_rejected" | "appointment_cancelled" | "appointment_moved" | "offer_filled" | "reminder" | "salon_message";
            /**
             * Text
             * @description Values by name: {{first_name}}, {{service}} …
             */
            text: string;
            /**
             * Values
             * @description The values this purpose's messages carry
             */
            values: string[];
        };
        /**
         * WhatsAppTemplatesBody
         * @description The salon's own templates, whole: a purpose left out uses the shipped template.
         */
        WhatsAppTemplatesBody: {
            /** Templates */
            templates: {
                [key: string]: components["schemas"]["SalonTemplate"];
            };
        };
        /** WhatsAppTemplatesOut */
        WhatsAppTemplatesOut: {
            /** Templates */
            templates: components["schemas"]["WhatsAppTemplateOut"][];
        };
        /**
         * WorkingHoursBody
         * @description A professional's whole week: every period; a weekday without one is a day off.
         */
        WorkingHoursBody: {
            /**
             * Periods
             * @description at most 4 a day, none overlapping or touching another
             */
            periods: components["schemas"]["WorkingPeriod"][];
        };
        /**
         * WorkingHoursView
         * @description A professional's week, and the coming bookings outside it (counted; the first listed).
         */
        WorkingHoursView: {
            /**
             * Bookings Outside
             * @description the first 20, soonest first
             */
            bookings_outside: components["schemas"]["BookingOutside"][];
            /** Bookings Outside Count */
            bookings_outside_count: number;
            /** Periods */
            periods: components["schemas"]["WorkingPeriod"][];
            /**
             * Professional Id
             * Format: uuid
             */
            professional_id: string;
            /** Professional Name */
            professional_name: string;
        };
        /**
         * WorkingPeriod
         * @description One period of a weekday's work: from `start` until `end` (a booking may end at `end`).
         */
        WorkingPeriod: {
            /**
             * End
             * @example 09:30
             */
            end: string;
            /**
             * Start
             * @example 09:30
             */
            start: string;
            /**
             * Weekday
             * @description 0 = Monday … 6 = Sunday
             */
            weekday: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    appointments: {
        parameters: {
            query: {
                /** @description first local day */
                from: string;
                professional_id?: string | null;
                /** @description last local day, inclusive */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentList"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    move_appointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appointment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unknown */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "not_found",
                     *       "detail": "unknown"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description slot taken or started */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "slot_taken",
                     *       "detail": "slot taken or started"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mark_appointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appointment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unknown */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "not_found",
                     *       "detail": "unknown"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "slot_taken",
                     *       "detail": "illegal transition"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    encher_agenda: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EncherAgendaBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    funnel: {
        parameters: {
            query: {
                campaign_type?: ("prazo_certo" | "encher_agenda") | null;
                /** @description first local day of the runs */
                from: string;
                /** @description last local day, inclusive */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignFunnel"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    prazo_certo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrazoCertoBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    campaign_runs: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignRunList"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    schedules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleList"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_schedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_type: "prazo_certo" | "encher_agenda";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationList"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    messages: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatMessageList"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    send_message: {
        parameters: {
            query?: never;
            header?: {
                /** @description the same key again sends nothing twice (answers the first result) */
                "Idempotency-Key"?: string | null;
            };
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerMessageResult"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationAgent"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    clients: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                search?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPage"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    record_client_consent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientConsent"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    erase_client: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientErasedOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_client: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    professionals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfessionalList"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    professional_working_hours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                professional_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkingHoursView"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such professional in this salon */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "not_found",
                     *       "detail": "no such professional in this salon"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_professional_working_hours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                professional_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkingHoursBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkingHoursView"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such professional in this salon */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "not_found",
                     *       "detail": "no such professional in this salon"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    salon_profile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalonProfileOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_salon_profile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SalonProfileBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalonProfileOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    salon_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalonSettings"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_salon_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SalonSettingsBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalonSettings"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_salon_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SalonSettingsBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalonSettings"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    whatsapp_channel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatsAppChannelOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_whatsapp_channel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WhatsAppChannelBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatsAppChannelOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    whatsapp_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatsAppTemplatesOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_whatsapp_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WhatsAppTemplatesBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatsAppTemplatesOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    services: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceList"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    confirm_auth_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmAuthRequestBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfirmAuthRequestResponse"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unknown request */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "not_found",
                     *       "detail": "unknown request"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description slot taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "slot_taken",
                     *       "detail": "slot taken"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    confirm_auth_requests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmAuthRequestsBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfirmAuthRequestsResponse"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token: only the salon's owner may do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "only the salon owner can do this"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    pending_auth_requests: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingAuthRequests"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    socket_ticket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocketTicket"];
                };
            };
            /** @description no credentials, or a bad, expired or foreign token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "invalid token: Signature has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    message_received: {
        parameters: {
            query?: never;
            header?: {
                /** @description the delivery's id (a repeat with the same id is answered once) */
                "webhook-id"?: string;
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>` (Standard Webhooks) */
                "webhook-signature"?: string;
                /** @description seconds since the epoch; more than 5 minutes off is refused */
                "webhook-timestamp"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "channel": "whatsapp",
                 *       "client_name": "João Pereira",
                 *       "message": "Oi, quero marcar um corte amanhã às 15h",
                 *       "message_id": "wamid.HBgLNTUxMTk4ODg4Nzc3NxUCABIYFjNFQjBDMDY",
                 *       "phone": "+5511988887777",
                 *       "tenant_id": "0b3c6f1e-5d2a-4c8e-9f10-2a4b6c8d0e1f",
                 *       "timestamp": "2026-12-07T12:30:00-03:00"
                 *     }
                 */
                "application/json": components["schemas"]["MessageReceivedBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAccepted"];
                };
            };
            /** @description unsigned, badly signed, stale, a token in production, foreign */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "unsigned, badly signed, stale, a token in production, foreign"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a staff token (only the owner tries the agent, outside production) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "forbidden",
                     *       "detail": "a staff token (only the owner tries the agent, outside production)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no salon has this `tenant_id` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "not_found",
                     *       "detail": "salon not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    message_status: {
        parameters: {
            query?: never;
            header?: {
                /** @description the delivery's id (a repeat with the same id is answered once) */
                "webhook-id"?: string;
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>` (Standard Webhooks) */
                "webhook-signature"?: string;
                /** @description seconds since the epoch; more than 5 minutes off is refused */
                "webhook-timestamp"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "code": 131047,
                 *           "title": "Re-engagement message"
                 *         }
                 *       ],
                 *       "kind": "status",
                 *       "status": "failed",
                 *       "tenant_id": "0b3c6f1e-5d2a-4c8e-9f10-2a4b6c8d0e1f",
                 *       "timestamp": "2026-12-07T12:31:00-03:00",
                 *       "whatsapp_message_id": "wamid.HBgLNTUxMTk4ODg4Nzc3NxUCABIYFjNFQjBDMDY"
                 *     }
                 */
                "application/json": components["schemas"]["MessageStatusBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAccepted"];
                };
            };
            /** @description unsigned, badly signed or stale */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "unauthorized",
                     *       "detail": "unsigned, badly signed or stale"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no salon has this `tenant_id` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "not_found",
                     *       "detail": "salon not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "body_too_large",
                     *       "detail": "the request body is over 4194304 bytes"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the request does not fit its schema (`validation_error`: `detail` lists each field) or holds a NUL character (`invalid_request`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description over a rate limit (per address, salon or webhook); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "rate_limited",
                     *       "detail": "too many requests: salon; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "store_unavailable",
                     *       "detail": "the database or Redis is unreachable; try again"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    livez: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Live"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description a bug: nothing was changed by halves; it was logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "internal_error",
                     *       "detail": "a bug: nothing was changed by halves; it was logged"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
}
