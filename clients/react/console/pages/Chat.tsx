// Chat: the salon's WhatsApp conversations, live; the owner can write to a client, and give a
// conversation the salon took over back to the agent.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import {
  formatDateTime,
  randomKey,
  useAgent,
  type ChatMessage,
  type Conversation,
  type Session,
} from "../../src";

const AUTHOR: Record<ChatMessage["author"], string> = { client: "Cliente", agent: "IA", owner: "Você" };
const PAUSED: Record<NonNullable<Conversation["paused_reason"]>, string> = {
  client_asked: "O cliente pediu para falar com uma pessoa.",
  complaint: "O cliente fez uma reclamação.",
  owner_replied: "A equipe está conversando com o cliente.",
};

export function Chat({ session }: { session: Session }) {
  const { api, state, dispatch, refreshes } = useAgent();
  const zone = session.time_zone;
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  // One key per draft: sending it again after an error cannot reach the client twice.
  const [sendKey, setSendKey] = useState(() => randomKey());
  const [error, setError] = useState<string | null>(null);
  const known = useMemo(() => new Set(conversations.map((c) => c.id)), [conversations]);
  // Conversations that got a live message but are not in the list yet (new clients).
  const unknown = Object.keys(state.messages)
    .filter((id) => !known.has(id))
    .sort()
    .join(",");
  // A conversation handed over or given back (live): the list shows who has each one.
  const handoffs = state.notifications.filter((n) => n.kind === "handoff").length;

  // Reload the list at start and whenever a message arrives in a conversation it lacks.
  useEffect(() => {
    let live = true;
    api
      .conversations()
      .then((list) => live && setConversations(list))
      .catch(() => live && setError("Não foi possível carregar as conversas."));
    return () => {
      live = false;
    };
  }, [api, unknown, refreshes, handoffs]);

  useEffect(() => {
    if (selected === null && conversations[0]) setSelected(conversations[0].id);
  }, [conversations, selected]);

  useEffect(() => {
    if (!selected) return;
    api
      .messages(selected)
      .then((messages) =>
        dispatch({ type: "SET_MESSAGES", payload: { conversation_id: selected, messages } }),
      )
      .catch(() => setError("Não foi possível carregar as mensagens."));
  }, [api, dispatch, selected, refreshes]);

  const rows = useMemo(() => {
    return conversations
      .map((c) => {
        const last = state.messages[c.id]?.at(-1);
        return last ? { ...c, last_message: last.text, last_message_at: last.created_at } : c;
      })
      .sort((a, b) => (a.last_message_at < b.last_message_at ? 1 : -1));
  }, [conversations, state.messages]);

  async function send(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!selected || !text) return;
    try {
      const result = await api.sendMessage(selected, text, sendKey);
      dispatch({
        type: "ADD_MESSAGE",
        payload: {
          id: result.message_id,
          conversation_id: selected,
          client_id: result.client_id,
          author: "owner",
          text,
          intent: null,
          created_at: new Date().toISOString(),
        },
      });
      setDraft("");
      setSendKey(randomKey());
      setError(null);
    } catch {
      setError("A mensagem não foi enviada. Tente de novo.");
    }
  }

  async function resume(conversationId: string) {
    try {
      await api.resumeConversation(conversationId);
      setConversations((list) =>
        list.map((c) => (c.id === conversationId ? { ...c, paused_until: null, paused_reason: null } : c)),
      );
      setError(null);
    } catch {
      setError("Não foi possível retomar o atendimento automático. Tente de novo.");
    }
  }

  const messages = selected ? (state.messages[selected] ?? []) : [];
  const current = conversations.find((c) => c.id === selected);
  return (
    <section className="chat">
      <aside className="conversations" data-testid="conversations">
        <h2>Conversas</h2>
        {rows.length === 0 && <p className="empty">Nenhuma conversa ainda.</p>}
        {rows.map((c) => (
          <button
            type="button"
            key={c.id}
            className={c.id === selected ? "conversation active" : "conversation"}
            data-testid="conversation"
            onClick={() => {
              setSelected(c.id);
              setSendKey(randomKey()); // a key belongs to one message to one conversation
            }}
          >
            <strong>{c.client_name}</strong>
            {c.paused_until && <span className="paused">Com a equipe</span>}
            <span className="preview">{c.last_message ?? ""}</span>
            <span className="at">{formatDateTime(c.last_message_at, zone)}</span>
          </button>
        ))}
      </aside>
      <div className="thread">
        {current && (
          <h2>
            {current.client_name} <small>{current.phone_e164}</small>
          </h2>
        )}
        {current?.paused_until && (
          <p className="handoff" data-testid="handoff">
            {PAUSED[current.paused_reason ?? "owner_replied"]} A IA não responde esta conversa até{" "}
            {formatDateTime(current.paused_until, zone)}.{" "}
            <button type="button" onClick={() => resume(current.id)}>
              Retomar atendimento automático
            </button>
          </p>
        )}
        <ol className="messages" data-testid="messages">
          {messages.map((m) => (
            <li key={m.id} className={`message ${m.author}`} data-testid="message" data-author={m.author}>
              <span className="author">{AUTHOR[m.author]}</span>
              <p>{m.text}</p>
              <span className="at">{formatDateTime(m.created_at, zone)}</span>
            </li>
          ))}
        </ol>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {selected && (
          <form className="composer" onSubmit={send}>
            <textarea
              aria-label="Mensagem"
              value={draft}
              rows={2}
              onChange={(e) => {
                setDraft(e.target.value);
                setSendKey(randomKey());
              }}
              placeholder="Escreva para o cliente…"
            />
            <button type="submit" disabled={!draft.trim()}>
              Enviar
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
