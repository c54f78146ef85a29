import { eventually, http, Journey, journeyStack } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * Admission by backlog (docs/operations.md#overload, ADR 0016): while inventory works through a
 * backlog, a placement is refused at once with 503 and Retry-After rather than queued behind it;
 * while inventory is not answering at all, placements are taken and wait as PLACED.
 */
describe('admission by backlog', () => {
  // A test that fails with inventory paused leaves it to the fixture's stop, which resumes it first.
  const e2e = journeyStack(['order', 'inventory'], {
    env: {
      PLACEMENT_ADMISSION_LIMIT: '3',
      PLACEMENT_ADMISSION_BUDGET_MS: '50',
      PLACEMENT_ADMISSION_ANSWERING_WITHIN_MS: '8000',
    },
  });

  it('refuses placements while inventory is behind, takes them while it is down, and again once it has caught up', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('ADMIT');
    await e2e.j.receive(store, sku, 100);
    await e2e.j.price(sku, 1000);
    const place = (key: string = randomUUID()) =>
      http(
        'POST',
        `${e2e.j.order}/orders`,
        { channel: 'web', storeId: store, customerId: 'admission-customer', currency: 'EUR', lines: [{ sku, quantity: 1, unitPrice: 1000 }] },
        { 'idempotency-key': key },
      );
    const placed: string[] = [];

    // Inventory answers: a placement is reserved.
    const firstKey = randomUUID();
    const first = await place(firstKey);
    expect(first.status).toBe(201);
    placed.push(first.body.id);
    await e2e.j.status(first.body.id, 'RESERVED');

    // Inventory stalls (SIGSTOP); placements made now wait for its answer past the 50 ms budget.
    e2e.stack.services.inventory.pause();
    for (let i = 0; i < 3; i++) {
      const r = await place();
      expect([r.status, r.body.status]).toEqual([201, 'PLACED']);
      placed.push(r.body.id);
    }

    // Three late placements while inventory answered 8 s ago or less: the next is refused, and nothing is placed.
    let refusedKey = '';
    const refused = await eventually(async () => {
      refusedKey = randomUUID();
      const r = await place(refusedKey);
      if (r.status === 201) placed.push(r.body.id); // admitted before the backlog was read
      expect(r.status).toBe(503);
      return r;
    });
    // A retry of a placement that was made is answered with it, backlog or not.
    const again = await place(firstKey);
    expect([again.status, again.headers.get('idempotent-replayed'), again.body.id]).toEqual([201, 'true', first.body.id]);
    expect(refused.body).toMatchObject({ status: 503, code: 'SERVICE.OVERLOADED', type: 'urn:problem:SERVICE.OVERLOADED' });
    expect(refused.body.detail).toMatch(/placements have waited longer than 50 ms for inventory's answer/);
    expect(refused.headers.get('retry-after')).toBe('1');

    // Inventory silent for longer than 8 s is an outage, not a backlog: placements are taken and wait as PLACED.
    const duringOutage = await eventually(
      async () => {
        const r = await place();
        expect(r.status).toBe(201);
        return r;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(duringOutage.body.status).toBe('PLACED');
    placed.push(duringOutage.body.id);

    // Inventory goes on: every waiting placement is reserved, and placements are admitted again —
    // the refused request, sent again with its key, is placed as new (the refusal recorded nothing).
    e2e.stack.services.inventory.resume();
    for (const id of placed) await e2e.j.status(id, 'RESERVED');
    const retried = await eventually(async () => {
      const r = await place(refusedKey);
      expect(r.status).toBe(201);
      return r;
    });
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    await e2e.j.status(retried.body.id, 'RESERVED');
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 100, reserved: placed.length + 1 });
  });
});
