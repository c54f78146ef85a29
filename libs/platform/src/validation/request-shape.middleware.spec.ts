import type { NextFunction, Request, Response } from 'express';
import { requestShapeMiddleware } from './request-shape.middleware';

/** What the middleware does with a request: passes it on, or answers with a status and body. */
function verdict(req: {
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
}): 'next' | { status: number; type: string; body: { code: string; errors: { field: string; rule: string }[] } } {
  const out = { status: 0, type: '', body: undefined as never };
  const res = {
    status: (s: number) => ((out.status = s), res),
    type: (t: string) => ((out.type = t), res),
    json: (b: never) => ((out.body = b), res),
  };
  let passed = false;
  const next: NextFunction = () => {
    passed = true;
  };
  requestShapeMiddleware({ query: {}, ...req } as unknown as Request, res as unknown as Response, next);
  return passed ? 'next' : out;
}

const rules = (v: ReturnType<typeof verdict>) => (v === 'next' ? v : v.body.errors.map(({ field, rule }) => ({ field, rule })));

describe('requestShapeMiddleware', () => {
  it('passes a well-formed request on', () => {
    expect(
      verdict({ path: '/stores/PARIS/orders/6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f/collect', query: { limit: '5' }, body: { pickupCode: 'K7QX2M9P' } }),
    ).toBe('next');
    expect(verdict({ path: '/price-list/%C3%A9t%C3%A9' })).toBe('next');
  });

  it('answers a refused body with 400 problem+json naming field and rule', () => {
    const v = verdict({ path: '/orders', body: JSON.parse('{"lines":[{"__proto__":{"x":1}}]}') });
    expect(v).toMatchObject({ status: 400, type: 'application/problem+json', body: { code: 'REQUEST.INVALID' } });
    expect(rules(v)).toEqual([{ field: 'lines.0.__proto__', rule: 'prototypeKey' }]);
  });

  it('refuses a body nested 10,000 levels deep (60 kB) without overflowing', () => {
    expect(rules(verdict({ path: '/carts', body: JSON.parse('{"a":'.repeat(10_000) + '0' + '}'.repeat(10_000)) }))).toEqual([
      { field: expect.any(String), rule: 'maxDepth' },
    ]);
  });

  it.each([
    ['a NUL in a path segment', '/stores/PA%00RIS/pick-list', 'noNulCharacter'],
    ['malformed UTF-8 in a path segment', '/price-list/%ED%A0%80', 'percentEncoding'],
    ['a lone %', '/price-list/%', 'percentEncoding'],
  ])('refuses %s', (_what, path, rule) => {
    expect(rules(verdict({ path }))).toEqual([expect.objectContaining({ rule })]);
  });

  it('refuses a repeated query parameter, a prototype key and a NUL in the query', () => {
    expect(rules(verdict({ path: '/availability', query: { quantity: ['1', '2'] } }))).toEqual([{ field: 'quantity', rule: 'singleValue' }]);
    const query = Object.create(null) as Record<string, unknown>;
    query['__proto__'] = 'x';
    expect(rules(verdict({ path: '/availability', query }))).toEqual([{ field: '__proto__', rule: 'prototypeKey' }]);
    expect(rules(verdict({ path: '/availability', query: { skus: 'A\u0000' } }))).toEqual([{ field: 'skus', rule: 'noNulCharacter' }]);
  });
});
