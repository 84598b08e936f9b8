// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../src/api";
import { AuthRequestCard } from "../src/AuthRequestCard";
import type { AuthRequest, Decision } from "../src/types";
import { AUTH_REQUEST_ID, makeAppointmentData, makeAuthRequestOut, makeKitAuthRequest } from "./factories";

afterEach(cleanup);

/** An onDecide whose answer each test settles by hand. */
function pendingDecision() {
  const calls: [string, Decision][] = [];
  let settle: { resolve: (value: unknown) => void; reject: (reason: unknown) => void } | null = null;
  const onDecide = (id: string, decision: Decision) => {
    calls.push([id, decision]);
    return new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
  };
  return {
    calls,
    onDecide,
    resolve: (value: unknown = {}) => act(async () => settle?.resolve(value)),
    reject: (reason: unknown) => act(async () => settle?.reject(reason)),
  };
}

function renderCard(
  request: AuthRequest = makeKitAuthRequest(),
  extra: { canDecide?: boolean; timeZone?: string } = {},
) {
  const decision = pendingDecision();
  const view = render(<AuthRequestCard request={request} onDecide={decision.onDecide} {...extra} />);
  const card = view.getByTestId("auth-request-card");
  const text = (selector: string) => card.querySelector(selector)?.textContent ?? null;
  return { ...decision, card, text };
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>("button", { name });

describe("AuthRequestCard", () => {
  it("shows the client, the service and the professional", () => {
    const { text } = renderCard();
    expect(text(".client")).toBe("Maria Souza");
    expect(text(".service")).toBe("Corte feminino com Ana");
  });

  it("shows the day and time as dd/mm/aaaa às HH:MM", () => {
    const { text } = renderCard();
    expect(text(".when")).toBe("03/12/2026 às 14:00");
  });

  it("does not shift the proposed day and time by the time zone", () => {
    const { text } = renderCard(makeKitAuthRequest(), { timeZone: "Asia/Tokyo" });
    expect(text(".when")).toBe("03/12/2026 às 14:00");
  });

  it("shows the old price struck through, the final price and the offer", () => {
    const { card, text } = renderCard();
    expect(card.querySelector("s")?.textContent).toBe("R$ 50,00");
    expect(text(".price")).toBe("R$ 50,00 R$ 45,00 (10% de desconto)");
    expect(text(".offer")).toBe("(10% de desconto)");
  });

  it("shows only the price when there is no offer", () => {
    const data = makeAppointmentData({ offer: null, final_price_cents: 5000 });
    const { card, text } = renderCard(makeKitAuthRequest({ appointment_data: data }));
    expect(text(".price")).toBe("R$ 50,00");
    expect(card.querySelector("s")).toBeNull();
  });

  it("names the agent that made the proposal", () => {
    const { card } = renderCard(makeKitAuthRequest({ created_by_agent: "encher_agenda" }));
    const agent = card.querySelector<HTMLElement>(".agent");
    expect(agent?.textContent).toBe("Encher Agenda");
    expect(agent?.title).toBe("Quem sugeriu");
  });

  it("renders a request in the REST shape too", () => {
    const { card } = renderCard(makeAuthRequestOut({ id: "rest-1" }));
    expect(card.dataset["requestId"]).toBe("rest-1");
  });

  it("calls onDecide with the id and approve when Aprovar is clicked", () => {
    const { calls } = renderCard();
    fireEvent.click(button("Aprovar"));
    expect(calls).toEqual([[AUTH_REQUEST_ID, "approve"]]);
  });

  it("calls onDecide with the id and reject when Rejeitar is clicked", () => {
    const { calls } = renderCard();
    fireEvent.click(button("Rejeitar"));
    expect(calls).toEqual([[AUTH_REQUEST_ID, "reject"]]);
  });

  it("disables both buttons while the decision is on its way", async () => {
    const { resolve } = renderCard();
    fireEvent.click(button("Aprovar"));
    expect(button("Aprovando…").disabled).toBe(true);
    expect(button("Rejeitar").disabled).toBe(true);
    await resolve();
    expect(button("Aprovar").disabled).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains in Portuguese that the slot was taken", async () => {
    const { reject } = renderCard();
    fireEvent.click(button("Aprovar"));
    await reject(new ApiError(409, "slot_taken", "slot taken"));
    expect(screen.getByRole("alert").textContent).toBe(
      "Esse horário já foi ocupado. A sugestão continua pendente.",
    );
    expect(button("Aprovar").disabled).toBe(false);
  });

  it("says when the request was already decided", async () => {
    const { reject } = renderCard();
    fireEvent.click(button("Rejeitar"));
    await reject(new ApiError(409, "already_decided", "decided"));
    expect(screen.getByRole("alert").textContent).toBe("Essa sugestão já foi decidida.");
  });

  it("says any other code of the back end in Portuguese and keeps the code for support", async () => {
    const { reject } = renderCard();
    fireEvent.click(button("Aprovar"));
    await reject(new ApiError(0, "network_error", "TypeError: Failed to fetch"));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("Sem conexão com o servidor. Verifique a internet e tente de novo.");
    expect(alert.getAttribute("title")).toBe("network_error");
  });

  it("shows a generic message for a code it does not know", async () => {
    const { reject } = renderCard();
    fireEvent.click(button("Aprovar"));
    await reject(new ApiError(400, "something_new", "new"));
    expect(screen.getByRole("alert").textContent).toBe(
      "Não foi possível registrar a decisão. Tente de novo.",
    );
  });

  it("shows the generic message when onDecide rejects without an error object", async () => {
    const { reject } = renderCard();
    fireEvent.click(button("Aprovar"));
    await reject(undefined);
    expect(screen.getByRole("alert").textContent).toBe(
      "Não foi possível registrar a decisão. Tente de novo.",
    );
  });

  it("clears an old error when deciding again", async () => {
    const { reject } = renderCard();
    fireEvent.click(button("Aprovar"));
    await reject(new ApiError(409, "slot_taken", "slot taken"));
    fireEvent.click(button("Aprovar"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("hides the buttons when the owner cannot decide", () => {
    renderCard(makeKitAuthRequest(), { canDecide: false });
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  it("an offer the client has not answered is pre-approved, not approved", () => {
    renderCard(makeKitAuthRequest({ client_state: "offered" }));
    expect(screen.getByTestId("client-state").textContent).toBe("Aguardando cliente");
    expect(button("Pré-aprovar")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Aprovar" })).toBeNull();
  });

  it("a pre-approved offer says so and is not pre-approved twice", () => {
    renderCard(makeKitAuthRequest({ client_state: "offered", preapproved: true }));
    expect(screen.getByTestId("client-state").textContent).toBe("Pré-aprovada · aguardando cliente");
    expect(button("Pré-aprovar").disabled).toBe(true);
  });

  it("an offer the client accepted is approved as usual", () => {
    renderCard(makeKitAuthRequest({ client_state: "accepted" }));
    expect(screen.getByTestId("client-state").textContent).toBe("Cliente aceitou");
    expect(button("Aprovar")).toBeTruthy();
  });

  it("a client's request to move their booking says so", () => {
    renderCard(makeKitAuthRequest({ client_state: "requested", replaces_appointment_id: "a1" }));
    expect(screen.getByTestId("client-state").textContent).toBe("Cliente pediu para remarcar");
    expect(button("Aprovar")).toBeTruthy();
  });

  it("a closed offer shows why and can only be dismissed", () => {
    const dismissed: string[] = [];
    const request = makeKitAuthRequest({ client_state: "expired", closed: true });
    render(
      <AuthRequestCard
        request={request}
        onDecide={async () => ({})}
        onDismiss={(id) => dismissed.push(id)}
      />,
    );
    expect(screen.getByTestId("client-state").textContent).toBe("Expirada");
    expect(screen.queryByRole("button", { name: "Aprovar" })).toBeNull();
    fireEvent.click(button("Dispensar"));
    expect(dismissed).toEqual([AUTH_REQUEST_ID]);
  });
});
