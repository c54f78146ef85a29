import { isUuid } from '@omni/contracts';
import fc from 'fast-check';
import { Endpoint, oddString, PROTOTYPE_KEYS, Schema } from './bad-input.fixtures';

// The malformed path parameters and query strings of bad-input.e2e-spec.ts (split from bad-input.fixtures.ts).

/** A parameter whose schema some string breaks (a bare string takes anything). */
const constrained = (s: Schema): boolean =>
  s.format === 'uuid' || s.pattern !== undefined || s.maxLength !== undefined || s.enum !== undefined || s.type === 'integer';

/** Does `v` break the schema of a path or query parameter? */
function breaks(s: Schema, v: string): boolean {
  if (s.format === 'uuid' && !isUuid(v)) return true;
  if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) return true;
  if (s.maxLength !== undefined && [...v].length > s.maxLength) return true;
  if (s.enum && !s.enum.includes(v)) return true;
  if (s.type === 'integer') {
    const n = Number(v);
    return v.trim() === '' || !Number.isInteger(n) || (s.minimum !== undefined && n < s.minimum) || (s.maximum !== undefined && n > s.maximum);
  }
  return false;
}

/** Path segments no route accepts, percent-encoded as sent: NUL, malformed UTF-8. */
const BAD_ENCODED_SEGMENTS = ['%00', 'a%00b', '%ED%A0%80', '%E0%A4%A', '%', '%FF%FE'];
/** Candidate values for a parameter with a schema: only those that break it are sent. */
const parameterValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  oddString(1, 30),
  fc.integer({ min: 65, max: 5000 }).map((n) => 'Z'.repeat(n)),
  fc.constantFrom('a b', 'x/y', 'abc', '1.5', '1e400', '-1', String(2 ** 60), '0x10', 'sideways', '6F1C2A56-3B7E-4C1A-9D2F-0A1B2C3D4E5F0'),
);

/** Malformed path parameters: each replaces one parameter of an otherwise well-formed request. */
export function badPaths(e: Endpoint, path: (values: Record<string, string>) => string): fc.Arbitrary<{ what: string; path: string }> | null {
  const params = e.parameters.filter((p) => p.in === 'path');
  if (params.length === 0) return null;
  return fc.constantFrom(...params).chain((p) => {
    const encoded = fc.constantFrom(...BAD_ENCODED_SEGMENTS);
    // '.' and '..' would be resolved by the client into another path; '' drops the segment.
    const breaking = parameterValue.filter((v) => v !== '' && v !== '.' && v !== '..' && breaks(p.schema, v)).map(encodeURIComponent);
    return (constrained(p.schema) ? fc.oneof(encoded, breaking) : encoded).map((v) => ({
      what: `path parameter ${p.name} = ${v.slice(0, 60)}`,
      path: path({ [p.name]: v }),
    }));
  });
}

/** Malformed query strings: shapes no endpoint accepts, and values that break a declared parameter. */
export function badQueries(e: Endpoint): fc.Arbitrary<{ what: string; query: string }> {
  const declared = e.parameters.filter((p) => p.in === 'query');
  const name = fc.constantFrom(...declared.map((p) => p.name), 'limit');
  const universal: fc.Arbitrary<{ what: string; query: string }>[] = [
    fc
      .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 }))
      .map(([k, v]) => ({ what: `query key ${k}`, query: `${k}=${encodeURIComponent(v)}` })),
    name.map((n) => ({ what: `query parameter ${n} twice`, query: `${n}=1&${n}=2` })),
    fc.tuple(name, fc.constantFrom('%00', 'a%00', '%00%00')).map(([n, v]) => ({ what: `query parameter ${n} with U+0000`, query: `${n}=${v}` })),
  ];
  const breaking = declared
    .filter((p) => constrained(p.schema))
    .map((p) =>
      parameterValue
        .filter((v) => breaks(p.schema, v))
        .map((v) => ({ what: `query parameter ${p.name} = ${v.slice(0, 60)}`, query: `${p.name}=${encodeURIComponent(v)}` })),
    );
  return fc.oneof(...universal, ...breaking);
}
