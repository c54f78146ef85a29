import type { FieldProblem } from '../problem';

/**
 * How deep a JSON body may nest (objects and arrays, the body itself being level 1). No body the
 * services document goes past 5; the bound is checked before any recursive step (class-transformer,
 * the ValidationPipe) sees the body, so a deep body is a 400 instead of a stack overflow.
 */
export const MAX_BODY_DEPTH = 16;

/** Keys that name Object.prototype machinery: never a field of any body, refused rather than dropped. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many problems are reported, so a hostile body costs bounded work to describe. */
const MAX_PROBLEMS = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const pathOf = (parent: string, key: string | number): string => (parent ? `${parent}.${key}` : String(key));

/** What a string may not carry into a row: PostgreSQL text refuses U+0000, and a lone surrogate is no UTF-8 at all. */
function stringProblem(field: string, s: string): FieldProblem | null {
  if (s.includes('\u0000')) return { field, rule: 'noNulCharacter', message: `${field} must not contain the character U+0000` };
  if (LONE_SURROGATE.test(s)) return { field, rule: 'wellFormedUnicode', message: `${field} must be well-formed Unicode (no lone surrogate)` };
  return null;
}

/**
 * Problems of a parsed JSON value that no schema of ours accepts, found without recursion: nesting
 * deeper than MAX_BODY_DEPTH, prototype keys, numbers beyond the safe integers (they would not
 * round-trip), NUL characters and lone surrogates in strings or keys. Fields are dotted paths
 * from `root` (`lines.0.quantity`), as the ValidationPipe names them.
 */
export function requestShapeProblems(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; field: string; depth: number }[] = [{ value, field: root, depth: 1 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: v, field, depth } = stack.pop()!;
    if (typeof v === 'number') {
      if (!(Math.abs(v) <= Number.MAX_SAFE_INTEGER))
        problems.push({ field, rule: 'safeNumber', message: `${field} must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` });
      continue;
    }
    if (typeof v === 'string') {
      const p = stringProblem(field, v);
      if (p) problems.push(p);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) {
      problems.push({
        field: field || '(body)',
        rule: 'maxDepth',
        message: `the body must not nest objects and arrays more than ${MAX_BODY_DEPTH} levels deep`,
      });
      // One report is enough: the rest of the body is not read.
      break;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], field: pathOf(field, i), depth: depth + 1 });
      continue;
    }
    // JSON.parse makes `__proto__` an own key, so Object.keys sees it.
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const at = pathOf(field, key);
      if (PROTOTYPE_KEYS.has(key)) {
        problems.push({ field: at, rule: 'prototypeKey', message: `${at}: ${key} is not a field of any request` });
        continue;
      }
      const keyProblem = stringProblem(at, key);
      if (keyProblem) {
        problems.push(keyProblem);
        continue;
      }
      stack.push({ value: (v as Record<string, unknown>)[key], field: at, depth: depth + 1 });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
