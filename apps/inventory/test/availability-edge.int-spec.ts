import { http, HttpResult, httpAs, mintToken, Stack, startStack, tokens } from '@omni/testing';
import { uniq } from './inventory.harness';

/**
 * Availability is a hot route (docs/adr/0016-throughput/rounds-2-7.md, seventh round): served outside Express
 * and Nest's pipeline, with the same edge — token and scopes, the caller's rate limit, the request
 * shape and query rules, problem+json, correlation, metrics.
 */
describe('availability on the hot edge', () => {
  let stack: Stack;
  const url = () => stack.services.inventory.url;
  const store = uniq('S');
  const sku = uniq('SKU');
  const LIMIT = 5;

  beforeAll(async () => {
    stack = await startStack(['inventory'], { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    const location = {
      name: 'Centrum',
      kind: 'store',
      timeZone: 'Europe/Amsterdam',
      offersPickup: true,
      pickTimeMinutes: 30,
      pickupHoldDays: 3,
      transferDays: 1,
      latitude: 52.37,
      longitude: 4.89,
    };
    expect((await http('PUT', `${url()}/locations/${store}`, location)).status).toBe(201);
    expect((await http('POST', `${url()}/locations/${store}/stock/${sku}/adjustments`, { reason: 'receipt', quantity: 3 })).status).toBe(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  function expectProblem(res: HttpResult, status: number, code: string, fields: string[] = []): void {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({ type: `urn:problem:${code}`, status, code });
    if (fields.length > 0) expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(expect.arrayContaining(fields));
  }

  it('answers with the correlation id, the rate limit headers and the request counted under its route', async () => {
    const caller = httpAs(await tokens.pos(store));
    const res = await caller('GET', `${url()}/availability?skus=${sku}&stores=${store}&quantity=2`, undefined, { 'x-correlation-id': 'hot-route-check-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // Served outside Express, which would have added an ETag.
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('x-correlation-id')).toBe('hot-route-check-1');
    expect(res.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
    expect(res.body).toMatchObject({ quantity: 2, availability: [{ storeId: store, sku, availableAtStore: 3, pickup: { mode: 'store' } }] });

    const metrics = await http('GET', `${url()}/metrics`, undefined, {}, { token: null });
    expect(String(metrics.body)).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/availability"[^}]*status="200"[^}]*\} [1-9]/);
  });

  it('refuses a caller without a token, without the scope, or breaking a query rule, as problem+json naming the rule', async () => {
    expectProblem(await http('GET', `${url()}/availability?skus=${sku}&stores=${store}`, undefined, {}, { token: null }), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(
      await http('GET', `${url()}/availability?skus=${sku}&stores=${store}`, undefined, { authorization: 'Basic abc' }, { token: null }),
      401,
      'AUTH.UNAUTHENTICATED',
    );
    const customer = httpAs(await tokens.customer('c-hot-route'));
    expectProblem(await customer('GET', `${url()}/availability?skus=${sku}&stores=${store}`), 403, 'AUTH.FORBIDDEN');

    const back = httpAs(await mintToken({ sub: 'hot-route-rules', scope: 'inventory:read' }));
    expectProblem(await back('GET', `${url()}/availability?skus=${sku}&skus=${sku}&stores=${store}`), 400, 'REQUEST.INVALID', ['skus:singleValue']);
    expectProblem(await back('GET', `${url()}/availability?skus=${sku}&stores=${store}&extra=1`), 400, 'REQUEST.INVALID', ['extra:whitelistValidation']);
    expectProblem(await back('GET', `${url()}/availability?skus=${sku}&stores=${store}&quantity=1.5`), 400, 'REQUEST.INVALID', ['quantity:isInt']);
    expectProblem(await back('GET', `${url()}/availability?skus=${sku}&stores=${uniq('NOWHERE')}`), 404, 'LOCATION.NOT_FOUND');
  });

  it('limits each caller: over the limit 429 with Retry-After, another caller still answered', async () => {
    const busy = httpAs(await mintToken({ sub: 'hot-route-busy', scope: 'inventory:read' }));
    for (let i = 0; i < LIMIT; i++) expect((await busy('GET', `${url()}/availability?skus=${sku}&stores=${store}`)).status).toBe(200);
    const limited = await busy('GET', `${url()}/availability?skus=${sku}&stores=${store}`);
    expectProblem(limited, 429, 'RATE.LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const quiet = httpAs(await mintToken({ sub: 'hot-route-quiet', scope: 'inventory:read' }));
    expect((await quiet('GET', `${url()}/availability?skus=${sku}&stores=${store}`)).status).toBe(200);
  });

  it('leaves every other method and route to the Nest edge', async () => {
    expectProblem(await http('POST', `${url()}/availability?skus=${sku}&stores=${store}`, {}), 404, 'HTTP.404');
    expect((await http('GET', `${url()}/locations/${store}`)).status).toBe(200);
  });
});
