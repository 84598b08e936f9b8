// Browser scenarios for the console's way in and its phone layout (playwright-core, Debian's Chromium).
//   node e2e/phone.e2e.mjs <embed|embed-refused|iframe|phone>
// Started by tests/e2e/test_console_browser.py against the real stack, as console.e2e.mjs; env:
//   CONSOLE_URL, OWNER_TOKEN, CONTROL_URL, ARTIFACTS_DIR, CHROMIUM_PATH, and per scenario
//   EMBED_TOKEN (minted by examples/mint-owner-token.mjs), EXPIRED_TOKEN, EMBED_CONSOLE_URL,
//   EMBED_HOST (an origin the embed app lets frame the console, serving /host), HOSTILE_HOST
//   (the same server on another origin), HOST_TOKENS (the JSON list /host hands out).
import assert from "node:assert/strict";
import { env, CONSOLE_URL, WAIT_MS, control, step, shot, runScenario } from "./harness.mjs";

const PHONE = { width: 375, height: 740 };
const STORED = "agenda-cheia.console.token";

const live = (scope) =>
  scope.locator('[data-testid="sync-status"][data-status="live"]').waitFor({ timeout: WAIT_MS });

/** The console as the salon's system opens it: the token in the fragment. */
async function enter(page, token, url = CONSOLE_URL) {
  await page.goto(`${url}#token=${encodeURIComponent(token)}`);
}

async function assertTokenGone(page, token) {
  assert.ok(!page.url().includes(token), `the token is still in the address: ${page.url()}`);
  assert.equal(await page.evaluate(() => window.location.hash), "");
}

/** 1. The salon's system mints a token (the documented Node snippet) and opens the console with it. */
async function embed(page) {
  const token = env("EMBED_TOKEN");
  await enter(page, token);
  await live(page);
  await page.getByText("Autorizações pendentes (0)").waitFor();
  await assertTokenGone(page, token);
  const stored = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? "null"), STORED);
  assert.equal(stored?.token, token, "the token is kept in this tab's sessionStorage");
  step("logged in with the minted token; the address holds no token");
  await page.reload();
  await live(page);
  await assertTokenGone(page, token);
  step("a reload keeps the session without the token in the address");
  await shot(page, "embed-entry");
}

/** 2. An expired token: said in Portuguese, the way back shown, nothing kept, the address clean. */
async function embedRefused(page) {
  const token = env("EXPIRED_TOKEN");
  await enter(page, token);
  const problem = page.getByTestId("entry-problem");
  await problem
    .filter({ hasText: "O acesso ao painel expirou ou não é válido." })
    .waitFor({ timeout: WAIT_MS });
  assert.match(await problem.textContent(), /Volte ao sistema do salão e abra o painel de novo\./);
  assert.equal(await problem.getAttribute("title"), "unauthorized (401)");
  await assertTokenGone(page, token);
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), STORED), null);
  step("the refused token is said so, the address is clean, nothing is stored");
  await shot(page, "embed-refused");
}

/** 3. Framed by the salon's system: the token comes by postMessage, a fresh one before it
 * expires; a refused one is said in Portuguese and asked for again; another site cannot frame it. */
async function iframe(page) {
  const consoleUrl = env("EMBED_CONSOLE_URL");
  const [, , good] = JSON.parse(env("HOST_TOKENS"));
  // The host page (tests/e2e/console_harness.py host_page) hands out the tokens in turn.
  await page.goto(`${env("EMBED_HOST")}/host`);
  const framed = page.frameLocator("#console");
  await live(framed);
  step("the host's token opened the console inside the frame");
  // The first token expires in about a minute: the console asks for the next one.
  const problem = framed.getByTestId("session-expired");
  await problem
    .filter({ hasText: "O acesso ao painel expirou ou não é válido." })
    .waitFor({ timeout: WAIT_MS });
  step("the refreshed token was refused: said in Portuguese");
  await shot(page, "iframe-refused");
  await framed.getByRole("button", { name: "Pedir novo acesso" }).click();
  const frame = page.frames().find((f) => f.url().startsWith(consoleUrl));
  await frame.waitForFunction(
    ([key, token]) => JSON.parse(sessionStorage.getItem(key) ?? "null")?.token === token,
    [STORED, good],
    { timeout: WAIT_MS },
  );
  await problem.waitFor({ state: "detached", timeout: WAIT_MS });
  const received = await page.evaluate(() => window.received);
  assert.deepEqual(
    received.map((m) => m.reason ?? m.type),
    ["agenda-cheia:ready", "expiring", "refused"],
  );
  await live(framed);
  step("asked again, the host's fresh token took over");

  // The same page on an origin not on the list: the browser refuses to frame the console.
  await page.goto(`${env("HOSTILE_HOST")}/host`, { waitUntil: "load" });
  const child = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(child, "the hostile page has its frame");
  assert.equal(await child.locator("#root").count(), 0, "another site framed the console");
  assert.deepEqual(await page.evaluate(() => window.received), []);
  step("a site not on the list cannot frame the console nor hear from it");
}

/** What overflows the screen sideways, and the touch targets under 40 px. */
async function layoutProblems(page) {
  return page.evaluate((width) => {
    const problems = [];
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) {
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > width + 0.5)
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      problems.push(`scrollWidth ${scroll} > ${width} (${wide.join(", ")})`);
    }
    const targets = document.querySelectorAll(
      'button, nav a, select, textarea, a.button, summary, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]), label.checkbox, label.radio',
    );
    for (const target of targets) {
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown
      if (box.height < 40)
        problems.push(
          `${target.tagName.toLowerCase()} "${target.textContent.trim().slice(0, 30)}" is ${box.height}px tall`,
        );
    }
    return problems;
  }, PHONE.width);
}

/** What each page shows once loaded (any other page: its nav entry is current and settled). */
const READY = {
  "#/dashboard": '[data-testid="notice"][data-kind="failed"]',
  "#/calendar": '[data-testid="appointment"]',
  "#/chat": '[data-testid="message"]',
  "#/recall": '[data-testid="funnel"]',
  "#/settings": 'form[aria-label="Perfil do salão"]',
};

/** 4. On a 375 px phone: every page reachable from the nav, nothing wider than the screen, touch
 * targets of 40 px; a real delivery failure said in Portuguese with its code kept for support. */
async function phone(page) {
  await control("/visit");
  await control("/whatsapp", { text: "Oi, quero agendar um corte amanhã às 15h", wait_reply: true });
  await enter(page, env("OWNER_TOKEN"));
  await live(page);
  await control("/fail-delivery");
  const failure = page.locator('[data-testid="notice"][data-kind="failed"]');
  await failure.waitFor({ timeout: WAIT_MS });
  assert.match(
    await failure.textContent(),
    /Falha no envio: O WhatsApp não conseguiu entregar para esse número/,
  );
  assert.match(await failure.getAttribute("title"), /\[131026\]/);
  step("WhatsApp's late failure (131026) is said in Portuguese; the code is in the tooltip");

  const links = page.locator("nav a");
  const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.length >= 5, `nav: ${hrefs}`);
  for (const href of hrefs) {
    const link = page.locator(`nav a[href="${href}"]`);
    await link.click(); // scrolled into view inside the tab bar first, as a thumb would
    await page.locator(`nav a[href="${href}"][aria-current="page"]`).waitFor();
    await page
      .locator(READY[href] ?? "main > *")
      .first()
      .waitFor({ timeout: WAIT_MS });
    await page.getByText("Carregando…").first().waitFor({ state: "detached", timeout: WAIT_MS });
    if (href === "#/recall") {
      await page.getByRole("button", { name: "Pré-visualizar" }).click();
      await page.getByTestId("suggestion").first().waitFor({ timeout: WAIT_MS });
    }
    if (href === "#/settings") {
      await page.getByRole("radio", { name: "Definir o horário do salão" }).check();
      await page.getByTestId("hours-editor").waitFor();
    }
    const problems = await layoutProblems(page);
    const name = href.replace("#/", "");
    await shot(page, `phone-${name}`);
    assert.deepEqual(problems, [], `${name} at ${PHONE.width} px`);
    step(`${name}: fits 375 px, touch targets ≥ 40 px`);
  }
}

const SCENARIOS = { embed, "embed-refused": embedRefused, iframe, phone };

await runScenario(
  "phone.e2e.mjs",
  SCENARIOS,
  {
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
  /frame-ancestors/,
);
