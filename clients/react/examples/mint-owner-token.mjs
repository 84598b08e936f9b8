// Mints an owner token for the Agenda Cheia console, server side, with Node's own crypto (HS256).
// docs/console-embed.md includes this file; tests/e2e/test_console_browser.py runs it and signs in
// with what it prints. Never in a browser: the secret must stay on the customer's server.
//   AGENDA_JWT_SECRET=… node mint-owner-token.mjs <tenant_id> <owner_user_id> [ttl_s]
import { createHmac } from "node:crypto";
import { pathToFileURL } from "node:url";

const base64url = (value) => Buffer.from(value).toString("base64url");

/**
 * A JWT the API accepts: HS256, `sub` (the owner's user id), `tenant_id`, `role: "owner"`, `iat`,
 * `exp` (at most AGENDA_JWT_MAX_LIFETIME_S after `iat`, 7 days by default), `iss` and `aud` as the
 * API's AGENDA_JWT_ISSUER and AGENDA_JWT_AUDIENCE.
 */
export function mintOwnerToken({
  secret,
  tenantId,
  userId,
  ttlS = 3600,
  issuer = "agenda-cheia",
  audience = "agenda-cheia-api",
  now = Math.floor(Date.now() / 1000),
}) {
  if (!secret) throw new Error("the shared secret (AGENDA_JWT_SECRET) is required");
  const header = { alg: "HS256", typ: "JWT" };
  const claims = {
    sub: userId,
    tenant_id: tenantId,
    role: "owner",
    iat: now,
    exp: now + ttlS,
    iss: issuer,
    aud: audience,
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac("sha256", secret).update(unsigned).digest("base64url");
  return `${unsigned}.${signature}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [tenantId, userId, ttl] = process.argv.slice(2);
  if (!tenantId || !userId) {
    console.error("usage: AGENDA_JWT_SECRET=… node mint-owner-token.mjs <tenant_id> <owner_user_id> [ttl_s]");
    process.exit(2);
  }
  const token = mintOwnerToken({
    secret: process.env.AGENDA_JWT_SECRET,
    tenantId,
    userId,
    ttlS: ttl ? Number(ttl) : undefined,
    issuer: process.env.AGENDA_JWT_ISSUER || undefined,
    audience: process.env.AGENDA_JWT_AUDIENCE || undefined,
  });
  // The console's address: the token in the fragment, which no server or log ever sees.
  console.log(token);
}
