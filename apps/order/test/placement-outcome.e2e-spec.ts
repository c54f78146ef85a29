import { eventually, http, httpAs, Journey, journeyStack, mintToken, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * The placement outcome in the placing request (RFC 7240 `Prefer: wait=N`, docs/adr/0018-placement-outcome.md):
 * a storefront learns whether the last units are its customer's before it answers them, without polling.
 */
describe('placement outcome with Prefer: wait', () => {
  const e2e = journeyStack(['order', 'inventory']);

  const place = (storeId: string, sku: string, customer: string, headers: Record<string, string> = {}) =>
    http(
      'POST',
      `${e2e.j.order}/orders`,
      { channel: 'web', storeId, customerId: customer, currency: 'EUR', lines: [{ sku, quantity: 1, unitPrice: 2500 }] },
      headers,
    );

  it('40 customers racing for 7 units are each answered RESERVED or REJECTED (with the reason) in the placing request', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('LAST-UNITS');
    await e2e.j.receive(store, sku, 7);
    await e2e.j.price(sku, 2500);

    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => place(store, sku, `racer-${i}`, { prefer: 'wait=10' })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(answers.map((a) => a.headers.get('preference-applied'))).toEqual(answers.map(() => 'wait=10'));
    const byStatus = (s: string) => answers.filter((a) => a.body.status === s);
    expect([byStatus('RESERVED').length, byStatus('REJECTED').length]).toEqual([7, 33]);
    for (const rejected of byStatus('REJECTED')) expect(rejected.body.rejectionReason).toEqual(expect.any(String));
    // What each caller was told is what the order is.
    for (const a of answers) expect((await e2e.j.get(a.body.id)).status).toBe(a.body.status);
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 7, reserved: 7, available: 0 });
  });

  it('a cart checked out with the preference is answered with its outcome too', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('CART-SKU');
    await e2e.j.receive(store, sku, 2);
    await e2e.j.price(sku, 1500);
    const guest = httpAs(await mintToken({ sub: `guest:${randomUUID()}`, channel: 'web', scope: 'orders:place orders:read' }));
    const cart = await guest('POST', `${e2e.j.order}/carts`, { channel: 'web', currency: 'EUR', lines: [{ sku, quantity: 2, unitPrice: 1500 }] });
    expect(cart.status).toBe(201);
    const out = await guest(
      'POST',
      `${e2e.j.order}/carts/${cart.body.cart.id}/checkout`,
      { channel: 'web', storeId: store, contact: { email: 'cart-wait@example.com' } },
      { prefer: 'wait=10' },
    );
    expect([out.status, out.body.status, out.headers.get('preference-applied'), out.body.cart?.cartId]).toEqual([
      201,
      'RESERVED',
      'wait=10',
      cart.body.cart.id,
    ]);
  });

  /** Reads a server-sent event stream as it arrives: the orders it sent, and whether it ended. */
  async function openStream(url: string, token: string) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } });
    const seen: { status: string; id: string }[] = [];
    const state = { status: res.status, type: res.headers.get('content-type'), ended: false };
    if (res.status !== 200) return { state, seen, body: await res.json() };
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.startsWith('event: order') && data) seen.push(JSON.parse(data.slice(6)));
        }
      }
      state.ended = true;
    })();
    return { state, seen, body: null };
  }

  it('a storefront is told of each change of its order without polling: a server-sent event stream that ends when the order is final', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('STREAMED');
    await e2e.j.receive(store, sku, 1);
    await e2e.j.price(sku, 2500);
    const customer = `cust-${randomUUID().slice(0, 8)}`;
    const token = await tokens.customer(customer, 'web');
    const placed = await httpAs(token)('POST', `${e2e.j.order}/orders`, {
      channel: 'web',
      storeId: store,
      currency: 'EUR',
      contact: { name: 'Ada Martin' },
      lines: [{ sku, quantity: 1, unitPrice: 2500 }],
    });
    expect(placed.status).toBe(201);
    const id = placed.body.id as string;

    // Another customer's token, and an unknown order, get no stream.
    expect((await openStream(`${e2e.j.order}/orders/${id}/events`, await tokens.customer('someone-else', 'web'))).state.status).toBe(403);
    expect((await openStream(`${e2e.j.order}/orders/${randomUUID()}/events`, await mintToken({ sub: 'back-office', scope: 'orders:read' }))).state.status).toBe(
      404,
    );

    const stream = await openStream(`${e2e.j.order}/orders/${id}/events`, token);
    expect(stream.state).toMatchObject({ status: 200, type: expect.stringContaining('text/event-stream') });
    const reached = (status: string) => eventually(() => expect(stream.seen.map((o) => o.status)).toContain(status));
    await reached('RESERVED');
    const pos = e2e.j.store(store, await tokens.pos(store, 'assoc-9'));
    expect((await pos.startPicking(id)).status).toBe(200);
    await reached('PICKING');
    const group = (await e2e.j.get(id)).fulfilments[0];
    expect(
      (
        await pos.picks(
          id,
          group.lines.map((l: { lineId: string; quantity: number }) => ({ lineId: l.lineId, pickedQuantity: l.quantity })),
        )
      ).status,
    ).toBe(200);
    await reached('READY_FOR_PICKUP');
    const collected = await http(
      'POST',
      `${e2e.j.order}/stores/${store}/orders/${id}/collect-with-identity`,
      { document: 'passport', documentNumberEnd: '0042', nameOnDocument: 'Ada Martin' },
      {},
      { token: await tokens.pos(store, 'assoc-9') },
    );
    expect(collected.status).toBe(200);
    await eventually(() => expect(stream.state.ended).toBe(true));
    // Each state once, in order, the stream ending with the final one.
    const statuses = stream.seen.map((o) => o.status);
    expect(statuses.filter((s) => s !== 'PLACED')).toEqual(['RESERVED', 'PICKING', 'READY_FOR_PICKUP', 'COLLECTED']);
    expect(stream.seen.every((o) => o.id === id)).toBe(true);
  });

  it('without the preference the answer does not wait: 201 PLACED, as before', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('NO-WAIT');
    await e2e.j.receive(store, sku, 1);
    await e2e.j.price(sku, 2500);
    const res = await place(store, sku, 'no-wait', { prefer: 'respond-async' });
    expect([res.status, res.body.status, res.headers.get('preference-applied')]).toEqual([201, 'PLACED', null]);
    await e2e.j.status(res.body.id, 'RESERVED');
  });

  it('answers 202 with the order still PLACED and its Location when inventory does not decide in time, and the order is decided later', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('SLOW');
    await e2e.j.receive(store, sku, 1);
    await e2e.j.price(sku, 2500);
    await e2e.stack.services.inventory.stop();
    let restarted = false;
    try {
      const started = Date.now();
      const res = await place(store, sku, 'patient', { prefer: 'wait=1' });
      expect([res.status, res.body.status, res.headers.get('location'), res.headers.get('preference-applied')]).toEqual([
        202,
        'PLACED',
        `/orders/${res.body.id}`,
        'wait=1',
      ]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      await e2e.stack.services.inventory.restart();
      restarted = true;
      await e2e.j.status(res.body.id, 'RESERVED');
    } finally {
      if (!restarted) await e2e.stack.services.inventory.restart();
    }
  });

  it('a stopping order service ends its open streams and exits cleanly, instead of waiting for the callers to hang up', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('OPEN-STREAM');
    await e2e.j.receive(store, sku, 1);
    const placed = await e2e.j.place(store, [{ sku, quantity: 1 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    const stream = await openStream(`${e2e.j.order}/orders/${placed.id}/events`, await mintToken({ sub: 'back-office', scope: 'orders:read' }));
    await eventually(() => expect(stream.seen.map((o) => o.status)).toEqual(['RESERVED']));

    // SIGTERM: the service ends the stream and exits (Nest re-raises the signal once its hooks ran);
    // a stream holding the server open would keep it from exiting and fail the test by its timeout.
    const stopped = e2e.stack.services.order.stop();
    await eventually(() => expect(stream.state.ended).toBe(true));
    await stopped;
    await e2e.stack.services.order.restart();
  });
});
