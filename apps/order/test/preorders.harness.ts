import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { Group, http, Journey, journeyStack } from '@omni/testing';

export const DAY = 24 * 3600 * 1000;

export interface PreorderView {
  releaseAt: string;
  estimatedAvailableAt: string | null;
  position: number | null;
  lines: { lineId: string; sequence: number | null; position: number | null; estimatedAt: string | null }[];
}

/**
 * What the preorder spec files share (journey 2, preorder with store pickup and for home
 * delivery): the order and inventory services over real Kafka and PostgreSQL with a fast expiry
 * sweeper, a warehouse, and the calls a storefront and a back office make to set up preorder
 * products, place preorders, announce and receive supply and read the queues. Call it at the top
 * of a `describe`: it registers that block's beforeAll and afterAll (through journeyStack).
 */
export function preorderJourneys() {
  const warehouse = Journey.id('WH');

  const e2e = journeyStack(['order', 'inventory'], {
    topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC],
    env: { EXPIRY_SWEEP_INTERVAL_MS: '500' },
  });

  beforeAll(async () => {
    await e2e.j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
  });

  const events = (orderId: string, type: string) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type }).map((m) => JSON.parse(m.value ?? '{}'));
  const notices = (orderId: string) =>
    e2e.probe.on(NOTIFICATION_REQUESTS_TOPIC, { key: orderId, type: 'notification.requested.v2' }).map((m) => JSON.parse(m.value ?? '{}'));
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };

  async function product(sku: string, { releaseInDays = 7, capPerStore = 100, capPerCustomer = 2, opensInDays = -1 } = {}): Promise<Date> {
    const releaseAt = new Date(Date.now() + releaseInDays * DAY);
    ok(
      await http('PUT', `${e2e.j.order}/preorder-products/${sku}`, {
        releaseAt: releaseAt.toISOString(),
        opensAt: new Date(Date.now() + opensInDays * DAY).toISOString(),
        closesAt: new Date(releaseAt.getTime() + (opensInDays > 0 ? DAY : 0)).toISOString(),
        capPerStore,
        capPerCustomer,
      }),
      'preorder product',
    );
    return releaseAt;
  }

  const preorderBody = (store: string, sku: string, customerId: string, quantity = 1) => ({
    channel: 'app',
    customerId,
    currency: 'EUR',
    fulfilments: [{ type: 'pickup', storeId: store, preorder: true, lines: [{ sku, quantity, unitPrice: 49900 }] }],
  });
  const preorder = (store: string, sku: string, customerId: string, quantity = 1) => e2e.j.placeOrder(preorderBody(store, sku, customerId, quantity));
  const group = async (orderId: string): Promise<Group & { preorder: PreorderView }> => (await e2e.j.get(orderId)).fulfilments[0];
  const supply = async (sku: string, locationId: string, quantity: number, expectedAt: Date) =>
    ok(
      await http('POST', `${e2e.j.inventory}/supply`, { sku, locationId, quantity, expectedAt: expectedAt.toISOString(), reference: `PO-${sku}` }),
      'announce supply',
    ).supplyId as string;
  const receive = async (supplyId: string, quantity: number) =>
    ok(await http('POST', `${e2e.j.inventory}/supply/${supplyId}/receipt`, { quantity }), 'receive supply');
  const queue = async (store: string, sku: string) =>
    (await http('GET', `${e2e.j.inventory}/locations/${store}/preorder-queues/${sku}`)).body.entries as {
      orderId: string;
      sequence: number;
      status: string;
      allocated: number;
      position: number | null;
    }[];
  const statuses = async (ids: string[]) => Promise.all(ids.map(async (id) => (await e2e.j.get(id)).status as string));

  return { e2e, warehouse, events, notices, ok, product, preorderBody, preorder, group, supply, receive, queue, statuses };
}
