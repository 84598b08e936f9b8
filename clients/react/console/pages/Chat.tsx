// Chat: the salon's WhatsApp conversations, live; the owner can write to a client, and give a
// conversation the salon took over back to the agent. Voice notes, photos, locations … show by
// kind; a client's notices (late, arrived, a question the profile does not answer) show in the
// thread and on the conversation.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import {
  clientNoticeText,
  formatDateTime,
  randomKey,
  useAgent,
  type ChatMessage,
  type Conversation,
  type Notification,
  type Session,
} from "../../src";
import { FailureNote, failureOf, type Failure } from "../Failure";
import { MessageBody, NOTICE_ICON, NoticeTag, preview } from "./ChatLines";

const AUTHOR: Record<ChatMessage["author"], string> = { client: "Cliente", agent: "IA", owner: "Você" };
const PAUSED: Record<NonNullable<Conversation["paused_reason"]>, string> = {
  client_asked: "O cliente pediu para falar com uma pessoa.",
  complaint: "O cliente fez uma reclamação.",
  owner_replied: "A equipe está conversando com o cliente.",
};

type ThreadItem = { at: string; message: ChatMessage } | { at: string; notice: Notification };

export function Chat({ session }: { session: Session }) {
  const { api, state, dispatch, refreshes } = useAgent();
  const zone = session.time_zone;
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  // One key per draft: sending it again after an error cannot reach the client twice.
  const [sendKey, setSendKey] = useState(() => randomKey());
  const [error, setError] = useState<Failure | null>(null);
  const known = useMemo(() => new Set(conversations.map((c) => c.id)), [conversations]);
  // Conversations that got a live message but are not in the list yet (new clients).
  const unknown = Object.keys(state.messages)
    .filter((id) => !known.has(id))
    .sort()
    .join(",");
  // A conversation handed over or given back (live): the list shows who has each one.
  const handoffs = state.notifications.filter((n) => n.kind === "handoff").length;
  const notices = useMemo(
    () => state.notifications.filter((n) => n.kind === "client_notice" && n.conversation_id),
    [state.notifications],
  );
  // A notice follows the message it is about: reload the thread for what the socket lacks (a
  // voice note's transcript).
  const selectedNotices = notices.filter((n) => n.conversation_id === selected).length;

  // Reload the list at start and whenever a message arrives in a conversation it lacks.
  useEffect(() => {
    let live = true;
    api
      .conversations()
      .then((list) => {
        if (!live) return;
        setConversations(list);
        setSelected((current) => current ?? list[0]?.id ?? null);
      })
      .catch(
        (caught: unknown) => live && setError(failureOf(caught, "Não foi possível carregar as conversas.")),
      );
    return () => {
      live = false;
    };
  }, [api, unknown, refreshes, handoffs]);

  useEffect(() => {
    if (!selected) return;
    api
      .messages(selected)
      .then((messages) =>
        dispatch({ type: "SET_MESSAGES", payload: { conversation_id: selected, messages } }),
      )
      .catch((caught: unknown) => setError(failureOf(caught, "Não foi possível carregar as mensagens.")));
  }, [api, dispatch, selected, refreshes, selectedNotices]);

  const rows = useMemo(() => {
    return conversations
      .map((c) => {
        const last = state.messages[c.id]?.at(-1);
        return last
          ? {
              ...c,
              last_message: last.text,
              last_kind: last.kind ?? "text",
              last_message_at: last.created_at,
            }
          : c;
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
    } catch (caught) {
      const why = failureOf(caught, "Tente de novo.");
      setError({ ...why, text: `A mensagem não foi enviada. ${why.text}` });
    }
  }

  async function resume(conversationId: string) {
    try {
      await api.resumeConversation(conversationId);
      setConversations((list) =>
        list.map((c) => (c.id === conversationId ? { ...c, paused_until: null, paused_reason: null } : c)),
      );
      setError(null);
    } catch (caught) {
      const why = failureOf(caught, "Tente de novo.");
      setError({ ...why, text: `Não foi possível retomar o atendimento automático. ${why.text}` });
    }
  }

  const messages = selected ? (state.messages[selected] ?? []) : [];
  const current = conversations.find((c) => c.id === selected);
  // Notifications are newest first: the first one per conversation is its latest.
  const latestNotice = new Map<string, Notification>();
  for (const n of notices) if (!latestNotice.has(n.conversation_id!)) latestNotice.set(n.conversation_id!, n);
  const thread: ThreadItem[] = [
    ...messages.map((message) => ({ at: message.created_at, message })),
    ...notices.filter((n) => n.conversation_id === selected).map((notice) => ({ at: notice.at, notice })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
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
            <NoticeTag notice={latestNotice.get(c.id)} />
            <span className="preview">{preview(c.last_message, c.last_kind)}</span>
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
        {current?.awaiting_answer && !current.paused_until && (
          <p className="hint" data-testid="awaiting">
            A IA fez uma pergunta ao cliente sobre os agendamentos dele e aguarda a resposta.
          </p>
        )}
        <ol className="messages" data-testid="messages">
          {thread.map((item) =>
            "message" in item ? (
              <li
                key={item.message.id}
                className={`message ${item.message.author}`}
                data-testid="message"
                data-author={item.message.author}
                data-kind={item.message.kind ?? "text"}
              >
                <span className="author">{AUTHOR[item.message.author]}</span>
                <MessageBody message={item.message} />
                <span className="at">{formatDateTime(item.message.created_at, zone)}</span>
              </li>
            ) : (
              <li
                key={item.notice.id}
                className={`client-notice notice-${item.notice.notice?.kind ?? "other"}`}
                data-testid="client-notice"
                data-kind={item.notice.notice?.kind}
                role="note"
              >
                {item.notice.notice ? NOTICE_ICON[item.notice.notice.kind] : "🔔"}{" "}
                {item.notice.notice
                  ? clientNoticeText(item.notice.notice, item.notice.at, zone)
                  : item.notice.text}
                <span className="at"> · {formatDateTime(item.notice.at, zone)}</span>
              </li>
            ),
          )}
        </ol>
        <FailureNote failure={error} />
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
