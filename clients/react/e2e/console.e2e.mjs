// Browser scenarios for the owner console, driven by playwright-core in Debian's Chromium.
//   node e2e/console.e2e.mjs <login|chat|handoff|notices|approve|reconnect|recall|visits|settings|profile|hours>
// Started by tests/e2e/test_console_browser.py, which runs the real stack (Ray, Serve, PostgreSQL,
// Redis), a cuttable proxy in front of Serve and a control endpoint; env:
//   CONSOLE_URL (through the proxy), OWNER_TOKEN, CONTROL_URL, ARTIFACTS_DIR, CHROMIUM_PATH.
import assert from "node:assert/strict";
import { env, CONSOLE_URL, WAIT_MS, control, step, shot, runScenario } from "./harness.mjs";

async function login(page) {
  await page.goto(CONSOLE_URL);
  await page.getByLabel("Token de acesso").waitFor();
  await shot(page, "login");
  await page.getByLabel("Token de acesso").fill(env("OWNER_TOKEN"));
  await page.getByRole("button", { name: "Entrar" }).click();
  await live(page);
  step("logged in, socket live");
}

async function live(page, timeout = WAIT_MS) {
  await page.locator('[data-testid="sync-status"][data-status="live"]').waitFor({ timeout });
}

async function open(page, hash) {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

const message = (page, author, text) =>
  page.locator(`[data-testid="message"][data-author="${author}"]`, { hasText: text });

/** 1. A client's WhatsApp message and the AI's answer appear on the Chat page without a reload. */
async function chat(page) {
  await login(page);
  await open(page, "#/chat");
  await page.getByText("Nenhuma conversa ainda.").waitFor();
  let navigations = 0;
  page.on("framenavigated", () => (navigations += 1));
  await control("/whatsapp", { text: "Oi, quero agendar um corte amanhã às 15h" });
  step("client wrote through the n8n webhook");
  await message(page, "client", "quero agendar um corte").waitFor({ timeout: WAIT_MS });
  await message(page, "agent", "15:00").waitFor({ timeout: WAIT_MS });
  assert.equal(navigations, 0, "the page reloaded");
  await page.getByTestId("conversation").filter({ hasText: "João Pereira" }).waitFor();
  step("message and AI reply shown live");
  await shot(page, "chat");
}

/** 1b. A client asks for a person: the conversation shows it is with the team, a message meanwhile
 * gets no AI answer, and the owner gives the conversation back to the AI. */
async function handoff(page) {
  await login(page);
  await open(page, "#/chat");
  await control("/whatsapp", { text: "Quero falar com um atendente, por favor" });
  await message(page, "agent", "alguém do salão").waitFor({ timeout: WAIT_MS });
  const banner = page.getByTestId("handoff");
  await banner.waitFor({ timeout: WAIT_MS });
  await control("/whatsapp", { text: "Alô? Quero marcar um corte amanhã" });
  await message(page, "client", "Quero marcar um corte").waitFor({ timeout: WAIT_MS });
  step("the conversation is with the team; the next message got no AI answer");
  await shot(page, "chat-handoff");
  await page.getByRole("button", { name: "Retomar atendimento automático" }).click();
  await banner.waitFor({ state: "detached", timeout: WAIT_MS });
  step("given back to the AI");
}

/** 1c. A question the salon's profile does not answer, a voice note and a location: the Chat
 * page shows each message by its kind and the client's notices where the owner reads them. */
async function notices(page) {
  await login(page);
  await open(page, "#/chat");
  await control("/whatsapp", { text: "Oi! Vocês têm estacionamento?", wait_reply: true });
  const question = page.locator('[data-testid="client-notice"][data-kind="missing_fact"]');
  await question.waitFor({ timeout: WAIT_MS });
  assert.match(
    await question.textContent(),
    /João Pereira perguntou sobre o estacionamento: o perfil do salão não diz/,
  );
  await page.getByTestId("toast").filter({ hasText: "perguntou sobre o estacionamento" }).waitFor();
  await page.getByTestId("notice-tag").filter({ hasText: "Pergunta para a equipe" }).waitFor();
  step("the unanswered question is on the thread, the conversation and a toast");
  await control("/whatsapp", { text: "", kind: "audio", wait_reply: true });
  const audio = page.locator('[data-testid="message"][data-kind="audio"]');
  await audio.waitFor({ timeout: WAIT_MS });
  assert.match(await audio.textContent(), /🎤 Áudio/);
  await page
    .locator('[data-testid="client-notice"][data-kind="media"]', { hasText: "João Pereira mandou um áudio" })
    .waitFor({ timeout: WAIT_MS });
  const place = { latitude: -23.5614, longitude: -46.6559, name: "Av. Paulista" };
  await control("/whatsapp", { text: "", kind: "location", location: place, wait_reply: true });
  // The live event names the kind; the place's name comes with the thread's reload (the notice
  // triggers it): wait for it rather than read the first render.
  const location = page.locator('[data-testid="message"][data-kind="location"]', {
    hasText: /📍 Localização · Av\. Paulista/,
  });
  await location.waitFor({ timeout: WAIT_MS });
  assert.equal(
    await location.getByRole("link", { name: "Abrir no mapa" }).getAttribute("href"),
    "https://www.google.com/maps/search/?api=1&query=-23.5614,-46.6559",
  );
  step("a voice note and a location shown by kind, with their notices");
  await shot(page, "chat-notices");
}

/** 2. The chat's booking proposal is approved on the Dashboard and confirmed through n8n. */
async function approve(page) {
  await login(page);
  await control("/whatsapp", { text: "Oi, quero agendar um corte amanhã às 15h", wait_reply: true });
  await control("/whatsapp", { text: "Sim, pode ser" });
  const card = page.getByTestId("auth-request-card");
  await card.waitFor({ timeout: WAIT_MS });
  await assertCard(card);
  assert.equal(await page.getByTestId("count-pending").textContent(), "1");
  await shot(page, "dashboard");
  await card.getByRole("button", { name: "Aprovar" }).click();
  await card.waitFor({ state: "detached", timeout: WAIT_MS });
  await page.getByTestId("no-pending").waitFor();
  // The counter follows the appointment_created event, which may land after the REST answer.
  await page.locator('[data-testid="count-approved"]', { hasText: /^1$/ }).waitFor({ timeout: WAIT_MS });
  step("approved: the card left the Dashboard");
  await open(page, "#/calendar");
  const booked = page.getByTestId("appointment").filter({ hasText: "15:00" });
  await booked.waitFor({ timeout: WAIT_MS });
  assert.match(await booked.textContent(), /Corte.*João Pereira/s);
  await shot(page, "calendar");
  const { delivered } = await control("/deliver");
  const confirmations = delivered.filter((m) => m.kind === "transactional" && /confirmado/i.test(m.text));
  assert.equal(confirmations.length, 1, `n8n got ${JSON.stringify(delivered)}`);
  assert.match(confirmations[0].text, /15:00/);
  step("n8n received the confirmation");
}

async function assertCard(card) {
  const text = await card.textContent();
  assert.match(text, /João Pereira/);
  assert.match(text, /Corte feminino com Carol/);
  assert.match(text, /\d{2}\/\d{2}\/\d{4} às 15:00/);
  assert.match(text, /R\$ \d+,\d{2}/);
  assert.match(text, /Chat \(IA\)/);
}

/** 3. The socket is cut server side; events sent meanwhile arrive after it returns, none twice. */
async function reconnect(page) {
  await login(page);
  await open(page, "#/chat");
  await control("/whatsapp", { text: "Oi, bom dia!", wait_reply: true });
  await message(page, "client", "Oi, bom dia!").waitFor({ timeout: WAIT_MS });
  await control("/cut");
  await page.locator('[data-testid="sync-status"]:not([data-status="live"])').waitFor({ timeout: WAIT_MS });
  step("socket cut");
  const texts = ["Quanto custa a barba?", "Vocês abrem sábado?", "Qual o endereço do salão?"];
  for (const text of texts) await control("/whatsapp", { text, wait_reply: true });
  step("three messages answered while the socket was down");
  await shot(page, "reconnect-offline");
  await control("/restore");
  // The next attempt may be a whole backoff step away (at most 30 s, then a session check).
  await live(page, 2 * WAIT_MS);
  for (const text of texts) {
    await message(page, "client", text).waitFor({ timeout: WAIT_MS });
  }
  const { answers } = await control("/conversation");
  // Every stored message shows exactly once, in order.
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="message"]').length >= count,
    answers.length,
    { timeout: WAIT_MS },
  );
  const shown = await page.getByTestId("message").locator("p").allTextContents();
  assert.deepEqual(
    shown,
    answers.map((m) => m.body),
  );
  const { upgrades } = await control("/upgrades");
  assert.ok(upgrades.length >= 2, `upgrades: ${upgrades}`);
  assert.match(upgrades.at(-1), /last_event_id=\d+/, "the socket did not resume");
  step(`resumed with ${upgrades.at(-1).match(/last_event_id=\d+/)[0]}; ${shown.length} messages, none twice`);
  await shot(page, "reconnect-restored");
}

/** 4. Prazo Certo from the Recall page: a preview first, then the run and its results. */
async function recall(page) {
  await login(page);
  await open(page, "#/recall");
  await page.getByRole("button", { name: "Pré-visualizar" }).click();
  const preview = page.getByTestId("campaign-preview");
  await preview.waitFor({ timeout: WAIT_MS });
  assert.match(await preview.getByTestId("campaign-summary").textContent(), /2 sugestões/);
  assert.equal(await preview.getByTestId("suggestion").count(), 2);
  assert.equal((await control("/pending")).count, 0, "the preview changed something");
  await shot(page, "recall-preview");
  await preview.getByRole("button", { name: "Enviar 2 sugestões" }).click();
  const results = page.getByTestId("campaign-results");
  await results.waitFor({ timeout: WAIT_MS });
  assert.match(
    await results.getByTestId("campaign-summary").textContent(),
    /2 sugestões · 2 mensagens na fila/,
  );
  await shot(page, "recall-results");
  // The funnel below shows the run at once: two offers, nobody has answered yet.
  const funnelRun = page.getByTestId("funnel-run");
  await funnelRun.first().waitFor({ timeout: WAIT_MS });
  assert.equal(await funnelRun.count(), 1);
  assert.equal(await funnelRun.locator('[data-col="offers"]').textContent(), "2");
  assert.equal(await funnelRun.locator('[data-col="accepted"]').textContent(), "0");
  assert.equal(await funnelRun.locator('[data-col="delivered"]').textContent(), "—");
  const funnelTotal = page.locator('[data-testid="funnel-total"][data-campaign="prazo_certo"]');
  assert.equal(await funnelTotal.locator('[data-col="runs"]').textContent(), "1");
  step("the funnel shows the run");
  await open(page, "#/dashboard");
  await page.getByTestId("auth-request-card").nth(1).waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByTestId("auth-request-card").count(), 2);
  await page.getByTestId("campaign-results").filter({ hasText: "Prazo Certo" }).waitFor();
  assert.equal((await control("/pending")).count, 2);
  await shot(page, "dashboard-campaign");
  // The clients have not answered: one click pre-approves every offer of the run.
  await page.getByRole("button", { name: "Aprovar todas as ofertas desta campanha (2)" }).click();
  await page.getByTestId("batch-note").filter({ hasText: "2 pré-aprovadas" }).waitFor({ timeout: WAIT_MS });
  await page
    .getByTestId("client-state")
    .filter({ hasText: "Pré-aprovada" })
    .nth(1)
    .waitFor({ timeout: WAIT_MS });
  assert.equal(
    (await control("/pending")).count,
    2,
    "pre-approved offers stay pending until the client says yes",
  );
  step("campaign pre-approved in one click");
  await shot(page, "dashboard-campaign-approved");
  await open(page, "#/recall");
  await page
    .getByTestId("funnel-run")
    .locator('[data-col="preapproved"]', { hasText: "2" })
    .waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByTestId("funnel-run").locator('[data-col="booked"]').textContent(), "0");
  step("the funnel counts the two pre-approved offers");
  await shot(page, "recall-funnel");
}

/** 5. The salon marks a visit that began as done and cancels a coming booking on the Agenda. */
async function visits(page) {
  const { time } = await control("/visit");
  await login(page);
  await open(page, "#/calendar");
  const visit = page.getByTestId("appointment").filter({ hasText: "Ana Souza" });
  await visit.waitFor({ timeout: WAIT_MS });
  assert.match(await visit.textContent(), new RegExp(time));
  await visit.getByRole("button", { name: "Concluído" }).click();
  await page
    .locator('[data-testid="appointment"][data-status="completed"]', { hasText: "Ana Souza" })
    .waitFor({
      timeout: WAIT_MS,
    });
  step("visit marked completed");
  const booking = page.getByTestId("appointment").filter({ hasText: "Elisa Melo" });
  await booking.waitFor({ timeout: WAIT_MS });
  assert.equal(
    await booking.getByRole("button", { name: "Concluído" }).count(),
    0,
    "a coming visit offered 'done'",
  );
  await booking.getByRole("button", { name: "Cancelar" }).click();
  await booking.getByLabel("Motivo (fica com o salão)").fill("Cliente pediu por telefone");
  await shot(page, "calendar-cancel");
  await booking.getByRole("button", { name: "Confirmar cancelamento" }).click();
  await booking.waitFor({ state: "detached", timeout: WAIT_MS });
  step("booking cancelled: gone from the Agenda");
  const { statuses } = await control("/appointments");
  assert.equal(statuses["Ana Souza"], "completed");
  assert.equal(statuses["Elisa Melo"], "cancelled");
  const { delivered } = await control("/deliver");
  // Elisa never wrote: outside any 24 h window, the cancellation goes as its template.
  assert.ok(
    delivered.some(
      (m) =>
        m.template?.name === "agenda_cheia_appointment_cancelled" &&
        m.template.components[0].parameters[0].text === "Elisa",
    ),
    `n8n got ${JSON.stringify(delivered)}`,
  );
  step("the client was told through n8n");
  await shot(page, "calendar-marked");
}

/** 6. The owner changes the salon's settings: a default discount and a day off, kept on reload. */
async function settings(page) {
  await login(page);
  await open(page, "#/settings");
  const form = page.getByRole("form", { name: "Ajustes do salão" });
  const discount = form.getByLabel("Desconto padrão do Encher Agenda");
  await discount.waitFor({ timeout: WAIT_MS });
  assert.equal(await discount.inputValue(), "20", "the deployment's default first");
  await discount.fill("15");
  await form.getByLabel("Fechar o salão em").fill("2026-12-25");
  await form.getByRole("button", { name: "Adicionar dia" }).click();
  await form.getByText("25/12/2026").waitFor();
  await shot(page, "settings-changed");
  await form.getByRole("button", { name: "Salvar ajustes" }).click();
  await page.getByRole("status").filter({ hasText: "Ajustes salvos." }).waitFor({ timeout: WAIT_MS });
  step("settings saved");
  await page.reload();
  await live(page);
  const again = page.getByRole("form", { name: "Ajustes do salão" });
  await again.getByText("25/12/2026").waitFor({ timeout: WAIT_MS });
  assert.equal(await again.getByLabel("Desconto padrão do Encher Agenda").inputValue(), "15");
  assert.equal(
    await again.getByRole("button", { name: "Salvar ajustes" }).isDisabled(),
    true,
    "nothing changed after the reload",
  );
  step("settings kept after a reload");
  await shot(page, "settings-saved");
}

/** 6b. The owner fills the salon's profile: a bad link and a window without its policy are refused
 * with the back end's reasons, then it is saved with the salon's own hours and kept on reload. */
async function profile(page) {
  await login(page);
  await open(page, "#/settings");
  const form = page.getByRole("form", { name: "Perfil do salão" });
  const address = form.getByLabel("Endereço");
  await address.waitFor({ timeout: WAIT_MS });
  await form.getByTestId("hours-in-use").filter({ hasText: "segunda" }).waitFor();
  step("the chat tells the professionals' hours until the owner sets the salon's");
  await address.fill("Rua Augusta, 1500 - Consolação, São Paulo");
  await form.getByLabel("Link do mapa (Google Maps)").fill("maps.google.com/salao");
  await form.getByLabel("Pix").check();
  await form.getByLabel("Dinheiro").check();
  await form.getByLabel("Estacionamento").fill("Estacionamento conveniado ao lado, 1 h grátis");
  await form.getByLabel(/Vale para cancelamentos/).fill("24");
  const save = form.getByRole("button", { name: "Salvar perfil" });
  const problems = form.getByTestId("profile-errors");
  await save.click();
  await problems
    .filter({ hasText: "Link do mapa: use um link que comece com https://" })
    .waitFor({ timeout: WAIT_MS });
  await form.getByLabel("Link do mapa (Google Maps)").fill("https://maps.app.goo.gl/salao");
  await save.click();
  await problems
    .filter({ hasText: "o prazo só vale com uma política de cancelamento escrita" })
    .waitFor({ timeout: WAIT_MS });
  step("the back end's refusals shown in Portuguese");
  await shot(page, "profile-refused");
  await form
    .getByLabel("Política de cancelamento")
    .fill("Cancelamentos em cima da hora pagam 50% do serviço");
  await form.getByLabel("Definir o horário do salão").check();
  const editor = form.getByTestId("hours-editor");
  const saturday = editor.locator('tr[data-weekday="5"]');
  if ((await saturday.getByLabel("sábado: abre").count()) === 0) {
    await saturday.getByRole("button", { name: "Adicionar período no sábado" }).click();
  }
  await saturday.getByLabel("sábado: abre").fill("09:00");
  await saturday.getByLabel("sábado: fecha").fill("14:00");
  await save.click();
  await form.getByRole("status").filter({ hasText: "Perfil salvo." }).waitFor({ timeout: WAIT_MS });
  assert.equal(await problems.count(), 0);
  step("profile saved");
  await page.reload();
  await live(page);
  const again = page.getByRole("form", { name: "Perfil do salão" });
  await again.getByLabel("Endereço").waitFor({ timeout: WAIT_MS });
  assert.equal(await again.getByLabel("Endereço").inputValue(), "Rua Augusta, 1500 - Consolação, São Paulo");
  assert.equal(await again.getByLabel("Pix").isChecked(), true);
  assert.equal(await again.getByLabel("Cartão de crédito").isChecked(), false);
  assert.equal(await again.getByLabel("Definir o horário do salão").isChecked(), true);
  assert.equal(await again.getByLabel("sábado: fecha").inputValue(), "14:00");
  assert.equal(await again.getByRole("button", { name: "Salvar perfil" }).isDisabled(), true);
  step("profile kept after a reload");
  await shot(page, "profile-saved");
}

/** 6c. The owner edits Carol's week on Horários: a period ending before it starts is refused in
 * Portuguese before anything is sent, then Tuesday gets a lunch break and Sunday becomes a day off,
 * saved and kept on reload. */
async function hours(page) {
  await login(page);
  await open(page, "#/hours");
  await page.getByRole("tab", { name: "Carol" }).click();
  const form = page.getByRole("form", { name: "Horário de Carol" });
  const tuesday = form.locator('[data-weekday="1"]');
  await tuesday.getByLabel("terça: início").waitFor({ timeout: WAIT_MS });
  await tuesday.getByLabel("terça: início").fill("18:00");
  await tuesday.getByLabel("terça: fim").fill("09:00");
  const save = form.getByRole("button", { name: "Salvar horário" });
  await save.click();
  await form
    .getByTestId("working-hours-errors")
    .filter({ hasText: "Terça: o período 18:00–09:00 precisa terminar depois de começar." })
    .waitFor({ timeout: WAIT_MS });
  step("a period ending before it starts refused in Portuguese");
  await shot(page, "working-hours-refused");
  await tuesday.getByLabel("terça: início").fill("09:00");
  await tuesday.getByLabel("terça: fim").fill("12:00");
  await tuesday.getByRole("button", { name: "Adicionar período na terça" }).click();
  await tuesday.getByLabel("terça, período 2: fim").fill("19:00");
  await form.getByRole("button", { name: "Folga no domingo" }).click();
  await form.locator('[data-weekday="6"]').getByText("Folga").waitFor();
  await save.click();
  await form.getByRole("status").filter({ hasText: "Horário de Carol salvo." }).waitFor({ timeout: WAIT_MS });
  await form.getByTestId("week-summary").filter({ hasText: "Terça: 09:00–12:00 e 13:00–19:00" }).waitFor();
  step("week saved");
  await page.reload();
  await live(page);
  const again = page.getByRole("form", { name: "Horário de Carol" });
  await again.getByLabel("terça, período 2: início").waitFor({ timeout: WAIT_MS });
  assert.equal(await again.getByLabel("terça, período 1: fim").inputValue(), "12:00");
  assert.equal(await again.getByLabel("terça, período 2: início").inputValue(), "13:00");
  assert.equal(await again.getByLabel("terça, período 2: fim").inputValue(), "19:00");
  assert.equal(await again.getByLabel("domingo: início").count(), 0, "Sunday is a day off");
  assert.equal(await again.getByRole("button", { name: "Salvar horário" }).isDisabled(), true);
  step("week kept after a reload");
  await shot(page, "working-hours-saved");
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page
    .locator("section.working-hours")
    .evaluate((section) => section.scrollWidth - section.clientWidth);
  assert.ok(overflow <= 0, `the Horários page is ${overflow} px wider than a 375 px phone`);
  step("the week fits a 375 px phone");
  await shot(page, "working-hours-phone");
}

/** 0. A refused token is said so in Portuguese; the right one opens the Dashboard. */
async function loginRefused(page) {
  await page.goto(CONSOLE_URL);
  await page.getByLabel("Token de acesso").fill("not-a-token");
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.getByRole("alert").filter({ hasText: "O acesso ao painel expirou ou não é válido." }).waitFor();
  await shot(page, "login-refused");
  await page.getByLabel("Token de acesso").fill(env("OWNER_TOKEN"));
  await page.getByRole("button", { name: "Entrar" }).click();
  await live(page);
  await page.getByText("Autorizações pendentes (0)").waitFor();
}

const SCENARIOS = {
  login: loginRefused,
  chat,
  handoff,
  notices,
  approve,
  reconnect,
  recall,
  visits,
  settings,
  profile,
  hours,
};

await runScenario("console.e2e.mjs", SCENARIOS, { viewport: { width: 1280, height: 900 } });
