// The console's typed API client types, generated from the OpenAPI documents the services export
// (docs/openapi/*.json) by openapi-typescript: the console is built against the published
// contracts, so a change to one that breaks the console fails its type check.
//
//   node scripts/tools/console-api.mjs            writes apps/console/web/api/<service>.d.ts
//   node scripts/tools/console-api.mjs --check    exits 1 when one is stale
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICES = ['order', 'inventory', 'returns', 'customer'];
const check = process.argv.includes('--check');
let stale = [];
for (const service of SERVICES) {
  const doc = JSON.parse(fs.readFileSync(path.join(REPO, `docs/openapi/${service}.json`), 'utf8'));
  const text = `// Generated from docs/openapi/${service}.json by scripts/tools/console-api.mjs: do not edit.\n${astToString(await openapiTS(doc))}`;
  const file = path.join(REPO, `apps/console/web/api/${service}.d.ts`);
  if (check) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) stale.push(path.relative(REPO, file));
  } else {
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(REPO, file)}`);
  }
}
if (stale.length > 0) {
  console.error(`stale: ${stale.join(', ')}; run node scripts/tools/console-api.mjs`);
  process.exit(1);
}
