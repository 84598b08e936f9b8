// The seed's <AuthRequestCard>: one proposal with Aprovar / Rejeitar, in Brazilian Portuguese.
import { useState } from "react";
import { ApiError } from "./api";
import { agentLabel, formatDate, formatMoney, formatTime, offerLabel } from "./format";
import type { AuthRequest, Decision } from "./types";

export interface AuthRequestCardProps {
  request: AuthRequest;
  timeZone?: string;
  /** Resolves when the back end answered; the card leaves when the event arrives. */
  onDecide: (id: string, decision: Decision) => Promise<unknown>;
  canDecide?: boolean;
}

const ERRORS: Record<string, string> = {
  slot_taken: "Esse horário já foi ocupado. A sugestão continua pendente.",
  already_decided: "Essa sugestão já foi decidida.",
};

export function AuthRequestCard({ request, timeZone, onDecide, canDecide = true }: AuthRequestCardProps) {
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = request.appointment_data;
  const offer = offerLabel(data);

  async function decide(decision: Decision) {
    setBusy(decision);
    setError(null);
    try {
      await onDecide(request.id, decision);
    } catch (caught) {
      const known = caught instanceof ApiError ? ERRORS[caught.code] : undefined;
      setError(known ?? "Não foi possível registrar a decisão. Tente de novo.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <article className="auth-request-card" data-testid="auth-request-card" data-request-id={request.id}>
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
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {canDecide && (
        <footer>
          <button
            type="button"
            className="approve"
            disabled={busy !== null}
            onClick={() => decide("approve")}
          >
            {busy === "approve" ? "Aprovando…" : "Aprovar"}
          </button>
          <button type="button" className="reject" disabled={busy !== null} onClick={() => decide("reject")}>
            {busy === "reject" ? "Rejeitando…" : "Rejeitar"}
          </button>
        </footer>
      )}
    </article>
  );
}
