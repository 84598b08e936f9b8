// Generates src/generated/{api,events}.ts from the back end's schemas; never edit those by hand.
//   node scripts/generate-types.mjs --schemas DIR [--check]
// DIR holds openapi.json and socket.json as written by `python -m scripts.export_schemas`
// (`python -m scripts.client_types` from the repository root does both steps).
// --check writes nothing and fails when the committed files differ from what would be generated.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { compile } from "json-schema-to-typescript";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const banner = (source) =>
  `// Generated from the back end's ${source} by scripts/generate-types.mjs. Do not edit.\n` +
  "// Regenerate: python -m scripts.client_types (from the repository root).\n";

async function apiTypes(schemas) {
  const document = JSON.parse(await readFile(join(schemas, "openapi.json"), "utf8"));
  const ast = await openapiTS(document, { alphabetize: true, defaultNonNullable: false });
  return banner("OpenAPI document") + "\n" + astToString(ast);
}

// pydantic titles every field ("Event Type", "Date"…); json-schema-to-typescript would turn each
// into a named alias (one even shadowing the global `Date`). Keep titles on models only.
function untitleFields(node, isModel = false) {
  if (Array.isArray(node)) return node.map((item) => untitleFields(item));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "title" && !isModel) continue;
    if (key === "$defs") {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, model]) => [name, untitleFields(model, true)]),
      );
    } else if (key === "properties") {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, field]) => [name, untitleFields(field)]),
      );
    } else {
      out[key] = untitleFields(value);
    }
  }
  return out;
}

async function eventTypes(schemas) {
  const raw = JSON.parse(await readFile(join(schemas, "socket.json"), "utf8"));
  const schema = untitleFields(raw, true);
  const body = await compile(schema, "SocketMessage", {
    bannerComment: "",
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { semi: true, singleQuote: false, printWidth: 100 },
  });
  return banner("live socket JSON Schema (domain/socket_frames.py)") + "\n" + body;
}

async function main() {
  const { values } = parseArgs({
    options: { schemas: { type: "string" }, check: { type: "boolean", default: false } },
  });
  if (!values.schemas) {
    console.error("usage: generate-types.mjs --schemas DIR [--check]");
    process.exit(2);
  }
  const outputs = {
    "src/generated/api.ts": await apiTypes(values.schemas),
    "src/generated/events.ts": await eventTypes(values.schemas),
  };
  let stale = [];
  for (const [path, text] of Object.entries(outputs)) {
    const target = join(root, path);
    if (values.check) {
      const committed = await readFile(target, "utf8").catch(() => null);
      if (committed !== text) stale.push(path);
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale.length) {
    console.error(
      `generated types are stale (${stale.join(", ")}): the back end's schemas changed.\n` +
        "Run `python -m scripts.client_types` from the repository root and commit the result.",
    );
    process.exit(1);
  }
  if (values.check) console.log("generated types match the back end");
}

await main();
