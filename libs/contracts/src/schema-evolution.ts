import { JsonSchema } from './define-event';

/** One way a schema changed that consumers of the released version could break on. */
export interface BreakingChange {
  /** JSON pointer into the schema, e.g. `#/properties/lines/items/properties/sku`. */
  readonly path: string;
  readonly problem: string;
}

/** Keywords whose change never changes which payloads are valid. */
const DOCUMENTATION = new Set(['description', 'title', 'examples', '$comment']);
/** Keywords compared as sets: their order means nothing. */
const UNORDERED = new Set(['required', 'enum', 'type']);

/**
 * What changed between a released schema and the current one, other than what a released version
 * may gain: optional properties (at any depth, array items included) and documentation.
 * Anything else — a property removed or renamed, a property made required or optional, a type,
 * enum, format, pattern, bound or `additionalProperties` changed, a keyword added or removed — is
 * breaking: the change needs a new version of the event. Empty when the change is compatible.
 */
export function breakingChanges(released: JsonSchema, current: JsonSchema, path = '#'): BreakingChange[] {
  const found: BreakingChange[] = [];
  const keywords = new Set([...Object.keys(released), ...Object.keys(current)]);
  for (const k of keywords) {
    if (DOCUMENTATION.has(k) || k === 'properties' || k === 'items') continue;
    const before = released[k];
    const after = current[k];
    if (k === 'required') {
      const was = new Set((before ?? []) as string[]);
      const is = new Set((after ?? []) as string[]);
      for (const name of is)
        if (!was.has(name) && name in ((released.properties ?? {}) as object))
          found.push({ path: `${path}/properties/${name}`, problem: `optional property '${name}' became required` });
      // a required property that is new is reported with the properties below
      for (const name of was)
        if (!is.has(name) && name in ((current.properties ?? {}) as object))
          found.push({ path: `${path}/properties/${name}`, problem: `required property '${name}' became optional` });
      continue;
    }
    if (!sameValue(before, after, UNORDERED.has(k))) {
      if (before === undefined) found.push({ path, problem: `'${k}' added: ${show(after)}` });
      else if (after === undefined) found.push({ path, problem: `'${k}' removed (was ${show(before)})` });
      else found.push({ path, problem: `'${k}' changed from ${show(before)} to ${show(after)}` });
    }
  }

  const was = (released.properties ?? {}) as Record<string, JsonSchema>;
  const is = (current.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((current.required ?? []) as string[]);
  for (const [name, sub] of Object.entries(was)) {
    if (!(name in is)) found.push({ path: `${path}/properties/${name}`, problem: `property '${name}' removed or renamed` });
    else found.push(...breakingChanges(sub, is[name], `${path}/properties/${name}`));
  }
  for (const name of Object.keys(is)) {
    if (!(name in was) && required.has(name)) found.push({ path: `${path}/properties/${name}`, problem: `required property '${name}' added` });
  }

  if (released.items !== undefined || current.items !== undefined) {
    if (released.items === undefined || current.items === undefined) {
      found.push({ path: `${path}/items`, problem: released.items === undefined ? "'items' added" : "'items' removed" });
    } else {
      found.push(...breakingChanges(released.items as JsonSchema, current.items as JsonSchema, `${path}/items`));
    }
  }
  return found;
}

function sameValue(a: unknown, b: unknown, unordered: boolean): boolean {
  if (unordered && Array.isArray(a) && Array.isArray(b)) return sameValue([...a].map(canonical).sort(), [...b].map(canonical).sort(), false);
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, so key order never counts as a change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

function show(v: unknown): string {
  return JSON.stringify(v);
}

/** The message a failing evolution check gives for one event type. */
export function describeBreakingChanges(ceType: string, changes: readonly BreakingChange[]): string {
  const next = ceType.replace(/\.v(\d+)$/, (_, n: string) => `.v${Number(n) + 1}`);
  return (
    `${ceType} changed incompatibly with its released schema (libs/contracts/released/${ceType}.json):\n` +
    changes.map((c) => `  ${c.path}: ${c.problem}`).join('\n') +
    `\nA released version may only gain optional properties or descriptions: declare a new version (${next}) instead, and publish both until consumers have moved.`
  );
}
