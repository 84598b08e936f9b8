// How the socket proves who it is: one-use tickets, or the token and a check when it is refused.

/** Requests to the API here give up after this long: a hung network must not stall retries. */
const AUTH_CHECK_TIMEOUT_MS = 5_000;

/** Why a connection failed: `unauthorized` stops retrying, anything else retries. */
export type AuthCheck = () => Promise<"ok" | "unauthorized" | "unknown">;

/** A ticket for one socket; rejects with `AuthRefusedError` when the token is refused. */
export type TicketSource = () => Promise<string>;

export class AuthRefusedError extends Error {
  constructor(readonly status: number) {
    super(`the API refused the token (${status})`);
    this.name = "AuthRefusedError";
  }
}

/** Tickets from `POST /api/v1/sync/ws-ticket`, asked with the bearer token. */
export function sessionTickets(baseUrl: string, token: string, fetcher = fetch): TicketSource {
  return async () => {
    if (tokenExpired(token)) throw new AuthRefusedError(401); // no need to ask
    const response = await fetcher(baseUrl.replace(/\/$/, "") + "/api/v1/sync/ws-ticket", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(AUTH_CHECK_TIMEOUT_MS),
    });
    if (response.status === 401 || response.status === 403) throw new AuthRefusedError(response.status);
    if (!response.ok) throw new Error(`ticket: HTTP ${response.status}`);
    const body = (await response.json()) as { ticket?: unknown };
    // Never fall back to the token in the URL because an answer was not what we expect.
    if (typeof body.ticket !== "string" || body.ticket === "") throw new Error("ticket: no ticket");
    return body.ticket;
  };
}

/** The token's own `exp` (seconds), if it is a readable JWT. */
export function tokenExpired(token: string, nowMs: number = Date.now()): boolean {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp: unknown = JSON.parse(json).exp;
    return typeof exp === "number" && exp * 1000 <= nowMs;
  } catch {
    return false;
  }
}

export function sessionAuthCheck(baseUrl: string, token: string, fetcher = fetch): AuthCheck {
  return async () => {
    if (tokenExpired(token)) return "unauthorized";
    try {
      const response = await fetcher(baseUrl.replace(/\/$/, "") + "/api/v1/session", {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(AUTH_CHECK_TIMEOUT_MS),
      });
      if (response.status === 401 || response.status === 403) return "unauthorized";
      return response.ok ? "ok" : "unknown";
    } catch {
      return "unknown";
    }
  };
}
