import { breakingChanges, buildAsyncApi, ceTypeOf, describeBreakingChanges, EVENT_CATALOGUE, EventDefinition, JsonSchema } from '@omni/contracts';
import fs from 'node:fs';
import path from 'node:path';

/** The repository root, found from here whether this runs from source (jest) or from dist/ (node). */
export const REPO = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json')) && fs.existsSync(path.join(dir, 'libs/contracts'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
})();

export const ASYNCAPI_FILE = path.join(REPO, 'docs/asyncapi.json');
export const RELEASED_DIR = path.join(REPO, 'libs/contracts/released');
export const REGENERATE_COMMAND = 'npx tsc -p tsconfig.json && node -r ./scripts/register-paths.cjs dist/tools/contracts/export-contracts.js';

/** docs/asyncapi.json exactly as it should be on disk. */
export function renderAsyncApi(): string {
  return `${JSON.stringify(buildAsyncApi(), null, 2)}\n`;
}

export function snapshotFile(def: Pick<EventDefinition, 'type' | 'version'>): string {
  return path.join(RELEASED_DIR, `${ceTypeOf(def)}.json`);
}

export function renderSnapshot(def: EventDefinition): string {
  return `${JSON.stringify(def.schema, null, 2)}\n`;
}

export function readSnapshot(def: EventDefinition): JsonSchema | null {
  const file = snapshotFile(def);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema) : null;
}

/**
 * Writes docs/asyncapi.json and brings the released snapshots forward: a new event version is
 * snapshotted; a snapshot the current schema extends compatibly (optional properties,
 * descriptions) is moved forward, so a field once released can never be dropped later; a snapshot
 * the current schema breaks is left as it is and reported — that change needs a new version.
 */
export function exportContracts(): { asyncapi: string; snapshotsWritten: string[]; refused: string[] } {
  fs.mkdirSync(path.dirname(ASYNCAPI_FILE), { recursive: true });
  fs.writeFileSync(ASYNCAPI_FILE, renderAsyncApi());
  fs.mkdirSync(RELEASED_DIR, { recursive: true });
  const snapshotsWritten: string[] = [];
  const refused: string[] = [];
  for (const def of EVENT_CATALOGUE) {
    const file = snapshotFile(def);
    const released = readSnapshot(def);
    if (released) {
      const changes = breakingChanges(released, def.schema);
      if (changes.length > 0) {
        refused.push(describeBreakingChanges(ceTypeOf(def), changes));
        continue;
      }
      if (fs.readFileSync(file, 'utf8') === renderSnapshot(def)) continue;
    }
    fs.writeFileSync(file, renderSnapshot(def));
    snapshotsWritten.push(path.relative(REPO, file));
  }
  return { asyncapi: path.relative(REPO, ASYNCAPI_FILE), snapshotsWritten, refused };
}
