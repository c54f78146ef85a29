import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { Journey, journeyStack, testAddress } from '@omni/testing';

/**
 * What the home-delivery spec files share: the order and inventory services over real Kafka and
 * PostgreSQL, a warehouse two days from the stores, the order and notification events per order,
 * and a delivery group as a storefront sends it. Call it at the top of a `describe`: it registers
 * that block's beforeAll and afterAll (through journeyStack).
 */
export function homeDeliveryJourneys() {
  const warehouse = Journey.id('WH');

  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });

  beforeAll(async () => {
    await e2e.j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
  });

  const events = (orderId: string, type: string) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type }).map((m) => JSON.parse(m.value ?? '{}'));
  const notices = (orderId: string) =>
    e2e.probe.on(NOTIFICATION_REQUESTS_TOPIC, { key: orderId, type: 'notification.requested.v2' }).map((m) => JSON.parse(m.value ?? '{}'));
  const delivery = (lines: { sku: string; quantity: number; unitPrice?: number }[]) => ({
    type: 'delivery',
    address: testAddress,
    lines: lines.map((l) => ({ unitPrice: 1000, ...l })),
  });
  const sku = (name: string) => Journey.id(name);

  return { e2e, warehouse, address: testAddress, events, notices, delivery, sku };
}
