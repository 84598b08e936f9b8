// Development login: paste an owner token (scripts/up prints one); the API confirms it.
import { useState, type FormEvent } from "react";
import { ApiError, createApiClient } from "../../src";
import type { StoredLogin } from "../session";

export function Login({ baseUrl, onLogin }: { baseUrl: string; onLogin: (login: StoredLogin) => void }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = token.trim();
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      const session = await createApiClient({ baseUrl, token: value }).session();
      onLogin({ token: value, session });
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : 0;
      setError(
        status === 401 || status === 403
          ? "Token inválido ou expirado."
          : status === 404
            ? "Salão não encontrado."
            : "Não foi possível falar com o servidor.",
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form onSubmit={submit} aria-label="Entrar">
        <h1>Agenda Cheia</h1>
        <p>
          Painel do salão. Cole o token de acesso do dono (o <code>scripts/up</code> mostra um).
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
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !token.trim()}>
          {busy ? "Entrando…" : "Entrar"}
        </button>
      </form>
    </main>
  );
}
