import { INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC, OrderPlacedV1 } from '@omni/contracts';
import { eventually, http, Journey, KafkaProbe, migratedDatabase, sql, Stack, startStack, testInfra } from '@omni/testing';
import { Logger } from '@nestjs/common';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagingTables1700000000000 } from '../src/migrations/1700000000000-messaging-tables';
import { OutboxRelay, OutboxRow } from '../src/outbox/outbox.relay';
import { OutboxWriter } from '../src/outbox/outbox.writer';

/**
 * The relay on a real database and broker, with the real inventory service consuming what it
 * publishes: a crash between publish and delete republishes, and nothing is applied twice.
 */
describe('outbox relay', () => {
  let dbUrl: string;
  let ds: DataSource;
  let probe: KafkaProbe;
  let stack: Stack;
  let kafka: Kafka;
  const producers: Producer[] = [];
  const writer = new OutboxWriter('/order');
  const store = `S-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    ({ url: dbUrl, dataSource: ds } = await migratedDatabase('outbox', { migrations: [MessagingTables1700000000000] }));
    kafka = new Kafka({ clientId: 'relay-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    probe = await new KafkaProbe().watch([ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC]);
    stack = await startStack(['inventory']);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
    await Promise.all(producers.map((p) => p.disconnect()));
    await ds?.destroy();
  });

  function relay(onPublished?: (rows: readonly OutboxRow[]) => void, lingerMs = 0, vacuumAfterRows = 0): OutboxRelay {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    producers.push(producer);
    return new OutboxRelay(producer, { databaseUrl: dbUrl, pollIntervalMs: 200, batchSize: 100, onPublished, lingerMs, vacuumAfterRows });
  }

  /** How often the outbox was vacuumed by a VACUUM statement (autovacuum counts apart). */
  async function outboxVacuums(): Promise<number> {
    const [row] = await sql<{ vacuums: number }>(dbUrl, `SELECT vacuum_count::int AS vacuums FROM pg_stat_user_tables WHERE relname = 'outbox'`);
    return row.vacuums;
  }

  async function placeInOutbox(orderId: string, sku: string, quantity: number): Promise<string> {
    return ds.transaction((m) =>
      writer.append(m, OrderPlacedV1, {
        orderId,
        channel: 'web',
        storeId: store,
        customerId: null,
        currency: 'EUR',
        lines: [{ lineId: randomUUID(), sku, quantity, unitPrice: 1000 }],
        placedAt: new Date().toISOString(),
      }),
    );
  }

  it('republishes after a crash between publish and delete, and the consumer applies the event once', async () => {
    await new Journey(stack).location(store);
    expect(
      (await http('POST', `${stack.services.inventory.url}/locations/${store}/stock/CRASH-1/adjustments`, { reason: 'receipt', quantity: 10 })).status,
    ).toBe(200);
    const orderId = randomUUID();
    const eventId = await placeInOutbox(orderId, 'CRASH-1', 3);

    const crashing = relay(() => {
      throw new Error('simulated crash after publish, before delete');
    });
    crashing.start();
    await eventually(() => expect(probe.on(ORDER_EVENTS_TOPIC, { key: orderId })).not.toHaveLength(0));
    await crashing.stop();
    expect(await sql(dbUrl, 'SELECT sent_at FROM outbox WHERE id = $1', [eventId])).toEqual([{ sent_at: null }]);

    const recovered = relay();
    recovered.start();
    await eventually(async () => expect(await sql(dbUrl, 'SELECT 1 FROM outbox WHERE id = $1', [eventId])).toEqual([]));
    await recovered.stop();

    // Acknowledged by Kafka is not yet read by the probe: wait for the second copy to arrive.
    const copies = await eventually(() => {
      const found = probe.on(ORDER_EVENTS_TOPIC, { key: orderId });
      expect(found.length).toBeGreaterThanOrEqual(2);
      return found;
    });
    expect(new Set(copies.map((m) => m.headers['ce_id']))).toEqual(new Set([eventId]));

    await eventually(() => expect(probe.on(INVENTORY_EVENTS_TOPIC, { key: orderId, type: 'inventory.reserved.v1' })).toHaveLength(1));
    expect((await http('GET', `${stack.services.inventory.url}/locations/${store}/stock/CRASH-1`)).body).toMatchObject({ onHand: 10, reserved: 3 });
    expect(await sql(stack.databases.inventory, 'SELECT count(*)::int AS n FROM reservations WHERE order_id = $1', [orderId])).toEqual([{ n: 1 }]);
  });

  it('publishes one key’s events in the order they were written', async () => {
    const orderId = randomUUID();
    const ids: string[] = [];
    for (let i = 1; i <= 20; i++) ids.push(await placeInOutbox(orderId, `SEQ-${i}`, 1));
    const r = relay();
    r.start();
    await eventually(() => expect(probe.on(ORDER_EVENTS_TOPIC, { key: orderId })).toHaveLength(20));
    await r.stop();
    expect(probe.on(ORDER_EVENTS_TOPIC, { key: orderId }).map((m) => m.headers['ce_id'])).toEqual(ids);
  });

  it('under load, publishes the commits that land within its linger after a drain in one batch; after a quiet spell, at once', async () => {
    const batches: string[][] = [];
    const r = relay((rows) => void batches.push(rows.map((x) => x.id)), 1500);
    r.start();
    await eventually(() => expect(r.role).toBe('leader'));
    const orderId = randomUUID();
    // A quiet spell: the first commit is published alone, without waiting for the others.
    const first = await placeInOutbox(orderId, 'LINGER-1', 1);
    await eventually(() => expect(batches.flat()).toContain(first));
    // Three commits right after that drain: published together, once the linger has passed.
    const rest = [await placeInOutbox(orderId, 'LINGER-2', 1), await placeInOutbox(orderId, 'LINGER-3', 1), await placeInOutbox(orderId, 'LINGER-4', 1)];
    await eventually(() => expect(batches.flat()).toEqual(expect.arrayContaining(rest)));
    await r.stop();
    expect(batches.filter((b) => b.some((id) => [first, ...rest].includes(id)))).toEqual([[first], rest]);
  });

  it('lets only one relay publish at a time: a second one stands by', async () => {
    const leader = relay();
    const standby = relay();
    leader.start();
    await eventually(() => expect(leader.role).toBe('leader'));
    standby.start();
    await eventually(() => expect(standby.role).toBe('standby'));
    await leader.stop();
    await eventually(() => expect(standby.role).toBe('leader'));
    await standby.stop();
  });

  it('vacuums the outbox itself once it has deleted the rows it is told to, and not when told 0', async () => {
    const write = async (n: number, sku: string): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await placeInOutbox(randomUUID(), sku, 1));
      return ids;
    };
    const publishAll = async (r: OutboxRelay, ids: readonly string[]): Promise<void> => {
      r.start();
      await eventually(async () => expect(await sql(dbUrl, 'SELECT 1 FROM outbox WHERE id = ANY($1::uuid[])', [ids])).toEqual([]));
      await r.stop();
    };
    const before = await outboxVacuums();
    await publishAll(relay(), await write(30, 'NO-VACUUM'));
    expect(await outboxVacuums()).toBe(before);

    // 30 rows deleted in one batch of up to 100: past 10, the relay vacuums once.
    await publishAll(relay(undefined, 0, 10), await write(30, 'VACUUM'));
    await eventually(async () => expect(await outboxVacuums()).toBe(before + 1));
  });
});
