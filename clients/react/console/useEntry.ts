// The console's way in: a token from the URL fragment or from the framing page (embed.ts), checked
// with the API (`/session`) before it is kept in sessionStorage; the pasted token (development)
// goes the same way. When a token expires or is refused, a framed console asks its host for a
// fresh one; a console of its own says so and shows the way back.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, createApiClient } from "../src";
import {
  EMBED_MESSAGES,
  isFramed,
  listenForTokens,
  loadEmbedOrigins,
  refreshDelayMs,
  safeBackLink,
  tellHost,
  type Entry,
  type ExpiredReason,
} from "./embed";
import { failureOf, type Failure } from "./Failure";
import { clearLogin, loadLogin, saveLogin, type StoredLogin } from "./session";

export type EntryStatus = "idle" | "checking" | "waiting" | "refused";

export interface EntryState {
  login: StoredLogin | null;
  status: EntryStatus;
  /** Why the last token was refused, in the owner's words. */
  problem: Failure | null;
  /** "Voltar ao sistema do salão", when the host's page is known and allowed. */
  back: string | null;
  /** Framed by an embedding origin: the host hands tokens over. */
  hosted: boolean;
  /** Checks a token (pasted, or from the host) and signs in with it. */
  signIn: (token: string) => Promise<void>;
  signOut: () => void;
  /** Asks the host for a fresh token (framed only); unless `manual`, once per token. */
  askHost: (reason: ExpiredReason, manual?: boolean) => void;
}

/** Why a token was refused: an expired or foreign token, an unknown salon, no connection. */
export function refusal(error: unknown): Failure {
  const why = failureOf(error);
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return { ...why, text: "O acesso ao painel expirou ou não é válido." };
  }
  if (error instanceof ApiError && error.status === 404) {
    return { ...why, text: "Salão não encontrado para este acesso." };
  }
  return why;
}

export function useEntry(baseUrl: string, entry: Entry | null): EntryState {
  const [login, setLogin] = useState<StoredLogin | null>(() => (entry ? null : loadLogin()));
  const [status, setStatus] = useState<EntryStatus>(entry ? "checking" : "idle");
  const [problem, setProblem] = useState<Failure | null>(null);
  const [origins, setOrigins] = useState<string[]>([]);
  const hosted = isFramed() && origins.length > 0;
  const asked = useRef<string | null>(null); // the token the host was last asked to replace

  // The caller says "checking" first (a fragment's token starts so).
  const accept = useCallback(
    (token: string, back: string | null): Promise<void> =>
      createApiClient({ baseUrl, token })
        .session()
        .then(
          (session) => {
            const next = { token, session, back };
            saveLogin(next);
            setLogin(next);
            setProblem(null);
            setStatus("idle");
          },
          (caught: unknown) => {
            setProblem(refusal(caught));
            setStatus("refused");
          },
        ),
    [baseUrl],
  );

  useEffect(() => {
    if (entry) void accept(entry.token, entry.back);
  }, [entry, accept]);

  // The embedding origins: whom to listen to and answer when framed, where "Voltar" may lead.
  useEffect(() => {
    let live = true;
    let stop = () => {};
    void loadEmbedOrigins(baseUrl).then((list) => {
      if (!live) return;
      setOrigins(list);
      if (!isFramed() || list.length === 0) return;
      stop = listenForTokens(window, list, (token) => {
        setStatus("checking");
        void accept(token, null);
      });
      setStatus((current) => (current === "idle" && !loadLogin() ? "waiting" : current));
      tellHost(window, list, { type: EMBED_MESSAGES.ready });
    });
    return () => {
      live = false;
      stop();
    };
  }, [baseUrl, accept]);

  const token = login?.token ?? null;
  const askHost = useCallback(
    (reason: ExpiredReason, manual = false) => {
      // A host that answers with tokens we refuse is not asked in a loop: once per token.
      if (!hosted || (!manual && token !== null && asked.current === token)) return;
      asked.current = token;
      setStatus((current) => (current === "checking" ? current : "waiting"));
      tellHost(window, origins, { type: EMBED_MESSAGES.tokenExpired, reason });
    },
    [hosted, origins, token],
  );

  // A minute before the token expires, the host is asked for the next one.
  const expiresAt = login?.session.expires_at;
  useEffect(() => {
    if (!hosted || !expiresAt) return;
    const delay = refreshDelayMs(expiresAt, Date.now());
    if (delay === null) return;
    const timer = setTimeout(() => askHost("expiring"), delay);
    return () => clearTimeout(timer);
  }, [hosted, expiresAt, askHost]);

  const signOut = useCallback(() => {
    clearLogin();
    setLogin(null);
    setStatus("idle");
  }, []);

  return {
    login,
    status,
    problem,
    back: safeBackLink(login?.back ?? entry?.back, origins),
    hosted,
    signIn: (token) => {
      setStatus("checking");
      return accept(token, login?.back ?? entry?.back ?? null);
    },
    signOut,
    askHost,
  };
}
