// The journeys of a chaos run, each a customer's and the store's calls from the first to the last
// step — click & collect (collected, cancelled, retried, shipped to the store by transfer),
// home delivery, return, exchange, preorder, cart handed from the web to the POS — and the pickup
// codes the customers were sent, which the journeys collect with.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, superviseConsumer } from '../lib/kafkajs.mjs';
import { mintToken } from '../tools/mint-token.mjs';
import { answered, safeJson } from './http-client.mjs';
import { SKUS, WAREHOUSE_SKUS } from './plan.mjs';
import { consumerCrashed, sleep } from './run-context.mjs';

/** How long after a preorder is placed its product is released: its units arrive before that. */
const RELEASE_AFTER_MS = 30_000;
/** One shipped-to-store journey in this many has its transfer lost on the road. */
const LOST_TRANSFER_EVERY = 5;
/**
 * How long a journey waits, all its steps together, before it counts as failed. A replay stops a
 * service for about half a minute (until its group has let its partitions go), and a journey can
 * live through several faults: seed 4 once had a preorder wait 97 s for its supply to be allocated,
 * across a PostgreSQL restart and the order service stopped by a replay.
 */
const JOURNEY_PATIENCE_MS = 180_000;
const ADDRESS = { name: 'Chaos Guest', line1: '1 rue de la Paix', postcode: '75002', city: 'Paris', country: 'FR' };

/** The pickup codes the customers were sent, read from the notification requests on Kafka. */
export async function pickupCodes({ stack, run }) {
  const kafka = new Kafka({ clientId: 'chaos-codes', brokers: [stack.brokers], logLevel: logLevel.NOTHING });
  const codes = new Map();
  const consumer = await superviseConsumer(kafka, {
    groupId: `chaos-codes-${run}`,
    topics: ['notification.requests.v1'],
    fromBeginning: true,
    onCrash: consumerCrashed('the pickup codes watch'),
    run: {
      eachMessage: async ({ message }) => {
        const n = safeJson(message.value?.toString() ?? '{}');
        const data = n?.data ?? n;
        if (data?.template === 'pickup-ready' && data.pickupCode) codes.set(data.orderId ?? message.key?.toString(), data.pickupCode);
      },
    },
  });
  return { codes, stop: consumer.stop };
}

/** One journey, drawn from the seed: what it did and how it ended. */
export async function journey(ctx, i, { kind, line: planned }, codes) {
  const { run, storeId, sku, warehouseSku, preorderSku, call, applied, place, waitStatus, stats, carrier } = ctx;
  const deadline = Date.now() + JOURNEY_PATIENCE_MS;
  // Each journey is its own caller (a customer, the associates serving them), as in a store: the
  // rate limit is per caller, and one token for every journey would throttle them all together.
  const own = { authorization: `Bearer ${await mintToken({ sub: `chaos-journey-${run}-${i}`, scope: 'admin' })}` };
  const as = (method, service, p, body, opts = {}) => call(method, service, p, body, { headers: own, ...opts });
  const line = {
    sku: kind === 'shipped-to-store' ? warehouseSku(planned.skuIndex % WAREHOUSE_SKUS) : sku(planned.skuIndex),
    quantity: planned.quantity,
    unitPrice: planned.unitPrice,
  };
  const key = randomUUID();
  const contact = { email: `chaos-${i}-${run.toLowerCase()}@example.com`, name: 'Chaos Guest' };
  // A home delivery ships from the store (the only location with the run's SKUs); the others are click & collect there.
  const body =
    kind === 'delivered'
      ? { channel: 'web', currency: 'EUR', fulfilments: [{ type: 'delivery', address: ADDRESS, lines: [line] }], contact }
      : { channel: 'web', storeId, currency: 'EUR', lines: [line], contact };
  const j = { i, kind, key, line, orderIds: new Set(), outcome: 'failed', detail: '' };
  if (kind === 'preordered') return preorderJourney(ctx, j, as, { ...line, sku: preorderSku(i) }, contact, codes, deadline);
  const placed = kind === 'cart' ? await throughCart(ctx, i, line, contact, deadline) : await place(as, body, key, deadline);
  if (placed.failed) return { ...j, detail: placed.failed };
  if (placed.refused) return { ...j, outcome: 'refused', detail: placed.refused };
  if (placed.status === 422 || placed.status === 400) return { ...j, outcome: 'refused', detail: placed.body?.code ?? String(placed.status) };
  if (placed.status !== 201) return { ...j, detail: answered('POST /orders', placed) };
  j.orderIds.add(placed.body.id);
  const orderId = placed.body.id;
  if (kind === 'retried') {
    // The client lost the answer and sends the same request again with the same key.
    const again = await as('POST', 'order', '/orders', body, { key, deadline });
    if (again.status === 201 || again.status === 200) j.orderIds.add(again.body.id);
  }
  let decided = await waitStatus(as, orderId, ['RESERVED', 'AWAITING_TRANSFER', 'REJECTED', 'CANCELLED'], deadline);
  if (!decided) return { ...j, detail: 'never decided' };
  if (decided.status === 'REJECTED') return { ...j, outcome: 'refused', detail: 'REJECTED' };
  if (decided.status === 'AWAITING_TRANSFER' && i % LOST_TRANSFER_EVERY === 0) {
    // This transfer never arrives: shipped, then declared lost. The order waits for the units
    // inventory finds again (the warehouse's next ones, on a new transfer), or gives them up.
    const lost = await loseTransfer(ctx, j, as, decided, deadline);
    if (lost.detail || lost.outcome) return { ...j, ...lost };
    decided = lost.order;
  }
  if (decided.status === 'AWAITING_TRANSFER') {
    // The warehouse ships the units and the store receives them; a retried step answers 409.
    const transferId = decided.fulfilments[0].lines[0].pendingTransferId;
    for (const move of ['ship', 'receive']) {
      const r = await as('POST', 'inventory', `/transfers/${transferId}/${move}`, undefined, { deadline });
      if (!applied(r) && r.status !== 409) return { ...j, detail: answered(`transfer ${move}`, r) };
    }
    decided = await waitStatus(as, orderId, ['RESERVED'], deadline);
    if (decided?.status !== 'RESERVED') return { ...j, detail: `transfer received, order ${decided?.status ?? 'unreadable'}` };
  }
  if (kind === 'cancelled') {
    const c = await as('POST', 'order', `/orders/${orderId}/cancel`, { reason: 'CUSTOMER.REQUEST' }, { deadline });
    if (!applied(c)) return { ...j, detail: answered('cancel', c) };
    return (await waitStatus(as, orderId, ['CANCELLED'], deadline))?.status === 'CANCELLED'
      ? { ...j, outcome: 'completed' }
      : { ...j, detail: 'not cancelled' };
  }
  const group = decided.fulfilments[0];
  const store = `/stores/${storeId}/orders/${group.fulfilmentId}`;
  const picking = await as('POST', 'order', `${store}/picking`, {}, { deadline });
  if (picking.status >= 300 && picking.status !== 409) return { ...j, detail: `picking answered ${picking.status}` };
  const picks = await as(
    'POST',
    'order',
    `${store}/picks`,
    { lines: group.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) },
    { deadline },
  );
  if (picks.status >= 300 && picks.status !== 409) return { ...j, detail: `picks answered ${picks.status}` };
  if (kind === 'delivered') {
    if ((await waitStatus(as, orderId, ['PACKED'], deadline))?.status !== 'PACKED') return { ...j, detail: 'never packed' };
    const shipped = await as('POST', 'order', `${store}/ship`, { carrier: 'chaos-carrier', trackingNumber: `CHAOS${i}` }, { deadline });
    if (!applied(shipped) && shipped.status !== 409) return { ...j, detail: answered('ship', shipped) };
    const outcome = await as('POST', 'order', `/fulfilments/${group.fulfilmentId}/delivery-outcome`, { outcome: 'DELIVERED' }, { deadline, headers: carrier });
    if (!applied(outcome) && outcome.status !== 409) return { ...j, detail: answered('delivery outcome', outcome) };
    return (await waitStatus(as, orderId, ['DELIVERED'], deadline))?.status === 'DELIVERED'
      ? { ...j, outcome: 'completed' }
      : { ...j, detail: 'not delivered' };
  }
  if ((await waitStatus(as, orderId, ['READY_FOR_PICKUP'], deadline))?.status !== 'READY_FOR_PICKUP') return { ...j, detail: 'never ready' };
  while (!codes.has(orderId) && Date.now() < deadline) await sleep(200);
  if (!codes.has(orderId)) return { ...j, detail: 'no pickup code sent' };
  const collected = await as('POST', 'order', `${store}/collect`, { pickupCode: codes.get(orderId) }, { deadline });
  if (!applied(collected)) return { ...j, detail: answered('collect', collected) };
  if ((await waitStatus(as, orderId, ['COLLECTED'], deadline))?.status !== 'COLLECTED') return { ...j, detail: 'not collected' };
  if (kind !== 'returned' && kind !== 'exchanged') return { ...j, outcome: 'completed' };
  // Brought back to the store: the returns service must have heard of the collection first.
  for (;;) {
    const r = await as('GET', 'returns', `/returnable-orders/${orderId}`, undefined, { deadline });
    if (r.status === 200 && r.body.lines?.[0]?.returnable >= line.quantity) break;
    if (Date.now() > deadline) return { ...j, detail: 'never returnable' };
    await sleep(250);
  }
  const lineId = group.lines[0].lineId;
  // An even exchange: the same number of units of the next SKU, at the same price, from the store's shelves.
  const replacements = kind === 'exchanged' ? [{ sku: replacementSku(ctx, line.sku), quantity: line.quantity, unitPrice: line.unitPrice }] : undefined;
  const returnBody = {
    requestId: `chaos-${run}-${i}`,
    orderId,
    lines: [{ lineId, quantity: line.quantity, condition: 'new' }],
    replacements,
    refundMethod: 'original-tender',
  };
  let returned = await as('POST', 'returns', `/stores/${storeId}/returns`, returnBody, { deadline });
  // Applied, its answer lost in a fault: the same request (its requestId) under a new key answers the return it made.
  if (returned.status === 409 && returned.body?.code === 'IDEMPOTENCY.ANSWER_LOST') {
    stats.answersLost++;
    returned = await as('POST', 'returns', `/stores/${storeId}/returns`, returnBody, { deadline });
  }
  if (returned.status !== 201 && returned.status !== 200)
    return { ...j, detail: `${answered('return', returned)} ${JSON.stringify(returned.body).slice(0, 200)}` };
  j.returnId = returned.body.id;
  if (kind === 'returned') return returned.body.status === 'COMPLETED' ? { ...j, outcome: 'completed' } : { ...j, detail: `return ${returned.body.status}` };
  // The store issues the replacement, or refuses it when its shelves are empty: the exchange then
  // fails cleanly and the customer keeps what they bought (a compensated journey).
  for (;;) {
    const r = await as('GET', 'returns', `/returns/${j.returnId}`, undefined, { deadline });
    j.exchange = r.body?.status;
    if (j.exchange === 'COMPLETED') return { ...j, outcome: 'completed' };
    if (j.exchange === 'REPLACEMENT_UNAVAILABLE') return { ...j, outcome: 'refused', detail: 'REPLACEMENT_UNAVAILABLE' };
    if (Date.now() > deadline) return { ...j, detail: `exchange ${j.exchange ?? answered('GET return', r)}` };
    await sleep(250);
  }
}

/** Ships the transfer an order waits for and declares it lost; then the order as it follows that. */
async function loseTransfer({ applied }, j, as, order, deadline) {
  const transferId = order.fulfilments[0].lines[0].pendingTransferId;
  const shipped = await as('POST', 'inventory', `/transfers/${transferId}/ship`, undefined, { deadline });
  if (!applied(shipped) && shipped.status !== 409) return { detail: answered('transfer ship', shipped) };
  // A retry after a lost answer finds it LOST already: 409.
  const lost = await as('POST', 'inventory', `/transfers/${transferId}/lost`, { reason: 'chaos: the carrier lost it' }, { deadline });
  if (!applied(lost) && lost.status !== 409) return { detail: answered('transfer lost', lost) };
  j.lostUnits = j.line.quantity;
  for (;;) {
    const r = await as('GET', 'order', `/orders/${order.id}`, undefined, { deadline });
    if (r.body?.status === 'CANCELLED') return { outcome: 'refused', detail: 'transfer lost, the units nowhere else' };
    if (r.status === 200 && r.body.fulfilments[0].lines[0].pendingTransferId !== transferId) return { order: r.body };
    if (Date.now() > deadline) return { detail: 'the order never followed its lost transfer' };
    await sleep(250);
  }
}

/** What an exchange of a store SKU gives in its place: the next of the run's store SKUs. */
export function replacementSku({ sku }, of) {
  return sku((Number(of.split('-').pop()) + 1) % SKUS);
}

/**
 * A preorder with store pickup: its product opens for preorder, the customer preorders it, the
 * units are announced as incoming supply and received at the store (allocated to the preorder and
 * held), the product is released, the order service's sweeper makes it ready, and it is collected
 * with the code the customer was sent.
 */
async function preorderJourney(ctx, j, as, line, contact, codes, deadline) {
  const { storeId, clock, applied, create, place, waitStatus } = ctx;
  j.line = line;
  // Dates as the services see them: after a clock jump, theirs is ahead of this one.
  const releaseAt = new Date(clock.now() + RELEASE_AFTER_MS);
  const product = {
    releaseAt: releaseAt.toISOString(),
    opensAt: new Date(clock.now() - 3_600_000).toISOString(),
    closesAt: releaseAt.toISOString(),
    capPerStore: 10,
    capPerCustomer: 2,
  };
  const defined = await as('PUT', 'order', `/preorder-products/${line.sku}`, product, { deadline });
  if (!applied(defined)) return { ...j, detail: answered('preorder product', defined) };
  const priced = await as('PUT', 'order', `/price-list/${line.sku}`, { prices: [{ currency: 'EUR', unitPrice: line.unitPrice }] }, { deadline });
  if (!applied(priced)) return { ...j, detail: answered('price', priced) };
  const body = { channel: 'web', currency: 'EUR', contact, fulfilments: [{ type: 'pickup', storeId, preorder: true, lines: [line] }] };
  const placed = await place(as, body, j.key, deadline);
  // Held up by a fault past the release, the preorder is refused as any would be then: cleanly.
  if (placed.status === 422 && placed.body?.code === 'PREORDER.NOT_A_PREORDER') return { ...j, outcome: 'refused', detail: 'PREORDER.NOT_A_PREORDER' };
  if (placed.status !== 201) return { ...j, detail: answered('preorder', placed) };
  const orderId = placed.body.id;
  j.orderIds.add(orderId);
  if ((await waitStatus(as, orderId, ['PREORDERED'], deadline))?.status !== 'PREORDERED') return { ...j, detail: 'never in line' };
  const supply = await create(
    as,
    'inventory',
    '/supply',
    { sku: line.sku, locationId: storeId, quantity: line.quantity, expectedAt: new Date(clock.now()).toISOString(), reference: `PO-${line.sku}` },
    randomUUID(),
    deadline,
  );
  if (!applied(supply) || !supply.body?.supplyId) return { ...j, detail: answered('supply', supply) };
  const receipt = await as('POST', 'inventory', `/supply/${supply.body.supplyId}/receipt`, { quantity: line.quantity }, { deadline });
  if (!applied(receipt)) return { ...j, detail: answered('supply receipt', receipt) };
  j.received = line.quantity;
  const ready = await waitStatus(as, orderId, ['READY_FOR_PICKUP'], deadline);
  if (ready?.status !== 'READY_FOR_PICKUP') return { ...j, detail: `never ready after its release (${ready?.status ?? 'unreadable'})` };
  while (!codes.has(orderId) && Date.now() < deadline) await sleep(200);
  if (!codes.has(orderId)) return { ...j, detail: 'no pickup code sent' };
  const group = ready.fulfilments[0];
  const collected = await as('POST', 'order', `/stores/${storeId}/orders/${group.fulfilmentId}/collect`, { pickupCode: codes.get(orderId) }, { deadline });
  if (!applied(collected)) return { ...j, detail: answered('collect', collected) };
  return (await waitStatus(as, orderId, ['COLLECTED'], deadline))?.status === 'COLLECTED' ? { ...j, outcome: 'completed' } : { ...j, detail: 'not collected' };
}

/**
 * A cart begun by a signed-in customer on the web, handed to the store's POS with a code, claimed
 * there and checked out as a pickup at the store: the placement, or why it failed. A lost answer
 * (409 IDEMPOTENCY.ANSWER_LOST) is followed as a client would: the state is read back.
 */
async function throughCart({ run, storeId, clock, call, applied }, i, line, contact, deadline) {
  const customerId = `chaos-${run}-${i}`.toLowerCase();
  const customer = {
    authorization: `Bearer ${await mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel: 'web', scope: 'orders:place orders:read' })}`,
  };
  const pos = {
    authorization: `Bearer ${await mintToken({ sub: `pos:${storeId}:${i}`, channel: 'pos', store_id: storeId, associate_id: `associate-${i}`, scope: 'store:operate orders:place orders:read' })}`,
  };
  const lost = (r) => r.status === 409 && r.body?.code === 'IDEMPOTENCY.ANSWER_LOST';
  // The customer's open cart: asked again after a lost answer, it is the same cart, continued.
  let created = await call('POST', 'order', '/carts', { channel: 'web', currency: 'EUR', lines: [line] }, { headers: customer, deadline });
  if (lost(created)) created = await call('POST', 'order', '/carts', { channel: 'web', currency: 'EUR', lines: [line] }, { headers: customer, deadline });
  if (!created.body?.cart?.id) return { failed: answered('cart', created) };
  const cartId = created.body.cart.id;
  // A clock jump past the carts' idle limit (a day) abandons a cart mid-journey, as a customer
  // away that long would find it: a clean end, not a failure.
  const jumpsBefore = clock.jumps.length;
  const refused = async (what, res) => {
    const cart = clock.jumps.length > jumpsBefore ? await call('GET', 'order', `/carts/${cartId}`, undefined, { headers: customer, deadline }) : null;
    return cart?.body?.status === 'ABANDONED'
      ? { refused: `cart abandoned: a clock jump passed its idle limit (${answered(what, res)})` }
      : { failed: answered(what, res) };
  };
  let handoff = await call('POST', 'order', `/carts/${cartId}/handoff`, undefined, { headers: customer, deadline });
  if (lost(handoff)) handoff = await call('POST', 'order', `/carts/${cartId}/handoff`, undefined, { headers: customer, deadline });
  if (!handoff.body?.code) return refused('handoff', handoff);
  const claimed = await call('POST', 'order', `/stores/${storeId}/carts/claim`, { code: handoff.body.code }, { headers: pos, deadline });
  if (!applied(claimed)) return refused('claim', claimed);
  const checkout = await call('POST', 'order', `/carts/${cartId}/checkout`, { channel: 'pos', contact }, { headers: pos, deadline });
  if (checkout.status === 409 && checkout.body?.code === 'CART.NOT_OPEN') return refused('checkout', checkout);
  if (!lost(checkout)) return checkout;
  const cart = await call('GET', 'order', `/carts/${cartId}`, undefined, { headers: pos, deadline });
  return cart.body?.orderId ? { status: 201, body: { id: cart.body.orderId } } : { failed: `checkout answer lost, cart ${cart.body?.status}` };
}
