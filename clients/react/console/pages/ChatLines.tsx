// What the Chat page shows of one line: a message by its WhatsApp kind (voice note and its
// transcript, photo, document, location with a map link, …) and a client's notice marker.
import { mapsLink, mediaLabel, type ChatMessage, type ClientNoticeKind, type Notification } from "../../src";

export const NOTICE_ICON: Record<ClientNoticeKind, string> = {
  late: "⏰",
  on_the_way: "🚗",
  arrived: "✅",
  missing_fact: "❓",
  media: "📎",
};
/** The conversation's marker in the list for its latest notice (media shows in the preview). */
const NOTICE_TAG: Partial<Record<ClientNoticeKind, string>> = {
  late: "Atraso",
  on_the_way: "A caminho",
  arrived: "Chegou",
  missing_fact: "Pergunta para a equipe",
};

/** What a conversation's last message shows in the list: its words, else its kind. */
export function preview(text: string | null, kind: string | null | undefined): string {
  const label = mediaLabel(kind);
  if (!label) return text ?? "";
  return text ? `${label}: ${text}` : label;
}

export function MessageBody({ message }: { message: ChatMessage }) {
  if (!message.kind) return <p>{message.text}</p>;
  const { kind, filename, location, transcript, text } = message;
  return (
    <div className="media" data-kind={kind}>
      <span className="media-kind">{mediaLabel(kind)}</span>
      {filename && <span className="filename"> · {filename}</span>}
      {location && (
        <span className="location">
          {" "}
          · {[location.name, location.address].filter(Boolean).join(", ") || "ponto no mapa"} ·{" "}
          <a href={mapsLink(location)} target="_blank" rel="noopener noreferrer">
            Abrir no mapa
          </a>
        </span>
      )}
      {kind === "audio" &&
        (transcript ? (
          <blockquote className="transcript" data-testid="transcript">
            “{transcript}”
          </blockquote>
        ) : (
          <span className="hint"> · sem transcrição</span>
        ))}
      {text && <p className="caption">{text}</p>}
    </div>
  );
}

export function NoticeTag({ notice }: { notice: Notification | undefined }) {
  const tag = notice?.notice ? NOTICE_TAG[notice.notice.kind] : undefined;
  if (!tag || !notice?.notice) return null;
  return (
    <span className={`notice-tag notice-${notice.notice.kind}`} data-testid="notice-tag">
      {NOTICE_ICON[notice.notice.kind]} {tag}
    </span>
  );
}
