// Perfil do salão (on Ajustes): the facts the chat tells clients — address, opening hours,
// payment, parking, cancellation policy, a short "about". A blank fact is unknown: the chat says it
// will check with the salon, and the owner gets a notice. Saved whole (PUT), owner only.
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  PAYMENT_METHOD_LABELS,
  useAgent,
  type SalonProfile,
  type SalonProfileBody,
  type Session,
} from "../../src";
import {
  PAYMENT_METHODS,
  profileBody,
  profileChanged,
  profileErrors,
  profileForm,
  type ProfileForm,
} from "../profileForm";
import { HoursEditor, HoursInUse } from "./OpeningHours";

type TextField = "address" | "maps_url" | "payment_notes" | "parking" | "cancellation_policy" | "about";

export function SalonProfileSection({ session }: { session: Session }) {
  const { api, refreshes, state } = useAgent();
  const isOwner = session.role === "owner";
  const [saved, setSaved] = useState<SalonProfile | null>(null);
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [loadError, setLoadError] = useState(false);
  const [saving, setSaving] = useState(false);
  const dirtyRef = useRef(false);
  // Saved in another tab or by another owner: show it (unless the owner is typing here).
  const updates = state.notifications.filter((n) => n.kind === "salon_profile").length;

  useEffect(() => {
    let live = true;
    api
      .getSalonProfile()
      .then((profile) => {
        if (!live) return;
        setSaved(profile);
        setForm((current) => (current === null || !dirtyRef.current ? profileForm(profile) : current));
        setLoadError(false);
      })
      .catch(() => live && setLoadError(true));
    return () => {
      live = false;
    };
  }, [api, refreshes, updates]);

  const dirty = form !== null && saved !== null && profileChanged(saved, form);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  if (!form || !saved) {
    return (
      <section className="salon-profile">
        <h2>Perfil do salão</h2>
        {loadError ? (
          <p className="error">Não foi possível carregar o perfil do salão.</p>
        ) : (
          <p>Carregando…</p>
        )}
      </section>
    );
  }

  const change = (next: Partial<ProfileForm>) => {
    setForm({ ...form, ...next });
    setStatus(null);
  };
  const text = (field: TextField) => ({
    name: field,
    value: form[field],
    onChange: (e: { target: { value: string } }) => change({ [field]: e.target.value }),
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const body: SalonProfileBody = profileBody(form);
    setSaving(true);
    setErrors([]);
    try {
      const answer = await api.setSalonProfile(body);
      setSaved(answer);
      setForm(profileForm(answer));
      setStatus("Perfil salvo. A IA já responde com estas informações.");
    } catch (caught) {
      setErrors(profileErrors(caught, body));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="salon-profile">
      <form onSubmit={save} aria-label="Perfil do salão">
        <h2>Perfil do salão</h2>
        <p className="hint">
          O que a IA conta aos clientes no WhatsApp. Deixe em branco o que não quiser informar: a IA diz ao
          cliente que vai confirmar com o salão e avisa você.
        </p>
        <fieldset disabled={!isOwner || saving}>
          <div className="settings-grid">
            <label>
              Endereço
              <input {...text("address")} maxLength={300} placeholder="Rua, número - bairro, cidade" />
            </label>
            <label>
              Link do mapa (Google Maps)
              <input {...text("maps_url")} inputMode="url" placeholder="https://maps.app.goo.gl/…" />
            </label>
          </div>

          <h3>Horário de funcionamento</h3>
          <div className="radios" role="radiogroup" aria-label="Horário de funcionamento">
            <label>
              <input
                type="radio"
                name="own_hours"
                checked={!form.own_hours}
                onChange={() => change({ own_hours: false })}
              />
              Usar o horário dos profissionais
            </label>
            <label>
              <input
                type="radio"
                name="own_hours"
                checked={form.own_hours}
                onChange={() => change({ own_hours: true })}
              />
              Definir o horário do salão
            </label>
          </div>
          {form.own_hours ? (
            <HoursEditor hours={form.hours} onChange={(hours) => change({ hours })} />
          ) : (
            <HoursInUse hours={saved.opening_hours_in_use} derived={saved.opening_hours === null} />
          )}

          <h3>Pagamento</h3>
          <div className="checkboxes">
            {PAYMENT_METHODS.map((method) => (
              <label key={method} className="checkbox">
                <input
                  type="checkbox"
                  name="payment_methods"
                  value={method}
                  checked={form.payment_methods.includes(method)}
                  onChange={(e) =>
                    change({
                      payment_methods: e.target.checked
                        ? [...form.payment_methods, method]
                        : form.payment_methods.filter((m) => m !== method),
                    })
                  }
                />
                {PAYMENT_METHOD_LABELS[method]}
              </label>
            ))}
          </div>
          <div className="settings-grid">
            <label>
              Observações sobre pagamento
              <input {...text("payment_notes")} maxLength={300} placeholder="Parcelamos em até 3x" />
            </label>
            <label>
              Estacionamento
              <input {...text("parking")} maxLength={300} placeholder="Estacionamento conveniado ao lado" />
            </label>
          </div>

          <h3>Cancelamento</h3>
          <div className="settings-grid">
            <label>
              Política de cancelamento
              <textarea
                {...text("cancellation_policy")}
                rows={2}
                maxLength={500}
                placeholder="Cancelamentos em cima da hora pagam 50% do serviço"
              />
            </label>
            <label>
              Vale para cancelamentos com menos de (em branco: sempre)
              <span>
                <input
                  type="number"
                  name="cancellation_window_h"
                  min={1}
                  max={168}
                  value={form.cancellation_window_h}
                  onChange={(e) => change({ cancellation_window_h: e.target.value })}
                />{" "}
                horas de antecedência
              </span>
            </label>
          </div>

          <h3>O salão</h3>
          <label className="wide">
            Sobre o salão
            <textarea
              {...text("about")}
              rows={3}
              maxLength={500}
              placeholder="Salão familiar desde 2010, especializado em cabelos cacheados"
            />
          </label>
          <p>
            <button type="submit" disabled={!dirty}>
              Salvar perfil
            </button>
          </p>
        </fieldset>
        {!isOwner && <p className="hint">Só o dono do salão altera o perfil.</p>}
        {status && (
          <p className="notice" role="status">
            {status}
          </p>
        )}
        {errors.length > 0 && (
          <div className="error" role="alert" data-testid="profile-errors">
            Não foi possível salvar o perfil:
            <ul>
              {errors.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </section>
  );
}
