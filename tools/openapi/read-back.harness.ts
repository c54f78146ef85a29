import { NOTIFICATION_REQUESTS_TOPIC } from '@omni/contracts';
import { Journey, KafkaProbe, Stack, startStack } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * What the read-back specs share (docs/adr/0014-request-validation.md): the property tests' seed,
 * made-up SKUs, and the stack each spec file starts once — the four services, a probe on the
 * notification requests, two stores and a warehouse stocked with `stocked`.
 */

export const SEED = 20261203;
export const MINUTE = 60_000;
/** The shortest SKU pattern of the documents, for SKUs made up per run. */
export const freshSku = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Call it inside the spec's `describe`: it registers that block's beforeAll and afterAll.
 * `current()` gives the stack and the journey once they are up.
 */
export function readBackStack() {
  let stack: Stack;
  let probe: KafkaProbe;
  let j: Journey;
  const store = Journey.id('S');
  const otherStore = Journey.id('S2');
  const warehouse = Journey.id('WH');
  /** Stocked everywhere, plenty: orders of them are reserved. */
  const stocked = ['RB-A', 'RB-B', 'RB-C'].map((s) => `${s}-${randomUUID().slice(0, 6).toUpperCase()}`);

  beforeAll(async () => {
    probe = await new KafkaProbe().watch([NOTIFICATION_REQUESTS_TOPIC]);
    stack = await startStack(['order', 'inventory', 'returns', 'customer']);
    j = new Journey(stack, probe);
    await j.location(store);
    await j.location(otherStore);
    await j.location(warehouse, { kind: 'warehouse' });
    for (const location of [store, otherStore, warehouse]) for (const sku of stocked) await j.receive(location, sku, 100_000);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
  });

  const status = async (orderId: string) => (await j.get(orderId)).status as string;

  return { store, otherStore, warehouse, stocked, status, current: () => ({ stack, j }) };
}
