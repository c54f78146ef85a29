// The deadline pickups of a chaos run: orders made ready for pickup at two stores of short hold
// before the load, left there for the clock jumps, and the check that each was reminded or expired
// exactly as far as the clocks jumped — once, with one notice to its customer.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, superviseConsumer } from '../lib/kafkajs.mjs';
import { safeJson } from './http-client.mjs';
import { CLOCK_JUMP_MS, consumerCrashed, DAY_MS, log, sleep } from './run-context.mjs';

/**
 * Deadline stores: pickups made ready there before the load wait for a clock jump. At the first
 * store (2 days' hold) one jump passes their deadlines: each must expire once. At the second (4
 * days) it lands inside their reminder window (the last day): each must be reminded once, and a
 * second jump expires them once.
 */
const DEADLINE_STORES = [
  { suffix: 'DL2', holdDays: 2 },
  { suffix: 'DL4', holdDays: 4 },
];
const ORDERS_PER_DEADLINE_STORE = 3;

/**
 * Pickups made ready at each deadline store before the load, left there for the clock jumps, and a
 * watch on what is said of them: the order events and the notices to their customers.
 */
export async function deadlinePickups(ctx, ok) {
  const { run, call, place, waitStatus } = ctx;
  const watch = await watchOrders(ctx, ['order.events.v1', 'notification.requests.v1']);
  const stores = [];
  for (const { suffix, holdDays } of DEADLINE_STORES) {
    const storeId = `CHAOS-${run}-${suffix}`;
    const line = { sku: `${storeId}-SKU`, quantity: 1, unitPrice: 1000 };
    ok(
      await call('PUT', 'inventory', `/locations/${storeId}`, {
        name: storeId,
        kind: 'store',
        timeZone: 'Europe/Paris',
        offersPickup: true,
        pickTimeMinutes: 30,
        pickupHoldDays: holdDays,
        transferDays: 2,
      }),
      'deadline store',
    );
    ok(
      await call('POST', 'inventory', `/locations/${storeId}/stock/${line.sku}/adjustments`, { reason: 'receipt', quantity: ORDERS_PER_DEADLINE_STORE }),
      'deadline stock',
    );
    ok(await call('PUT', 'order', `/price-list/${line.sku}`, { prices: [{ currency: 'EUR', unitPrice: line.unitPrice }] }), 'deadline price');
    const orderIds = [];
    for (let k = 0; k < ORDERS_PER_DEADLINE_STORE; k++) {
      const contact = { email: `chaos-${suffix.toLowerCase()}-${k}-${run.toLowerCase()}@example.com`, name: 'Chaos Guest' };
      const placed = await place(call, { channel: 'web', storeId, currency: 'EUR', lines: [line], contact }, randomUUID(), Date.now() + 60_000);
      ok(placed, 'deadline order');
      watch.watch(placed.body.id);
      orderIds.push(placed.body.id);
    }
    for (const id of orderIds) {
      const deadline = Date.now() + 60_000;
      const reserved = await waitStatus(call, id, ['RESERVED'], deadline);
      if (reserved?.status !== 'RESERVED') throw new Error(`deadline order ${id}: ${reserved?.status ?? 'unreadable'}, not RESERVED`);
      const group = reserved.fulfilments[0];
      const at = `/stores/${storeId}/orders/${group.fulfilmentId}`;
      ok(await call('POST', 'order', `${at}/picking`, {}, { deadline }), 'deadline picking');
      ok(
        await call('POST', 'order', `${at}/picks`, { lines: group.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) }, { deadline }),
        'deadline picks',
      );
      if ((await waitStatus(call, id, ['READY_FOR_PICKUP'], deadline))?.status !== 'READY_FOR_PICKUP') throw new Error(`deadline order ${id} never ready`);
    }
    stores.push({ storeId, sku: line.sku, holdDays, orderIds });
  }
  log(`  ${stores.map((x) => `${ORDERS_PER_DEADLINE_STORE} pickups ready at ${x.storeId} (held ${x.holdDays} days)`).join(', ')}, waiting for the clock`);
  return { watch, stores };
}

/**
 * What each deadline store's pickups must have become, given how far the clocks jumped: expired
 * once if a jump passed their deadline, reminded once if a jump landed inside their last day, else
 * still ready; read until it holds or `deadline`.
 */
export async function deadlinesKept({ clock, call }, { watch, stores }, deadline) {
  const reached = clock.jumps.map((_, k) => ((k + 1) * CLOCK_JUMP_MS) / DAY_MS);
  for (;;) {
    const problems = [];
    let expired = 0;
    let reminded = 0;
    for (const { storeId, sku, holdDays, orderIds } of stores) {
      const due = reached.some((d) => d >= holdDays);
      const reminders = reached.some((d) => d >= holdDays - 1 && d < holdDays) ? 1 : 0;
      for (const id of orderIds) {
        const o = (await call('GET', 'order', `/orders/${id}`)).body;
        const status = due ? 'EXPIRED' : 'READY_FOR_PICKUP';
        const counts = {
          'order.expired.v1': watch.count(id, 'order.expired.v1'),
          'notice pickup-expired': watch.count(id, 'notice pickup-expired'),
          'notice pickup-reminder': watch.count(id, 'notice pickup-reminder'),
        };
        const wanted = { 'order.expired.v1': due ? 1 : 0, 'notice pickup-expired': due ? 1 : 0, 'notice pickup-reminder': reminders };
        if (o?.status !== status) problems.push(`${id} at ${storeId}: ${o?.status}, expected ${status}`);
        for (const [what, n] of Object.entries(counts)) if (n !== wanted[what]) problems.push(`${id} at ${storeId}: ${n} × ${what}, expected ${wanted[what]}`);
        expired += counts['order.expired.v1'];
        reminded += counts['notice pickup-reminder'];
      }
      const level = (await call('GET', 'inventory', `/locations/${storeId}/stock/${sku}`)).body;
      const reserved = due ? 0 : orderIds.length;
      if (level?.onHand !== orderIds.length || level?.reserved !== reserved)
        problems.push(`${sku}: on hand ${level?.onHand}, reserved ${level?.reserved}; expected ${orderIds.length} and ${reserved}`);
    }
    const summary = `clocks ${clock.offsetMs / DAY_MS} days ahead after ${clock.jumps.length} jump(s): ${expired} pickups expired, ${reminded} reminded`;
    if (problems.length === 0 || Date.now() > deadline) return { problems, summary };
    await sleep(500);
  }
}

/** Reads topics from the start and counts, per watched order, the distinct events (by ce_id) of each type, and notices (by notificationId) of each template. */
async function watchOrders({ stack, run }, topics) {
  const watched = new Map();
  const kafka = new Kafka({ clientId: 'chaos-deadlines', brokers: [stack.brokers], logLevel: logLevel.NOTHING });
  const consumer = await superviseConsumer(kafka, {
    groupId: `chaos-deadlines-${run}`,
    topics,
    fromBeginning: true,
    onCrash: consumerCrashed('the deadline pickups watch'),
    run: {
      eachMessage: async ({ topic, message }) => {
        const body = safeJson(message.value?.toString() ?? '{}');
        const data = body?.data ?? body;
        const seen = watched.get(data?.orderId ?? message.key?.toString());
        if (!seen) return;
        const header = (name) => message.headers?.[name]?.toString();
        const what = topic.startsWith('notification') ? `notice ${data?.template}` : header('ce_type');
        if (!seen.has(what)) seen.set(what, new Set());
        // A notice goes out as versions 1 and 2 of one request (its notificationId): one notice.
        seen.get(what).add(data?.notificationId ?? header('ce_id') ?? body?.id ?? `${topic}/${message.offset}`);
      },
    },
  });
  return {
    watch: (orderId) => watched.set(orderId, new Map()),
    count: (orderId, what) => watched.get(orderId)?.get(what)?.size ?? 0,
    stop: consumer.stop,
  };
}
