// The way in when the console holds no session: the salon's system opens it with a token (in the
// address, or by postMessage when it frames the console; docs/console-embed.md). What the owner sees
// meanwhile, why a token was refused and the way back; pasting a token stays as the development way.
import { useState, type FormEvent } from "react";
import type { EntryState } from "../useEntry";

type LoginProps = Pick<EntryState, "status" | "problem" | "back" | "hosted" | "signIn" | "askHost">;

export function Login({ status, problem, back, hosted, signIn, askHost }: LoginProps) {
  const waiting = status === "waiting" || (status === "checking" && !problem);
  return (
    <main className="login">
      <section className="entry" aria-label="Entrar">
        <h1>Agenda Cheia</h1>
        {status === "checking" && (
          <p role="status" data-testid="entry-status">
            Verificando o acesso…
          </p>
        )}
        {status === "waiting" && (
          <p role="status" data-testid="entry-status">
            Aguardando o acesso enviado pelo sistema do salão…
          </p>
        )}
        {problem && status !== "checking" && (
          <div className="error" role="alert" title={problem.code} data-testid="entry-problem">
            <p>{problem.text}</p>
            <p>
              {hosted
                ? "Peça um novo acesso ao sistema do salão."
                : "Volte ao sistema do salão e abra o painel de novo."}
            </p>
          </div>
        )}
        {(hosted || back) && (
          <p className="entry-actions">
            {hosted && status !== "checking" && (
              <button type="button" onClick={() => askHost("refused", true)}>
                Pedir novo acesso
              </button>
            )}
            {back && (
              <a className="button" href={back} target="_top" data-testid="entry-back">
                Voltar ao sistema do salão
              </a>
            )}
          </p>
        )}
        {!waiting && !problem && !hosted && (
          <p className="hint">Abra o painel pelo sistema do salão: ele entra aqui com o seu acesso.</p>
        )}
      </section>
      <PasteToken signIn={signIn} open={!hosted} busy={status === "checking"} />
    </main>
  );
}

/** Development: paste an owner token (scripts/up prints one); the API confirms it. */
function PasteToken({
  signIn,
  open,
  busy,
}: {
  signIn: (token: string) => Promise<void>;
  open: boolean;
  busy: boolean;
}) {
  const [token, setToken] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = token.trim();
    if (value) await signIn(value);
  }

  return (
    <details className="paste-token" open={open}>
      <summary>Usar um token de acesso (desenvolvimento)</summary>
      <form onSubmit={submit} aria-label="Entrar com token">
        <p>
          Cole o token de acesso do dono (o <code>scripts/up</code> mostra um).
        </p>
        <label htmlFor="token">Token de acesso</label>
        <textarea
          id="token"
          name="token"
          rows={4}
          value={token}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setToken(e.target.value)}
        />
        <button type="submit" disabled={busy || !token.trim()}>
          {busy ? "Entrando…" : "Entrar"}
        </button>
      </form>
    </details>
  );
}
