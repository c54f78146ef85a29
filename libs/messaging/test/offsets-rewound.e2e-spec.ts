import { NOTIFICATION_REQUESTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, KafkaProbe, sql, Stack, startStack, testInfra, tokens } from '@omni/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

type Service = 'order' | 'inventory' | 'returns' | 'customer';
const SERVICES: Service[] = ['order', 'inventory', 'returns', 'customer'];
const TOPICS = ['order.events.v1', 'inventory.events.v1', 'returns.events.v1', 'customer.events.v1', 'payment.events.v1'];

/**
 * Offsets rewound (docs/testing.md, fault 3): after click & collect journeys, a cancellation and
 * an exchange at the counter across the four services, each service in turn is stopped, its
 * consumer group set back to where every topic stood before the journeys, and started again: it
 * reads every event of the journeys a second time. A hash of every table of its database is the
 * same before and after, its inbox counts the replayed events as duplicates, and its outbox
 * publishes nothing new.
 */
describe('a consumer group rewound: the replay changes no state', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let j: Journey;
  const admin = new Kafka({ clientId: 'rewind-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
  let before: Map<string, { partition: number; offset: string }[]>;

  beforeAll(async () => {
    await admin.connect();
    probe = await new KafkaProbe().watch([NOTIFICATION_REQUESTS_TOPIC]);
    stack = await startStack(SERVICES);
    j = new Journey(stack, probe);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
    await admin.disconnect();
  });

  /** Where each topic ends now. */
  const ends = async () =>
    new Map(
      await Promise.all(TOPICS.map(async (t) => [t, (await admin.fetchTopicOffsets(t)).map((p) => ({ partition: p.partition, offset: p.high }))] as const)),
    );
  /** How far the group is behind the topics it consumes (those it has an offset on). */
  const lag = async (group: Service) => {
    const now = await ends();
    let behind = 0;
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group, topics: TOPICS })) {
      for (const p of partitions) {
        if (Number(p.offset) < 0) continue;
        behind += Number(now.get(topic)!.find((e) => e.partition === p.partition)!.offset) - Number(p.offset);
      }
    }
    return behind;
  };
  /** A hash of every row of every table of the service's database (the outbox and the migrations' own bookkeeping aside). */
  const state = async (service: Service) => {
    const db = stack.databases[service];
    const tables = await sql<{ name: string }>(
      db,
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('outbox', 'migrations') ORDER BY 1`,
    );
    const hashes: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await sql<{ h: string; n: number }>(
        db,
        `SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS h, count(*)::int AS n FROM "${name}" t`,
      );
      hashes[name] = `${row.n}:${row.h}`;
    }
    return hashes;
  };
  // Published rows leave the outbox: the sequence tells whether a row was written since.
  const outboxTop = async (service: Service) =>
    (await sql<{ seq: string }>(stack.databases[service], 'SELECT last_value::text AS seq FROM outbox_seq_seq'))[0].seq;
  const duplicates = async (service: Service) => {
    const text = await (await fetch(`${stack.services[service].url}/metrics`)).text();
    return [...text.matchAll(/^events_consumed_total\{[^}]*outcome="duplicate"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  };

  it('replays every event of the journeys into each service in turn, and each ends exactly as it was', async () => {
    before = await ends();
    const [a, b] = [Journey.id('RW-A'), Journey.id('RW-B')];
    const [shirt, other] = [Journey.id('SHIRT'), Journey.id('SHIRT-L')];
    await j.location(a);
    await j.location(b);
    await j.receive(a, shirt, 5);
    await j.receive(b, other, 2);
    await j.price(shirt, 2500);
    await j.price(other, 2500);

    // Collected at A, then exchanged at B's counter for another size.
    const collected = await j.place(a, [{ sku: shirt, quantity: 1, unitPrice: 2500 }], {
      contact: { email: `rewind-${randomUUID().slice(0, 8)}@example.com`, name: 'Ada Lovelace' },
    });
    await j.status(collected.id, 'RESERVED');
    await j.pickAll(a, collected.id);
    expect((await j.store(a).collect(collected.id, await j.pickupCode(collected.id))).status).toBeLessThan(300);
    await j.status(collected.id, 'COLLECTED');
    const posB = await tokens.pos(b, 'associate-b');
    await eventually(async () =>
      expect(
        (await http('GET', `${stack.services.returns.url}/returnable-orders/${collected.id}`, undefined, {}, { token: posB })).body.lines?.[0]?.returnable,
      ).toBe(1),
    );
    const exchange = await http(
      'POST',
      `${stack.services.returns.url}/stores/${b}/returns`,
      {
        requestId: randomUUID(),
        orderId: collected.id,
        lines: [{ lineId: collected.lines[0].lineId, quantity: 1, condition: 'new' }],
        replacements: [{ sku: other, quantity: 1, unitPrice: 2500 }],
      },
      {},
      { token: posB },
    );
    expect(exchange.status).toBe(201);
    await eventually(async () =>
      expect((await http('GET', `${stack.services.returns.url}/returns/${exchange.body.id}`, undefined, {}, { token: posB })).body.status).toBe('COMPLETED'),
    );
    // Reserved, then cancelled by the customer.
    const cancelled = await j.place(a, [{ sku: shirt, quantity: 2, unitPrice: 2500 }]);
    await j.status(cancelled.id, 'RESERVED');
    expect(
      (await http('POST', `${j.order}/orders/${cancelled.id}/cancel`, { reason: 'CUSTOMER.REQUEST' }, {}, { token: await tokens.admin() })).status,
    ).toBeLessThan(300);
    await j.status(cancelled.id, 'CANCELLED');
    await eventually(async () => expect(await j.stock(a, shirt)).toMatchObject({ onHand: 4, reserved: 0 }));
    // Everything published and everything consumed.
    for (const s of SERVICES) await eventually(async () => expect(await lag(s)).toBe(0), { timeoutMs: 30_000 });

    for (const service of SERVICES) {
      const svc = stack.services[service];
      await svc.stop();
      const [was, top] = [await state(service), await outboxTop(service)];
      // The group is empty once its only member has left: set it back to before the journeys.
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: service, topics: TOPICS })) {
        if (partitions.every((p) => Number(p.offset) < 0)) continue;
        await admin.setOffsets({ groupId: service, topic, partitions: before.get(topic)!.map((p) => ({ partition: p.partition, offset: p.offset })) });
      }
      expect(await lag(service)).toBeGreaterThan(0);
      svc.start();
      await svc.ready();
      await eventually(async () => expect(await lag(service)).toBe(0), { timeoutMs: 60_000 });
      expect(await duplicates(service)).toBeGreaterThan(0);
      await svc.stop();
      expect({ service, tables: await state(service) }).toEqual({ service, tables: was });
      expect(await outboxTop(service)).toBe(top);
      svc.start();
      await svc.ready();
    }
  }, 240_000);
});
