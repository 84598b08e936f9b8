// The seed's <AuthRequestCard>: one proposal with Aprovar / Rejeitar, in Brazilian Portuguese.
import { useState } from "react";
import { ApiError } from "./apiError.js";
import { errorCodeText, failureCode } from "./failureTexts.js";
import { agentLabel, formatDate, formatMoney, formatTime, offerLabel } from "./format.js";
import type { AuthRequest, Decision } from "./types.js";

export interface AuthRequestCardProps {
  request: AuthRequest;
  timeZone?: string;
  /** Resolves when the back end answered; the card leaves when the event arrives. */
  onDecide: (id: string, decision: Decision) => Promise<unknown>;
  canDecide?: boolean;
  /** A closed card (the client declined, the offer expired or was filled) is dismissed. */
  onDismiss?: (id: string) => void;
}

const ERRORS: Record<string, string> = {
  slot_taken: "Esse horário já foi ocupado. A sugestão continua pendente.",
  already_decided: "Essa sugestão já foi decidida.",
  offer_closed: "Essa oferta foi encerrada pelo lado do cliente.",
  slot_passed: "O horário dessa sugestão já passou.",
  salon_closed: "O salão está fechado nesse dia. A sugestão continua pendente.",
  illegal_transition: "O horário que o cliente queria remarcar não está mais marcado.",
};

/** What the client has done, in the owner's words (null: nothing to say). */
export function clientStateLabel(request: AuthRequest): string | null {
  switch (request.client_state) {
    case "offered":
      return request.preapproved ? "Pré-aprovada · aguardando cliente" : "Aguardando cliente";
    case "accepted":
      return "Cliente aceitou";
    case "declined":
      return "Cliente recusou";
    case "expired":
      return "Expirada";
    case "withdrawn":
      return "Horário preenchido";
    case "requested":
      return request.replaces_appointment_id ? "Cliente pediu para remarcar" : "Cliente pediu";
    default:
      return null;
  }
}

export function AuthRequestCard({
  request,
  timeZone,
  onDecide,
  canDecide = true,
  onDismiss,
}: AuthRequestCardProps) {
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<{ text: string; code?: string | undefined } | null>(null);
  const data = request.appointment_data;
  const offer = offerLabel(data);
  const state = clientStateLabel(request);
  // Approving an offer the client has not answered pre-approves it: booked when they say yes.
  const preapproves = request.client_state === "offered";

  async function decide(decision: Decision) {
    setBusy(decision);
    setError(null);
    try {
      await onDecide(request.id, decision);
    } catch (caught) {
      const known = caught instanceof ApiError ? (ERRORS[caught.code] ?? errorCodeText(caught.code)) : null;
      setError({
        text: known ?? "Não foi possível registrar a decisão. Tente de novo.",
        code: failureCode(caught),
      });
    } finally {
      setBusy(null);
    }
  }

  return (
    <article
      className="auth-request-card"
      data-testid="auth-request-card"
      data-request-id={request.id}
      data-client-state={request.client_state ?? ""}
      data-closed={request.closed ? "true" : "false"}
    >
      <header>
        <strong className="client">{data.client_name}</strong>
        <span className="agent" title="Quem sugeriu">
          {agentLabel(request.created_by_agent)}
        </span>
      </header>
      <p className="service">
        {data.service_name} com {data.professional_name}
      </p>
      <p className="when">
        {formatDate(data.date, timeZone)} às {formatTime(data.time, timeZone)}
      </p>
      <p className="price">
        {offer ? (
          <>
            <s>{formatMoney(data.price_cents)}</s> {formatMoney(data.final_price_cents)}{" "}
            <span className="offer">({offer})</span>
          </>
        ) : (
          formatMoney(data.price_cents)
        )}
      </p>
      {state && (
        <p className="client-state" data-testid="client-state">
          {state}
        </p>
      )}
      {error && (
        <p className="error" role="alert" title={error.code}>
          {error.text}
        </p>
      )}
      {request.closed && onDismiss && (
        <footer>
          <button type="button" onClick={() => onDismiss(request.id)}>
            Dispensar
          </button>
        </footer>
      )}
      {canDecide && !request.closed && (
        <footer>
          <button
            type="button"
            className="approve"
            disabled={busy !== null || (preapproves && request.preapproved)}
            onClick={() => decide("approve")}
          >
            {busy === "approve" ? "Aprovando…" : preapproves ? "Pré-aprovar" : "Aprovar"}
          </button>
          <button type="button" className="reject" disabled={busy !== null} onClick={() => decide("reject")}>
            {busy === "reject" ? "Rejeitando…" : "Rejeitar"}
          </button>
        </footer>
      )}
    </article>
  );
}
