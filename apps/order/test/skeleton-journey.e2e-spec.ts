import { INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, journeyStack, mintToken, sql } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

/**
 * The walking skeleton across real processes, Kafka and PostgreSQL: an order placed over HTTP is
 * reserved by inventory through Kafka and confirmed (or rejected) by the order service.
 */
describe('order → inventory → order, end to end', () => {
  const e2e = journeyStack(['order', 'inventory', 'returns', 'customer'], { topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC] });
  const store = `S-${randomUUID().slice(0, 8)}`;

  beforeAll(() => e2e.j.location(store));

  const inventory = () => e2e.stack.services.inventory.url;
  const order = () => e2e.stack.services.order.url;

  async function receive(sku: string, quantity: number) {
    const res = await http('POST', `${inventory()}/locations/${store}/stock/${sku}/adjustments`, { reason: 'receipt', quantity });
    expect(res.status).toBe(200);
  }

  async function place(lines: { sku: string; quantity: number }[], correlationId = randomUUID()) {
    const res = await http(
      'POST',
      `${order()}/orders`,
      { channel: 'web', storeId: store, customerId: 'cust-1', currency: 'EUR', lines: lines.map((l) => ({ ...l, unitPrice: 1500 })) },
      { 'x-correlation-id': correlationId },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe(correlationId);
    return res.body as { id: string; status: string };
  }

  async function statusOf(id: string) {
    return (await http('GET', `${order()}/orders/${id}`)).body.status;
  }

  it('reserves and confirms an order, and the correlation id follows it across services', async () => {
    await receive('TSHIRT-M', 5);
    const correlationId = randomUUID();
    const placed = await place([{ sku: 'TSHIRT-M', quantity: 2 }], correlationId);
    expect(placed.status).toBe('PLACED');

    await eventually(async () => expect(await statusOf(placed.id)).toBe('RESERVED'));

    const stock = (await http('GET', `${inventory()}/locations/${store}/stock/TSHIRT-M`)).body;
    expect(stock).toMatchObject({ onHand: 5, reserved: 2, available: 3 });

    await eventually(() => expect(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'order.confirmed.v1' })).toHaveLength(1));
    const chain = [
      ...e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'order.placed.v2' }),
      ...e2e.probe.on(INVENTORY_EVENTS_TOPIC, { key: placed.id, type: 'inventory.reserved.v1' }),
      ...e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'order.confirmed.v1' }),
    ];
    expect(chain).toHaveLength(3);
    for (const m of chain) expect(m.headers['ce_correlationid']).toBe(correlationId);
    // each event names the one before it as its cause
    expect(chain[1].headers['ce_causationid']).toBe(chain[0].headers['ce_id']);
    expect(chain[2].headers['ce_causationid']).toBe(chain[1].headers['ce_id']);
  });

  it('rejects an order that asks for more than is available and reserves nothing', async () => {
    await receive('JEANS-32', 1);
    const placed = await place([
      { sku: 'JEANS-32', quantity: 1 },
      { sku: 'BELT-L', quantity: 1 },
    ]);
    await eventually(async () => expect(await statusOf(placed.id)).toBe('REJECTED'));
    const order = (await http('GET', `${e2e.stack.services.order.url}/orders/${placed.id}`)).body;
    expect(order.rejectionReason).toBe('STOCK.INSUFFICIENT');
    const stock = (await http('GET', `${inventory()}/locations/${store}/stock/JEANS-32`)).body;
    expect(stock).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect(await sql(e2e.stack.databases.inventory, 'SELECT * FROM reservations WHERE order_id = $1', [placed.id])).toEqual([]);
  });

  it('shows the order on the customer timeline', async () => {
    const placed = await place([{ sku: 'TSHIRT-M', quantity: 1 }]);
    await eventually(async () => {
      const t = (await http('GET', `${e2e.stack.services.customer.url}/customers/cust-1/timeline`)).body;
      expect(t.entries.map((e: { orderId: string }) => e.orderId)).toContain(placed.id);
    });
  });

  it('answers bad input with a problem naming the field and rule, and stores nothing', async () => {
    const res = await http('POST', `${order()}/orders`, { channel: 'fax', storeId: store, lines: [{ sku: 'X', quantity: 0 }], extra: 1 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = res.body;
    expect(problem.code).toBe('REQUEST.INVALID');
    const fields = problem.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['channel:isIn', 'lines.0.quantity:min', 'extra:whitelistValidation']));
    // The three orders the tests above placed at this store, no fourth. (The service may also hold
    // replacement orders it placed from earlier test files' events on returns.events.v1.)
    expect(await sql(e2e.stack.databases.order, 'SELECT count(DISTINCT order_id)::int AS n FROM fulfilment_groups WHERE store_id = $1', [store])).toEqual([
      { n: 3 },
    ]);
  });

  // Last: it stops the order service.
  it('shuts down gracefully on SIGTERM while clients keep their connections busy: consumer closed, outbox flushed, what was committed reaches Kafka', async () => {
    const placed = await place([{ sku: 'TSHIRT-M', quantity: 1 }]);
    // Four clients polling on keep-alive connections, without pause, until the service is gone:
    // they must not hold its shutdown open, and each request is answered or refused, never failed.
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const headers = { authorization: `Bearer ${await mintToken({ sub: 'busy-client', scope: 'orders:read' })}` };
    const answers: (number | string)[] = [];
    let polling = true;
    const get = () =>
      new Promise<number | string>((resolve) => {
        const req = request(`${e2e.stack.services.order.url}/orders/${placed.id}`, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        req.end();
      });
    const poll = async () => {
      while (polling) {
        const a = await get();
        answers.push(a);
        if (typeof a === 'string') return; // the service is gone
      }
    };
    const clients = [poll(), poll(), poll(), poll()];
    await eventually(() => expect(answers.length).toBeGreaterThan(20));
    // Resolves once the process has exited: the shutdown ran to its end (below), however busy the clients.
    await e2e.stack.services.order.stop();
    polling = false;
    await Promise.all(clients);
    agent.destroy();
    expect(e2e.stack.services.order.logs.some((l) => l.includes('"event":"messaging.stopped"'))).toBe(true);
    // Answered while it ran; refused, or the connection closed, once it stopped listening — no 5xx.
    expect(new Set(answers.filter((a) => typeof a === 'number'))).toEqual(new Set([200]));
    expect(answers.filter((a) => typeof a === 'string').every((a) => ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(a as string))).toBe(true);
    await eventually(() => expect(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'order.placed.v2' })).toHaveLength(1));
  });
});
