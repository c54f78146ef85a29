// The demo journeys `npm start` runs against the local stack, through the services' HTTP APIs,
// with the stand-in payment system and notifier (downstream.mjs) answering over Kafka.
import { call, until } from '../lib/stack.mjs';
import { step } from '../lib/setup.mjs';
import { endlessAisleJourneys } from './endless-aisle.mjs';
import { preorderJourneys } from './preorders.mjs';

/** `services`: each service's port on this host, or its base URL (a Kubernetes Service's, say). */
export async function runDemo({ services: SERVICES, downstream, mintToken }) {
  const base = (s) => (String(s).startsWith('http') ? String(s) : `http://127.0.0.1:${s}`);
  const inv = base(SERVICES.inventory);
  const ord = base(SERVICES.order);
  const cus = base(SERVICES.customer);
  const ret = base(SERVICES.returns);
  const run = Date.now().toString(36).toUpperCase();
  const store = `PARIS-${run}`;
  const otherStore = `LYON-${run}`;
  const warehouse = `WH-${run}`;
  const customer = `demo-customer-${run.toLowerCase()}`;
  // What the storefronts send at checkout: the e-mail makes web and app orders one customer profile.
  const contact = { email: `${customer}@example.com`, name: 'Ada Martin' };

  // Tokens, as the identity provider would issue them (dev key; see README, Calling the APIs).
  const customerScopes = 'orders:place orders:read orders:cancel';
  const web = { token: await mintToken({ sub: `web:${customer}`, channel: 'web', customer_id: customer, scope: customerScopes }) };
  const app = { token: await mintToken({ sub: `app:${customer}`, channel: 'app', customer_id: customer, scope: customerScopes }) };
  const pos = (storeId) =>
    mintToken({
      sub: `pos:${storeId}:1`,
      channel: 'pos',
      store_id: storeId,
      associate_id: 'associate-1',
      scope: 'store:operate orders:place orders:read',
    }).then((token) => ({ token }));
  const posParis = await pos(store);
  const posLyon = await pos(otherStore);
  const backOffice = {
    token: await mintToken({
      sub: 'back-office',
      scope: 'inventory:read inventory:write transfers:operate orders:read customers:read preorders:manage prices:manage',
    }),
  };
  const status = (id, want) =>
    until(`order ${id} ${want}`, async () => ((await call('GET', `${ord}/orders/${id}`, undefined, backOffice)).body.status === want ? true : false));
  const codeOf = (id) =>
    until(`pickup code of ${id}`, async () => downstream.notifications.find((n) => n.orderId === id && n.template === 'pickup-ready')?.pickupCode);

  step('demo set-up: two stores and a warehouse, with stock');
  const location = (id, kind, extra = {}) =>
    call(
      'PUT',
      `${inv}/locations/${id}`,
      { name: id, kind, timeZone: 'Europe/Paris', offersPickup: kind === 'store', pickTimeMinutes: 60, pickupHoldDays: 3, transferDays: 2, ...extra },
      backOffice,
    );
  for (const [id, kind] of [
    [store, 'store'],
    [otherStore, 'store'],
    [warehouse, 'warehouse'],
  ])
    await location(id, kind);
  await call('POST', `${inv}/locations/${store}/stock/SNEAKER-42/adjustments`, { reason: 'receipt', quantity: 3 }, backOffice);
  await call('POST', `${inv}/locations/${warehouse}/stock/PARKA-L/adjustments`, { reason: 'receipt', quantity: 5 }, backOffice);
  await call('POST', `${inv}/locations/${otherStore}/stock/SNEAKER-43/adjustments`, { reason: 'receipt', quantity: 1 }, backOffice);
  // The price list prices every placement: a storefront or POS states the list's price, or is refused.
  const jeans = `JEANS-32-${run}`;
  const consoleSku = `CONSOLE-X-${run}`;
  const headsetSku = `HEADSET-VR-${run}`;
  for (const [sku, unitPrice] of [
    ['SNEAKER-42', 8900],
    ['SNEAKER-43', 8900],
    ['PARKA-L', 19900],
    [jeans, 8900],
    [consoleSku, 49900],
    [headsetSku, 39900],
  ]) {
    await call('PUT', `${ord}/price-list/${sku}`, { prices: [{ currency: 'EUR', unitPrice }] }, backOffice);
  }
  const atp = await call('GET', `${inv}/availability?skus=SNEAKER-42,PARKA-L&stores=${store}`, undefined, backOffice);
  for (const a of atp.body.availability ?? [])
    console.log(`  availability: ${a.sku} at ${a.storeId}: ${a.pickup.mode}${a.pickup.readyBy ? `, ready by ${a.pickup.readyBy}` : ''}`);

  step(`demo: click & collect — web order, reserved at ${store}, picked, ready, collected at the POS`);
  const t0 = Date.now();
  // The storefront asks to wait for the outcome (RFC 7240, docs/adr/0018-placement-outcome.md): its customer learns at checkout whether the units are theirs.
  const placed = await call(
    'POST',
    `${ord}/orders`,
    { channel: 'web', storeId: store, currency: 'EUR', contact, lines: [{ sku: 'SNEAKER-42', quantity: 2, unitPrice: 8900 }] },
    { ...web, headers: { 'idempotency-key': `demo-${run}-1`, prefer: 'wait=10' } },
  );
  console.log(`  order:     web order ${placed.body.id}, placed with Prefer: wait=10 → HTTP ${placed.status} ${placed.body.status} in ${Date.now() - t0} ms`);
  await status(placed.body.id, 'RESERVED');
  console.log(`  order:     RESERVED ${Date.now() - t0} ms after placement (order.placed → inventory.reserved → order.confirmed)`);
  await call('POST', `${ord}/stores/${store}/orders/${placed.body.id}/picking`, {}, posParis);
  await call(
    'POST',
    `${ord}/stores/${store}/orders/${placed.body.id}/picks`,
    { lines: placed.body.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) },
    posParis,
  );
  await status(placed.body.id, 'READY_FOR_PICKUP');
  const code = await codeOf(placed.body.id);
  const wrongStore = await call('POST', `${ord}/stores/${otherStore}/orders/${placed.body.id}/collect`, { pickupCode: code }, posLyon);
  console.log(`  POS ${otherStore}: collect refused, HTTP ${wrongStore.status} ${wrongStore.body.code}`);
  const foreignPos = await call('POST', `${ord}/stores/${store}/orders/${placed.body.id}/collect`, { pickupCode: code }, posLyon);
  console.log(`  POS ${otherStore} on ${store}'s path: refused, HTTP ${foreignPos.status} ${foreignPos.body.code}`);
  const collect = await call('POST', `${ord}/stores/${store}/orders/${placed.body.id}/collect`, { pickupCode: code }, posParis);
  console.log(`  POS ${store}: code ${code} verified → HTTP ${collect.status}`);
  await status(placed.body.id, 'COLLECTED');
  // inventory consumes the reservation when it reads order.collected
  const after = await until('stock to leave the store', async () => {
    const s = await call('GET', `${inv}/locations/${store}/stock/SNEAKER-42`, undefined, backOffice);
    return s.body.reserved === 0 && s.body;
  });
  console.log(`  inventory: ${store} SNEAKER-42 on hand ${after.onHand}, reserved ${after.reserved}, available ${after.available}`);

  step('demo: the customer tells the customer service to reach them by SMS; later notices name that channel');
  const profileId = await until(
    'the customer profile',
    async () =>
      (await call('GET', `${cus}/customers/${customer}/timeline?limit=1`, undefined, web)).body.entries?.length > 0 &&
      (await call('GET', `${cus}/customers/${customer}/timeline?limit=1`, undefined, web)).body.customerId,
  );
  const prefs = await call(
    'PATCH',
    `${cus}/customers/${profileId}/preferences`,
    { preferredContactChannel: 'sms' },
    { ...web, headers: { 'idempotency-key': `demo-${run}-prefs` } },
  );
  console.log(`  customer:  profile ${profileId} → HTTP ${prefs.status}, preferred contact channel ${prefs.body.preferredContactChannel}`);

  step(
    `demo: buy online, exchange in another store — ${otherStore} swaps one pair for a size 43 from its own shelves, and takes the other back as store credit`,
  );
  const receipt = placed.body.id.replace(/-/g, '').slice(0, 12).toUpperCase();
  const found = await until('the order at the returns service', async () => {
    const r = await call('GET', `${ret}/returnable-orders?receipt=${receipt}`, undefined, posLyon);
    return r.body.orders?.[0]?.lines[0].returnable === 2 && r.body.orders[0];
  });
  console.log(
    `  returns:   POS ${otherStore} finds receipt ${receipt}: ${found.channel} order, ${found.lines[0].returnable} × ${found.lines[0].sku} returnable`,
  );
  const line = found.lines[0].lineId;
  // The replacement is sold at the price list's price: the returns service knows the list from the
  // order service's price-list.changed events, so it may be a moment behind the PUT above.
  const exchange = await until('the exchange to be priced', async () => {
    const r = await call(
      'POST',
      `${ret}/stores/${otherStore}/returns`,
      {
        requestId: `demo-${run}-x1`,
        orderId: placed.body.id,
        lines: [{ lineId: line, quantity: 1, condition: 'new' }],
        replacements: [{ sku: 'SNEAKER-43', quantity: 1, unitPrice: 8900 }],
      },
      posLyon,
    );
    return r.body.code !== 'PRICE.NOT_LISTED' && r;
  });
  console.log(`  returns:   exchange ${exchange.body.id} → HTTP ${exchange.status} ${exchange.body.status}`);
  const exchanged = await until('the exchange to complete', async () => {
    const r = await call('GET', `${ret}/returns/${exchange.body.id}`, undefined, posLyon);
    return r.body.status !== 'AWAITING_REPLACEMENT' && r.body;
  });
  console.log(
    `  returns:   ${exchanged.status} at ${exchanged.storeId} (order channel ${exchanged.orderChannel}, policy v${exchanged.policyVersion}, rule ${exchanged.lines[0].rule})`,
  );
  const credit = await call(
    'POST',
    `${ret}/stores/${otherStore}/returns`,
    { requestId: `demo-${run}-r1`, orderId: placed.body.id, lines: [{ lineId: line, quantity: 1, condition: 'opened' }], refundMethod: 'store-credit' },
    posLyon,
  );
  console.log(`  returns:   return ${credit.body.id} → ${credit.body.status}, ${(credit.body.refundAmount / 100).toFixed(2)} EUR as store credit`);
  const thirdUnit = await call(
    'POST',
    `${ret}/stores/${otherStore}/returns`,
    { requestId: `demo-${run}-r2`, orderId: placed.body.id, lines: [{ lineId: line, quantity: 1, condition: 'new' }], refundMethod: 'store-credit' },
    posLyon,
  );
  console.log(`  returns:   a third unit: HTTP ${thirdUnit.status} ${thirdUnit.body.code}: ${thirdUnit.body.errors?.[0]?.rule}`);
  const lyon = await until('restock at the receiving store', async () => {
    const s = await call('GET', `${inv}/locations/${otherStore}/stock/SNEAKER-42`, undefined, backOffice);
    return s.body.onHand === 2 && s.body;
  });
  const lyon43 = (await call('GET', `${inv}/locations/${otherStore}/stock/SNEAKER-43`, undefined, backOffice)).body;
  console.log(`  inventory: ${otherStore} SNEAKER-42 on hand ${lyon.onHand} (both pairs back, sellable), SNEAKER-43 on hand ${lyon43.onHand}`);
  const balance = await until('store credit', async () => (await call('GET', `${ret}/store-credit/${customer}`, undefined, web)).body.balances?.[0]);
  console.log(`  returns:   ${customer} has ${(balance.balance / 100).toFixed(2)} ${balance.currency} of store credit, spendable in any channel`);

  step(`demo: ship-to-store — ${store} lacks PARKA-L; the sourcing rule picks a location that has it (${warehouse} was just stocked)`);
  const parka = await call(
    'POST',
    `${ord}/orders`,
    { channel: 'app', storeId: store, currency: 'EUR', contact, lines: [{ sku: 'PARKA-L', quantity: 1, unitPrice: 19900 }] },
    app,
  );
  await status(parka.body.id, 'AWAITING_TRANSFER');
  console.log(
    `  order:     app order ${parka.body.id} → AWAITING_TRANSFER, ready by ${(await call('GET', `${ord}/orders/${parka.body.id}`, undefined, app)).body.readyBy}`,
  );
  const transfers = await until('transfer', async () => {
    const t = await call('GET', `${inv}/locations/${store}/transfers?direction=inbound`, undefined, backOffice);
    const list = (t.body.transfers ?? []).filter((x) => x.status === 'REQUESTED');
    return list.length > 0 && list;
  });
  for (const t of transfers) {
    await call('POST', `${inv}/transfers/${t.transferId}/ship`, {}, backOffice);
    await call('POST', `${inv}/transfers/${t.transferId}/receive`, {}, backOffice);
    console.log(`  inventory: transfer ${t.transferId} ${t.fromLocationId} → ${store} shipped and received`);
  }
  await status(parka.body.id, 'RESERVED');
  console.log('  order:     RESERVED at the store; the customer cancels before pickup');
  await call('POST', `${ord}/orders/${parka.body.id}/cancel`, { reason: 'found one elsewhere' }, app);
  await status(parka.body.id, 'CANCELLED');

  const { warehouseSystem, carrier } = await endlessAisleJourneys({
    ord,
    inv,
    ret,
    run,
    otherStore,
    warehouse,
    jeans,
    backOffice,
    posLyon,
    pos,
    status,
    mintToken,
  });

  await preorderJourneys({
    ord,
    inv,
    run,
    store,
    warehouse,
    consoleSku,
    headsetSku,
    contact,
    app,
    web,
    posParis,
    backOffice,
    warehouseSystem,
    carrier,
    status,
    codeOf,
  });

  step(`demo: a cart started in the app, handed to an associate at ${store} with a code, priced from the price list, ordered at the POS`);
  await call(
    'PUT',
    `${ord}/price-list/SNEAKER-42`,
    {
      prices: [
        { currency: 'EUR', unitPrice: 8900 },
        { currency: 'EUR', unitPrice: 7900, storeId: store },
      ],
    },
    backOffice,
  );
  console.log(`  prices:    SNEAKER-42 at EUR 89.00, EUR 79.00 at ${store}`);
  const cart = await call('POST', `${ord}/carts`, { channel: 'app', currency: 'EUR', lines: [{ sku: 'SNEAKER-42', quantity: 1, unitPrice: 8900 }] }, app);
  const handoff = await call('POST', `${ord}/carts/${cart.body.cart.id}/handoff`, {}, app);
  console.log(`  cart:      app cart ${cart.body.cart.id}, handoff code ${handoff.body.code} read to the associate`);
  const claimed = await call('POST', `${ord}/stores/${store}/carts/claim`, { code: handoff.body.code }, posParis);
  for (const change of claimed.body.continuation.changes) console.log(`  cart:      at the POS: ${change}`);
  const fromCart = await call(
    'POST',
    `${ord}/carts/${cart.body.cart.id}/checkout`,
    { channel: 'pos', capturedTenders: [{ tender: 'card', amount: claimed.body.cart.total, reference: `TERM-${run}` }] },
    posParis,
  );
  console.log(
    `  order:     ${fromCart.body.id} placed at the POS from the app's cart (started ${fromCart.body.cart.startedChannel}, finished ${fromCart.body.cart.finishedChannel} at ${fromCart.body.cart.finishedStoreId}) → ${fromCart.body.status}`,
  );

  step('demo: an order for more than anyone has is rejected, and nothing is reserved');
  const tooMany = await call(
    'POST',
    `${ord}/orders`,
    { channel: 'app', storeId: store, currency: 'EUR', lines: [{ sku: 'SNEAKER-42', quantity: 5, unitPrice: 8900 }] },
    { ...app, headers: { prefer: 'wait=10' } },
  );
  console.log(
    `  order:     app order ${tooMany.body.id}, placed with Prefer: wait=10 → HTTP ${tooMany.status} ${tooMany.body.status}${tooMany.body.rejectionReason ? ` (${tooMany.body.rejectionReason})` : ''}`,
  );
  await status(tooMany.body.id, 'REJECTED');
  console.log(
    `  order:     app order ${tooMany.body.id} → REJECTED (${(await call('GET', `${ord}/orders/${tooMany.body.id}`, undefined, app)).body.rejectionReason})`,
  );

  step('demo: bad input gets a problem naming the field and rule');
  const bad = await call('POST', `${ord}/orders`, { channel: 'fax', storeId: store, currency: 'EUR', lines: [] }, web);
  console.log(`  order:     HTTP ${bad.status} ${bad.body.code}: ${bad.body.detail}`);
  const cheap = await call(
    'POST',
    `${ord}/orders`,
    { channel: 'web', storeId: store, currency: 'EUR', lines: [{ sku: 'SNEAKER-42', quantity: 1, unitPrice: 1 }] },
    web,
  );
  console.log(`  order:     at a price of its own: HTTP ${cheap.status} ${cheap.body.code}: ${cheap.body.detail}`);
  const anonymous = await call('POST', `${ord}/orders`, {
    channel: 'web',
    storeId: store,
    currency: 'EUR',
    lines: [{ sku: 'SNEAKER-42', quantity: 1, unitPrice: 8900 }],
  });
  console.log(`  order:     without a token: HTTP ${anonymous.status} ${anonymous.body.code}`);

  step(`demo: the customer's timeline (customer service, fed by order events)`);
  const timeline = await until('timeline', async () => {
    const t = await call('GET', `${cus}/customers/${customer}/timeline`, undefined, web);
    return t.body.entries.length >= 3 && t.body;
  });
  for (const e of timeline.entries) console.log(`  customer:  ${e.occurredAt} ${e.kind} ${e.orderId} via ${e.channel} at ${e.storeId}`);
  await until('payment results', async () => (await call('GET', `${ord}/orders/${placed.body.id}`, undefined, web)).body.payment !== undefined);
  return { store };
}
