// What the browser scenarios share: their settings from the environment, the control endpoint
// of tests/e2e/test_console_browser.py, screenshots, and running one scenario in Chromium.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
export const CONSOLE_URL = env("CONSOLE_URL");
export const CONTROL_URL = env("CONTROL_URL");
const ARTIFACTS = env("ARTIFACTS_DIR");
export const WAIT_MS = 30_000;

// The machine's network is closed: keep Chromium from calling home.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function control(path, body = {}) {
  const response = await fetch(CONTROL_URL + path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export function step(text) {
  console.log(`  · ${text}`);
}

export async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  step(`screenshot ${path}`);
}

/** Run the scenario named on the command line in a fresh page; a page error or a refusal by the
 * Content-Security-Policy (one `allowRefusal` does not match) fails it, with a screenshot. */
export async function runScenario(script, scenarios, pageOptions, allowRefusal = null) {
  const name = process.argv[2];
  const scenario = scenarios[name];
  if (!scenario) {
    console.error(`usage: ${script} <${Object.keys(scenarios).join("|")}>`);
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ locale: "pt-BR", ...pageOptions });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (entry) => {
    const text = entry.text();
    if (entry.type() === "error" && /Content Security Policy|Refused to/i.test(text)) {
      if (!allowRefusal?.test(text)) errors.push(text);
    }
  });
  console.log(`scenario ${name}`);
  try {
    await scenario(page);
    assert.deepEqual(errors, [], "the page threw");
    console.log(`scenario ${name}: passed`);
  } catch (error) {
    await shot(page, `${name}-failure`).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}
