import { eventually, Journey, journeyStack } from '@omni/testing';

/**
 * A service killed outright (SIGKILL) in the middle of click & collect journeys is started again:
 * it must be ready within 5 s of its new process starting, say why while it is not, and the
 * journeys caught in the kill must complete with nothing lost or doubled once its consumer is back.
 */
describe('a SIGKILLed inventory restarted under load', () => {
  const e2e = journeyStack(['order', 'inventory']);

  it('is ready within 5 s of starting, reports its consumer until it has joined, and every order is reserved once', async () => {
    const inventory = e2e.stack.services.inventory;
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'KILL-SKU', 40);

    // Orders keep arriving while inventory is killed; order accepts them and its outbox holds the events.
    const before = await Promise.all(Array.from({ length: 10 }, () => e2e.j.place(store, [{ sku: 'KILL-SKU', quantity: 1 }])));
    await inventory.kill();
    const during = await Promise.all(Array.from({ length: 10 }, () => e2e.j.place(store, [{ sku: 'KILL-SKU', quantity: 1 }])));

    const startedAt = Date.now();
    inventory.start();
    const answers: { ms: number; status: number; body: { error?: Record<string, { message?: string }> } }[] = [];
    await eventually(
      async () => {
        const res = await fetch(`${inventory.url}/health/ready`).catch(() => null);
        if (res) answers.push({ ms: Date.now() - startedAt, status: res.status, body: (await res.json()) as { error?: Record<string, { message?: string }> } });
        if (res?.status !== 200) throw new Error(`inventory not ready: ${res?.status ?? 'no answer'}`);
      },
      { timeoutMs: 5000, intervalMs: 50 },
    );
    const readyMs = Date.now() - startedAt;
    expect(readyMs).toBeLessThan(5000);
    // Every 503 on the way named what was down.
    for (const a of answers.filter((x) => x.status === 503))
      expect(Object.values(a.body.error ?? {}).every((e) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);

    // Its consumer is reported (not required) until the group has let it in, then joined; until
    // then every answer says why it is not consuming.
    const notYet: { state: string; reason?: string }[] = [];
    const joined = await eventually(
      async () => {
        const res = await fetch(`${inventory.url}/health/ready`);
        const body = (await res.json()) as { details: { kafka: { consumer: { state: string; reason?: string } } } };
        expect(res.status).toBe(200);
        if (body.details.kafka.consumer.state !== 'joined') notYet.push(body.details.kafka.consumer);
        expect(body.details.kafka.consumer).toMatchObject({ state: 'joined' });
        return Date.now() - startedAt;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );

    for (const c of notYet) expect(c.reason).toMatch(/\w/);

    const after = await Promise.all(Array.from({ length: 10 }, () => e2e.j.place(store, [{ sku: 'KILL-SKU', quantity: 1 }])));
    for (const o of [...before, ...during, ...after]) await e2e.j.status(o.id, 'RESERVED');
    await eventually(async () => expect(await e2e.j.stock(store, 'KILL-SKU')).toMatchObject({ onHand: 40, reserved: 30, available: 10 }));
    process.stdout.write(`inventory restarted after SIGKILL: ready in ${readyMs} ms, consumer joined after ${joined} ms\n`);
  });
});
