// The invariants a chaos run checks once its load has stopped and the system has settled: no
// order lost or doubled, every order decided and every journey ended, stock conserved and never
// oversold, every return refunded once, every capture and refund settled once, nothing
// dead-lettered but the poison injected, every due pickup reminded or expired once, every outbox
// empty and every consumer caught up.
import { deadLetters } from './dead-letters.mjs';
import { deadlinesKept } from './deadline-pickups.mjs';
import { replacementSku } from './journeys.mjs';
import { SKUS, WAREHOUSE_SKUS } from './plan.mjs';

const FINAL = ['COLLECTED', 'DELIVERED', 'CANCELLED', 'REJECTED'];
/** Statuses in which an order holds its units at the store. */
const HOLDING = ['RESERVED', 'PICKING', 'READY_FOR_PICKUP', 'PACKED'];

/**
 * Checks every invariant, in turn, through `check(name, holds, detail)`, from what the run saw:
 * its journeys (`done`), the units received per SKU (`stock`), the payments still open at the end
 * (`settled`), what the payment system did (`paid`) and how many requests the desk sent again
 * (`sentAgain`), the dead-letter ends before the load and the poison injected, the deadline
 * pickups (null without clock jumps), and whether the outboxes emptied and the consumers caught up.
 */
export async function checkInvariants(ctx, evidence, check) {
  const { call } = ctx;
  const { done, stock, settled, paid, sentAgain, deadLettersBefore, poisonKeys, deadlines, outboxEmpty, caughtUp } = evidence;
  const orders = new Map();
  for (const j of done) for (const id of j.orderIds) orders.set(id, (await call('GET', 'order', `/orders/${id}`)).body);
  const lost = [...orders].filter(([, o]) => !o?.id);
  check('no accepted order lost (every 201 answered is found)', lost.length === 0, lost.map(([id]) => id).join(', '));
  const doubled = done.filter((j) => j.orderIds.size > 1);
  check(
    'no order doubled (a retried request with the same key gives the same order)',
    doubled.length === 0,
    doubled.map((j) => `journey ${j.i}: ${[...j.orderIds].join(' ≠ ')}`).join('; '),
  );
  const unsettled = [...orders].filter(([, o]) => o?.id && !FINAL.includes(o.status) && !HOLDING.includes(o.status) && o.status !== 'SHIPPED');
  check('every order decided (none left PLACED)', unsettled.length === 0, unsettled.map(([id, o]) => `${id} ${o.status}`).join(', '));
  const stuck = done.filter((j) => j.outcome === 'failed');
  check('every journey completed or cleanly refused', stuck.length === 0, stuck.map((j) => `journey ${j.i} (${j.kind}): ${j.detail}`).join('; '));
  const stockProblems = await stockKept(ctx, done, orders, stock);
  check(
    'stock conserved and never oversold (on hand = received − collected − shipped − given in exchange + returned, units in transfer at one end or the other, units on a lost transfer at neither; reserved = what orders hold)',
    stockProblems.length === 0,
    stockProblems.join('; '),
  );
  const refundProblems = await refundsExact(ctx, done);
  check(
    'every return refunded once, exactly what was paid for its units; an even exchange refunds nothing',
    refundProblems.length === 0,
    refundProblems.join('; '),
  );
  const paymentProblems = [
    ...settled.problems,
    ...paid.settledTwice.map((id) => `${id} settled twice`),
    ...paid.unsettled.map((id) => `${id} never settled`),
    ...(sentAgain < paid.refused ? [`${paid.refused} refused, ${sentAgain} sent again`] : []),
  ];
  check(
    'every capture and refund settled once: each one the payment system refused was parked, sent again from the payments desk, then settled',
    paymentProblems.length === 0,
    paymentProblems.length === 0 ? `${paid.requests} asked, ${paid.refused} refused at first and sent again` : paymentProblems.slice(0, 10).join('; '),
  );
  const dlq = await deadLetters(ctx, deadLettersBefore, poisonKeys);
  check('nothing dead-lettered but the poison injected, each with its reason', dlq.unexpected.length === 0, dlq.unexpected.join('; '));
  if (poisonKeys.size > 0) {
    const parked = new Set(dlq.parked.map((d) => d.key));
    const missing = [...poisonKeys].filter((k) => !parked.has(k));
    check(
      'every poison message injected was parked in a dead-letter topic',
      missing.length === 0,
      missing.length === 0 ? `${dlq.parked.length} parked` : `not parked: ${missing.join(', ')}`,
    );
  }
  if (deadlines) {
    const d = await deadlinesKept(ctx, deadlines, Date.now() + 60_000);
    await deadlines.watch.stop();
    check(
      'every pickup whose reminder or deadline a clock jump passed was reminded or expired once: one event, one notice to its customer, its units back on the shelf once; none early',
      d.problems.length === 0,
      d.problems.length === 0 ? d.summary : d.problems.slice(0, 10).join('; '),
    );
  }
  check('every outbox empty', outboxEmpty.ok, outboxEmpty.detail);
  check('every consumer caught up (no lag)', caughtUp.ok, caughtUp.detail);
}

/**
 * How stock strays from what the journeys did: on hand = received − collected − shipped − given in
 * exchange + returned, units in transfer at one end or the other, units on a lost transfer at
 * neither; reserved = what orders hold.
 */
async function stockKept(ctx, done, orders, { perSku, perWarehouseSku }) {
  const { storeId, warehouseId, sku, warehouseSku, call } = ctx;
  const problems = [];
  for (let s = 0; s < SKUS; s++) {
    const level = (await call('GET', 'inventory', `/locations/${storeId}/stock/${sku(s)}`)).body;
    const ofSku = [...orders.values()].filter((o) => o?.lines?.[0]?.sku === sku(s));
    const units = (statuses) =>
      ofSku.filter((o) => statuses.includes(o.status)).reduce((n, o) => n + o.lines[0].quantity - (o.lines[0].cancelledQuantity ?? 0), 0);
    const goneUnits = units(['COLLECTED', 'SHIPPED', 'DELIVERED']);
    const heldUnits = units(HOLDING);
    // Units back on the shelf from completed returns and exchanges; units handed over in exchange.
    const exchangedAway = (j) => j.kind === 'exchanged' && j.exchange === 'COMPLETED';
    const returnedUnits = done
      .filter((j) => (j.kind === 'returned' && j.returnId) || exchangedAway(j))
      .filter((j) => j.line.sku === sku(s))
      .reduce((n, j) => n + j.line.quantity, 0);
    const replacedUnits = done.filter((j) => exchangedAway(j) && replacementSku(ctx, j.line.sku) === sku(s)).reduce((n, j) => n + j.line.quantity, 0);
    const outUnits = goneUnits + replacedUnits;
    if (level.onHand !== perSku - outUnits + returnedUnits)
      problems.push(
        `${sku(s)}: on hand ${level.onHand}, expected ${perSku} − ${goneUnits} collected or shipped − ${replacedUnits} given in exchange + ${returnedUnits} returned`,
      );
    if (level.reserved !== heldUnits) problems.push(`${sku(s)}: reserved ${level.reserved}, orders hold ${heldUnits}`);
    if (level.available < 0 || outUnits - returnedUnits + heldUnits > perSku)
      problems.push(`${sku(s)}: oversold (${outUnits} gone − ${returnedUnits} back + ${heldUnits} held of ${perSku})`);
  }
  for (let w = 0; w < WAREHOUSE_SKUS; w++) {
    // Units shipped to the store by transfer are at one of the two locations, or collected.
    const [atWarehouse, atStore] = [
      (await call('GET', 'inventory', `/locations/${warehouseId}/stock/${warehouseSku(w)}`)).body,
      (await call('GET', 'inventory', `/locations/${storeId}/stock/${warehouseSku(w)}`)).body,
    ];
    const ofSku = [...orders.values()].filter((o) => o?.lines?.[0]?.sku === warehouseSku(w));
    const units = (statuses) =>
      ofSku.filter((o) => statuses.includes(o.status)).reduce((n, o) => n + o.lines[0].quantity - (o.lines[0].cancelledQuantity ?? 0), 0);
    const [collectedUnits, heldUnits] = [units(['COLLECTED']), units([...HOLDING, 'AWAITING_TRANSFER'])];
    // Units on a transfer declared lost are written off: at neither end.
    const lostUnits = done.filter((j) => j.lostUnits && j.line.sku === warehouseSku(w)).reduce((n, j) => n + j.lostUnits, 0);
    const onHand = atWarehouse.onHand + atStore.onHand;
    if (onHand !== perWarehouseSku - collectedUnits - lostUnits)
      problems.push(
        `${warehouseSku(w)}: on hand ${atWarehouse.onHand} at the warehouse + ${atStore.onHand} at the store, expected ${perWarehouseSku} − ${collectedUnits} collected − ${lostUnits} lost`,
      );
    if (atWarehouse.reserved + atStore.reserved !== heldUnits)
      problems.push(`${warehouseSku(w)}: reserved ${atWarehouse.reserved} + ${atStore.reserved}, orders hold ${heldUnits}`);
    if (atWarehouse.available < 0 || atStore.available < 0 || collectedUnits + lostUnits + heldUnits > perWarehouseSku)
      problems.push(`${warehouseSku(w)}: oversold (${collectedUnits} collected + ${lostUnits} lost + ${heldUnits} held of ${perWarehouseSku})`);
  }
  for (const j of done.filter((x) => x.kind === 'preordered' && x.received)) {
    // A preorder's own product: what was received is on hand until collected, and held for it until then.
    const level = (await call('GET', 'inventory', `/locations/${storeId}/stock/${j.line.sku}`)).body;
    const status = orders.get([...j.orderIds][0])?.status;
    const [onHand, reserved] = status === 'COLLECTED' ? [0, 0] : [j.received, ['ALLOCATED', ...HOLDING].includes(status) ? j.received : 0];
    if (level.onHand !== onHand || level.reserved !== reserved)
      problems.push(`${j.line.sku} (preorder, ${status}): on hand ${level.onHand}, reserved ${level.reserved}; expected ${onHand} and ${reserved}`);
  }
  return problems;
}

/** How returns stray from what was paid: each refunded once, exactly its units; an even exchange refunds nothing. */
async function refundsExact({ call }, done) {
  const problems = [];
  for (const j of done.filter((x) => x.returnId)) {
    const r = (await call('GET', 'returns', `/returns/${j.returnId}`)).body;
    if (j.kind === 'exchanged') {
      // An even exchange refunds nothing, whether the replacement was issued or refused.
      const refunded = (r?.refunds ?? []).reduce((n, x) => n + x.amount, 0);
      if (r?.status !== j.exchange || refunded !== 0)
        problems.push(`exchange ${j.returnId} (journey ${j.i}): ${r?.status} (the journey saw ${j.exchange}), refunded ${refunded}`);
      continue;
    }
    const value = j.line.quantity * j.line.unitPrice;
    const refunded = (r?.refunds ?? []).reduce((n, x) => n + x.amount, 0);
    if (r?.status !== 'COMPLETED' || r.refundAmount !== value || refunded !== value)
      problems.push(`return ${j.returnId} (journey ${j.i}): ${r?.status}, refund ${r?.refundAmount}, refunded ${refunded}, paid ${value}`);
  }
  return problems;
}
