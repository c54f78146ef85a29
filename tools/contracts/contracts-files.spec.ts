import * as contracts from '@omni/contracts';
import { breakingChanges, ceTypeOf, CONSUMERS, describeBreakingChanges, EVENT_CATALOGUE, EventDefinition } from '@omni/contracts';
import fs from 'node:fs';
import path from 'node:path';
import { ASYNCAPI_FILE, readSnapshot, REGENERATE_COMMAND, RELEASED_DIR, renderAsyncApi, renderSnapshot, REPO, snapshotFile } from './contract-files';

const catalogue = EVENT_CATALOGUE.map((def) => [ceTypeOf(def), def] as const);

describe('docs/asyncapi.json', () => {
  it('is what buildAsyncApi() produces from libs/contracts', () => {
    const onDisk = fs.existsSync(ASYNCAPI_FILE) ? fs.readFileSync(ASYNCAPI_FILE, 'utf8') : '';
    if (onDisk !== renderAsyncApi()) {
      throw new Error(
        `docs/asyncapi.json is stale: the contracts changed since it was exported. Regenerate it with\n  ${REGENERATE_COMMAND}\nand commit the result.`,
      );
    }
  });
});

describe('released event schemas (libs/contracts/released/)', () => {
  it.each(catalogue)('%s keeps what was released: it only gains optional properties and descriptions', (ceType, def) => {
    const released = readSnapshot(def);
    if (!released) {
      throw new Error(
        `${ceType} has no released snapshot (${path.relative(REPO, snapshotFile(def))}). Snapshot it with\n  ${REGENERATE_COMMAND}\nand commit the file.`,
      );
    }
    const changes = breakingChanges(released, def.schema);
    if (changes.length > 0) throw new Error(describeBreakingChanges(ceType, changes));
    if (fs.readFileSync(snapshotFile(def), 'utf8') !== renderSnapshot(def)) {
      throw new Error(
        `${ceType} gained something compatible since its snapshot; record it with\n  ${REGENERATE_COMMAND}\nand commit the snapshot, so what is released now cannot be dropped later.`,
      );
    }
  });

  it('keeps a snapshot only for events that still exist in the catalogue, or whose next version does', () => {
    const current = new Set(EVENT_CATALOGUE.map((d) => `${ceTypeOf(d)}.json`));
    const orphans = fs.readdirSync(RELEASED_DIR).filter((f) => !current.has(f));
    // A retired version's snapshot may stay as history only while a later version replaces it.
    const unexplained = orphans.filter((f) => {
      const m = /^(.*)\.v(\d+)\.json$/.exec(f);
      return !m || !EVENT_CATALOGUE.some((d) => d.type === m[1] && d.version > Number(m[2]));
    });
    expect(unexplained).toEqual([]);
  });
});

describe('consumers declared in libs/contracts', () => {
  /** The event definitions a service's Kafka handlers subscribe to, read from their source. */
  function handledBy(service: string): string[] {
    const dir = path.join(REPO, 'apps', service, 'src');
    const byName = new Map(catalogue.map(([ceType, def]) => [exportName(def), ceType]));
    return (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.includes('spec'))
      .flatMap((f) => {
        const source = fs.readFileSync(path.join(dir, f), 'utf8');
        const single = [...source.matchAll(/@EventPattern\(ceTypeOf\((\w+)\)\)/g)].map((m) => m[1]);
        const batched = [...source.matchAll(/@EventBatch\(([\w,\s]+)\)/g)].flatMap((m) =>
          m[1]
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n !== ''),
        );
        return [...single, ...batched].map((name) => byName.get(name) ?? `unknown ${name}`);
      });
  }

  it.each(['order', 'inventory', 'customer', 'returns'])('match the events the %s service handles', (service) => {
    const declared = CONSUMERS.filter((c) => c.service === service).flatMap((c) => c.events.map(ceTypeOf));
    expect(declared.sort()).toEqual(handledBy(service).sort());
  });
});

const exported = new Map<EventDefinition, string>();
function exportName(def: EventDefinition): string {
  if (exported.size === 0) {
    for (const [name, value] of Object.entries(contracts)) if (EVENT_CATALOGUE.includes(value as EventDefinition)) exported.set(value as EventDefinition, name);
  }
  return exported.get(def) ?? '';
}
