import { Metrics } from '@omni/platform';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { OutboxRelay, OutboxRow, toTopicBatches } from './outbox.relay';

let seq = 0;
function aRow(topic: string, key: string, payload: string, headers: Record<string, string> = { ce_type: 'order.placed.v1' }): OutboxRow {
  seq++;
  return { seq: String(seq), id: `event-${seq}`, topic, message_key: key, headers, payload };
}

describe('toTopicBatches', () => {
  it('returns no batches for no rows', () => {
    expect(toTopicBatches([])).toEqual([]);
  });

  it('passes key, value and headers through untouched', () => {
    const headers = { ce_id: 'event-1', ce_type: 'order.placed.v1', traceparent: '00-abc-def-01' };
    const row = aRow('order.events.v1', 'order-1', '{"orderId":"order-1"}', headers);
    expect(toTopicBatches([row])).toEqual([{ topic: 'order.events.v1', messages: [{ key: 'order-1', value: '{"orderId":"order-1"}', headers }] }]);
  });

  it('groups rows by topic in order of first appearance, keeping outbox order within each topic', () => {
    const rows = [
      aRow('order.events.v1', 'o-1', 'placed o-1'),
      aRow('inventory.events.v1', 'o-1', 'reserved o-1'),
      aRow('order.events.v1', 'o-2', 'placed o-2'),
      aRow('order.events.v1', 'o-1', 'confirmed o-1'),
      aRow('inventory.events.v1', 'S1/SKU-1', 'adjusted S1/SKU-1'),
    ];
    const batches = toTopicBatches(rows);
    expect(batches.map((b) => [b.topic, b.messages.map((m) => m.value)])).toEqual([
      ['order.events.v1', ['placed o-1', 'placed o-2', 'confirmed o-1']],
      ['inventory.events.v1', ['reserved o-1', 'adjusted S1/SKU-1']],
    ]);
  });

  it('loses and duplicates nothing, and keeps every key in order', () => {
    const topics = ['a', 'b', 'c'];
    const rows = Array.from({ length: 60 }, (_, i) => aRow(topics[i % 3], `k${i % 4}`, `v${i}`));
    const batches = toTopicBatches(rows);
    const sent = batches.flatMap((b) => b.messages.map((m) => ({ topic: b.topic, key: m.key, value: m.value })));
    expect(sent).toHaveLength(rows.length);
    for (const topic of topics) {
      for (const key of ['k0', 'k1', 'k2', 'k3']) {
        const expected = rows.filter((r) => r.topic === topic && r.message_key === key).map((r) => r.payload);
        expect(sent.filter((m) => m.topic === topic && m.key === key).map((m) => m.value)).toEqual(expected);
      }
    }
  });
});

describe('OutboxRelay.drainOnce and its vacuum', () => {
  /** A connection that holds `unsent` rows, records what it was asked, and refuses VACUUM when told to. */
  function connection(unsent: OutboxRow[], vacuum: 'ok' | 'fails') {
    const asked: string[] = [];
    const client = {
      query: async (q: string | { text: string }) => {
        const text = typeof q === 'string' ? q : q.text;
        asked.push(text.split(/\s+/)[0]);
        if (text.startsWith('VACUUM') && vacuum === 'fails') throw new Error('canceling statement due to statement timeout');
        return { rows: text.startsWith('SELECT') ? unsent.splice(0) : [] };
      },
    };
    return { client: client as unknown as Client, asked };
  }
  const producer = { sendBatch: jest.fn(async () => []) } as unknown as Producer;
  afterEach(() => jest.restoreAllMocks());

  it('vacuums once it has deleted the rows it is told to, at most once a second, and never when told 0', async () => {
    let now = 10_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const told = new OutboxRelay(producer, { databaseUrl: '', pollIntervalMs: 200, batchSize: 100, vacuumAfterRows: 3 });
    const drain = async (n: number): Promise<number> => {
      const c = connection(
        Array.from({ length: n }, (_, i) => aRow('t', 'k', `v${i}`)),
        'ok',
      );
      await told.drainOnce(c.client);
      return c.asked.filter((q) => q === 'VACUUM').length;
    };
    expect(await drain(2)).toBe(0);
    expect(await drain(2)).toBe(1); // 4 deleted
    now += 999;
    expect(await drain(3)).toBe(0); // 3 more, within a second of the last
    now += 1;
    expect(await drain(1)).toBe(1); // 4 more, a second after it

    const never = new OutboxRelay(producer, { databaseUrl: '', pollIntervalMs: 200, batchSize: 100, vacuumAfterRows: 0 });
    const c = connection(
      Array.from({ length: 50 }, (_, i) => aRow('t', 'k', `v${i}`)),
      'ok',
    );
    await never.drainOnce(c.client);
    expect(c.asked).not.toContain('VACUUM');
  });

  it('counts a batch published and deleted as published when the vacuum after it fails', async () => {
    const eventsPublished = jest.fn();
    const relay = new OutboxRelay(producer, { databaseUrl: '', pollIntervalMs: 200, batchSize: 100, vacuumAfterRows: 1 }, {
      eventsPublished,
    } as unknown as Metrics);
    const c = connection([aRow('order.events.v1', 'o-1', 'placed'), aRow('order.events.v1', 'o-2', 'placed')], 'fails');
    await expect(relay.drainOnce(c.client)).resolves.toBe(2);
    expect(c.asked).toEqual(['SELECT', 'DELETE', 'VACUUM', 'DELETE']);
    expect(eventsPublished).toHaveBeenCalledWith('order.events.v1', 2);
  });
});
