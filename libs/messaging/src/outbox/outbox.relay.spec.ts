import { OutboxRow, toTopicBatches } from './outbox.relay';

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
