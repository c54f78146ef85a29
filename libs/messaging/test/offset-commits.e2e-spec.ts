import { ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, journeyStack, sql, testInfra } from '@omni/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** What inventory consumes. */
const TOPICS = [ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC];

/**
 * Offsets committed on an interval (libs/messaging/src/kafka/offset-committer.ts): with an interval
 * of a minute, inventory's consumer leaves what it applied uncommitted, and commits it at once when
 * it stops, idle, outside any batch — as its timer does after a quiet spell — so that a graceful
 * stop never leaves its group behind what it applied.
 */
describe('a consumer commits its offsets when it stops', () => {
  // A minute between commits: nothing is committed during the test but by the stop.
  const s = journeyStack(['order', 'inventory'], { topics: TOPICS, env: { CONSUMER_COMMIT_INTERVAL_MS: '60000' } });
  const admin = new Kafka({ clientId: 'offset-commits-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
  const store = `S-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await admin.connect();
    await s.j.location(store);
  });
  afterAll(() => admin.disconnect());

  /** How many events of the topics inventory's group has not committed. */
  async function lag(): Promise<number> {
    let behind = 0;
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId: 'inventory', topics: TOPICS })) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const p of partitions) behind += Number(ends.find((e) => e.partition === p.partition)!.high) - Math.max(0, Number(p.offset));
    }
    return behind;
  }

  /** Places an order and waits until inventory has applied its confirmation: the last event the order causes on inventory's topics. */
  async function placeAndConfirm(sku: string): Promise<void> {
    await s.j.receive(store, sku, 5);
    const placed = await http('POST', `${s.stack.services.order.url}/orders`, {
      channel: 'web',
      storeId: store,
      customerId: `c-${randomUUID()}`,
      currency: 'EUR',
      lines: [{ sku, quantity: 1, unitPrice: 1500 }],
    });
    expect(placed.status).toBe(201);
    await eventually(() => expect(s.probe.on(ORDER_EVENTS_TOPIC, { key: placed.body.id, type: 'order.confirmed.v1' })).toHaveLength(1));
    const [confirmed] = s.probe.on(ORDER_EVENTS_TOPIC, { key: placed.body.id, type: 'order.confirmed.v1' });
    await eventually(async () =>
      expect(await sql(s.stack.databases.inventory, 'SELECT 1 FROM inbox WHERE event_id = $1', [confirmed.headers['ce_id']])).toHaveLength(1),
    );
  }

  it('commits what it applied when it stops, before its interval is up', async () => {
    await placeAndConfirm('SKU-STOP');
    // Inventory applied order.placed and order.confirmed; a minute has not passed since it started.
    expect(await lag()).toBeGreaterThan(0);

    await s.stack.services.inventory.stop();

    expect(await lag()).toBe(0);
  });
});
