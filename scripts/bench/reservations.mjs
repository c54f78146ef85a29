// The reservation path alone, without the HTTP edge or the order service in front of it.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from '../lib/kafkajs.mjs';
import { cpuBetween } from './processes.mjs';
import { fmt } from './report.mjs';

/**
 * The reservation path alone: `count` order.placed events put straight onto Kafka, timed until
 * every one is answered by inventory (reserved or rejected).
 */
export async function reservationPath({ count, brokers, contracts, skuOf, store, snapshot, outcomes, lag, step, log }) {
  step(`reservation path alone: ${fmt(count)} order.placed events straight onto Kafka`);
  const kafka = new Kafka({ clientId: 'bench-producer', brokers: [brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const ids = Array.from({ length: count }, () => randomUUID());
  const messages = ids.map((orderId, i) => {
    const lineId = randomUUID();
    const fulfilmentId = randomUUID();
    const env = contracts.envelopeFor(contracts.OrderPlacedV2, {
      id: randomUUID(),
      source: '/bench',
      time: new Date(),
      correlationId: randomUUID(),
      causationId: null,
      traceparent: null,
      payload: {
        orderId,
        channel: 'web',
        placedAtStoreId: null,
        customerId: null,
        contact: null,
        currency: 'EUR',
        lines: [{ lineId, sku: skuOf(i), quantity: 1, unitPrice: 1000 }],
        fulfilments: [{ fulfilmentId, type: 'pickup', storeId: store, address: null, lineIds: [lineId] }],
        capturedTenders: [],
        placedAt: new Date().toISOString(),
      },
    });
    return contracts.toWireMessage(env);
  });
  const before = snapshot();
  const t0 = performance.now();
  for (let i = 0; i < messages.length; i += 1000) await producer.send({ topic: 'order.events.v1', messages: messages.slice(i, i + 1000) });
  const deadline = performance.now() + 300_000;
  while (ids.some((id) => !outcomes.seen.reserved.has(id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const done = ids.filter((id) => outcomes.seen.reserved.has(id));
  const last = Math.max(...done.map((id) => outcomes.seen.reserved.get(id)));
  await lag.quiet();
  const cpu = cpuBetween(before, snapshot());
  await producer.disconnect();
  const out = {
    events: count,
    answered: done.length,
    perSecond: done.length / ((last - t0) / 1000),
    cpuMsPerEvent: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v / Math.max(1, done.length)])),
  };
  log(
    `  ${done.length}/${count} answered in ${fmt((last - t0) / 1000, 1)} s: ${fmt(out.perSecond)} reservations/s (consume, reserve, outbox, relay, publish); inventory ${fmt(out.cpuMsPerEvent.inventory, 2)} ms, PostgreSQL ${fmt(out.cpuMsPerEvent.postgres, 2)} ms, Kafka ${fmt(out.cpuMsPerEvent.kafka, 2)} ms of CPU per event`,
  );
  return out;
}
