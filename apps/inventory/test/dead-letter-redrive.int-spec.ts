import { deadLetterTopicOf, INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC, OrderPlacedV1, OrderShortPickedV1 } from '@omni/contracts';
import { eventually, http, KafkaProbe, Stack, startStack, testInfra } from '@omni/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { InventoryDriver, uniq, wire } from './inventory.harness';

const DLQ = deadLetterTopicOf(ORDER_EVENTS_TOPIC);
const REPO = path.resolve(__dirname, '../../..');

/** Runs the re-drive tool as an operator would (docs/operations/dead-letters-and-rebuilds.md); returns its JSON lines. */
async function redrive(...extra: string[]): Promise<{ redriven?: boolean; key?: string; reason?: string; summary?: { redriven: number } }[]> {
  const args = ['scripts/tools/redrive.mjs', '--brokers', testInfra().kafkaBrokers, '--service', 'inventory', '--topic', ORDER_EVENTS_TOPIC, ...extra];
  const { stdout } = await promisify(execFile)('node', args, { cwd: REPO, timeout: 60_000 });
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** ADR 0006: parked messages go back to their topic once, with their key, value and headers; the inbox keeps them from being applied twice. */
describe('dead-letter re-drive (scripts/tools/redrive.mjs)', () => {
  let stack: Stack;
  let inv: InventoryDriver;
  let probe: KafkaProbe;
  const url = () => stack.services.inventory.url;
  const metric = async (re: RegExp) => {
    const text = (await http('GET', `${url()}/metrics`, undefined, {}, { token: null })).body as string;
    return text
      .split('\n')
      .filter((l) => re.test(l))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  };

  beforeAll(async () => {
    probe = await new KafkaProbe().watch([ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, DLQ]);
    stack = await startStack(['inventory']);
    inv = new InventoryDriver(url, probe, { http, eventually });
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
  });

  it('a short pick parked because its store was unknown is applied once after the fix and a re-drive', async () => {
    const store = uniq('S');
    const sku = uniq('SKU');
    const orderId = randomUUID();
    const lineId = randomUUID();
    const shortPick = wire(OrderShortPickedV1, {
      orderId,
      storeId: store,
      lines: [{ lineId, sku, missingQuantity: 1 }],
      shortPickedAt: new Date().toISOString(),
    });
    await probe.produce(ORDER_EVENTS_TOPIC, [shortPick]);
    const [parked] = await eventually(() => {
      const m = probe.on(DLQ, { key: orderId });
      expect(m).toHaveLength(1);
      return m;
    });
    expect(parked.headers).toMatchObject({ 'dlq-reason-code': 'LOCATION.UNKNOWN', 'dlq-consumer': 'inventory' });

    // A dry run shows it and changes nothing.
    expect((await redrive('--dry-run')).filter((l) => l.key === orderId)).toEqual([expect.objectContaining({ redriven: false, reason: 'LOCATION.UNKNOWN' })]);

    // The fix: the store exists, and the order it short-picks was placed and reserved there.
    await inv.location(store);
    await inv.receive(store, sku, 2);
    await inv.send(
      wire(OrderPlacedV1, {
        orderId,
        channel: 'web',
        storeId: store,
        customerId: null,
        currency: 'EUR',
        lines: [{ lineId, sku, quantity: 2, unitPrice: 1000 }],
        placedAt: new Date().toISOString(),
      }),
    );
    await inv.published(orderId, 'inventory.reserved');

    const out = await redrive();
    expect(out.filter((l) => l.key === orderId)).toEqual([expect.objectContaining({ redriven: true, reason: 'LOCATION.UNKNOWN' })]);
    const copy = await eventually(() => {
      const m = probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type: 'order.short-picked.v1' });
      expect(m).toHaveLength(2);
      return m[1];
    });
    expect(copy.value).toBe(shortPick.value);
    expect(copy.headers['ce_id']).toBe(shortPick.headers['ce_id']);
    expect(copy.headers['redriven-from']).toMatch(new RegExp(`^${DLQ.replace(/\./g, '\\.')}/\\d+/\\d+$`));
    expect(Object.keys(copy.headers).filter((h) => h.startsWith('dlq-'))).toEqual([]);

    await inv.published(orderId, 'inventory.short-pick-resolved');
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 1 });

    // Re-driven once: a second run has nothing of it, and a redelivery of the copy is an inbox duplicate.
    expect((await redrive()).filter((l) => l.key === orderId)).toEqual([]);
    const duplicatesBefore = await metric(/^events_consumed_total\{.*type="order\.short-picked\.v1".*outcome="duplicate"/);
    await probe.produce(ORDER_EVENTS_TOPIC, [{ key: orderId, value: copy.value, headers: copy.headers }]);
    await eventually(async () =>
      expect(await metric(/^events_consumed_total\{.*type="order\.short-picked\.v1".*outcome="duplicate"/)).toBeGreaterThanOrEqual(duplicatesBefore + 1),
    );
    expect(probe.on(INVENTORY_EVENTS_TOPIC, { key: orderId, type: 'inventory.short-pick-resolved.v1' })).toHaveLength(1);
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 1 });
    expect(probe.on(DLQ, { key: orderId })).toHaveLength(1);
  });

  it('a message that breaks its schema stays poison: re-driven once, parked again with its origin, nothing applied', async () => {
    const orderId = randomUUID();
    const valid = wire(OrderPlacedV1, {
      orderId,
      channel: 'web',
      storeId: uniq('S'),
      customerId: null,
      currency: 'EUR',
      lines: [{ lineId: randomUUID(), sku: 'X', quantity: 1, unitPrice: 1 }],
      placedAt: new Date().toISOString(),
    });
    await probe.produce(ORDER_EVENTS_TOPIC, [{ ...valid, value: JSON.stringify({ orderId, lines: 'not lines' }) }]);
    const [first] = await eventually(() => {
      const m = probe.on(DLQ, { key: orderId });
      expect(m).toHaveLength(1);
      return m;
    });
    const reason = first.headers['dlq-reason-code'];
    expect(reason).toBeTruthy();
    const parkedBefore = await metric(new RegExp(`^dead_letters_total\\{.*reason="${reason.replace(/\./g, '\\.')}"`));

    expect((await redrive()).filter((l) => l.key === orderId)).toEqual([expect.objectContaining({ redriven: true, reason })]);
    const again = await eventually(() => {
      const m = probe.on(DLQ, { key: orderId });
      expect(m).toHaveLength(2);
      return m[1];
    });
    expect(again.headers).toMatchObject({
      'dlq-reason-code': reason,
      'dlq-consumer': 'inventory',
      'redriven-from': expect.stringMatching(/^order\.events\.v1\.dlq\//),
    });
    expect(await metric(new RegExp(`^dead_letters_total\\{.*reason="${reason.replace(/\./g, '\\.')}"`))).toBeGreaterThanOrEqual(parkedBefore + 1);
    expect(probe.on(INVENTORY_EVENTS_TOPIC, { key: orderId })).toEqual([]);
  });
});
