// The demo's preorder journeys (docs/preorders.md): one collected at a store, one delivered home.
// Run by journeys.mjs with what its set-up made (locations, tokens, priced SKUs) in `d`.
import { call, until } from '../lib/stack.mjs';
import { step } from '../lib/setup.mjs';

export async function preorderJourneys(d) {
  const { ord, inv, run, store, warehouse, consoleSku, headsetSku, contact, app, web, posParis, backOffice, warehouseSystem, carrier, status, codeOf } = d;
  step(`demo: preorder with store pickup — ${consoleSku} is released in 2 days; an app customer and a walk-in at ${store}'s POS preorder it`);
  const day = 24 * 3600 * 1000;
  const productOf = (releaseAt) => ({
    releaseAt: releaseAt.toISOString(),
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 2 * day).toISOString(),
    capPerStore: 10,
    capPerCustomer: 2,
  });
  await call('PUT', `${ord}/preorder-products/${consoleSku}`, productOf(new Date(Date.now() + 2 * day)), backOffice);
  const preorderOf = (channel, extra) => ({
    channel,
    currency: 'EUR',
    fulfilments: [{ type: 'pickup', storeId: store, preorder: true, lines: [{ sku: consoleSku, quantity: 1, unitPrice: 49900 }] }],
    ...extra,
  });
  const first = await call('POST', `${ord}/orders`, preorderOf('app', { contact }), app);
  const second = await call('POST', `${ord}/orders`, preorderOf('pos', { contact: { email: 'walk-in@example.com', name: 'Sam Walker' } }), posParis);
  const preorderOfOrder = async (id) => (await call('GET', `${ord}/orders/${id}`, undefined, backOffice)).body.fulfilments[0];
  for (const o of [first, second]) await status(o.body.id, 'PREORDERED');
  for (const o of [first, second]) {
    const g = await preorderOfOrder(o.body.id);
    console.log(
      `  order:     preorder ${o.body.id} → PREORDERED, place ${g.preorder.position} in line, available ${g.preorder.estimatedAvailableAt ?? 'when supply is planned'}`,
    );
  }
  const po = await call(
    'POST',
    `${inv}/supply`,
    { sku: consoleSku, locationId: warehouse, quantity: 1, expectedAt: new Date(Date.now() + day).toISOString(), reference: `PO-${run}` },
    backOffice,
  );
  console.log(`  inventory: supply ${po.body.reference} announced: 1 unit to ${warehouse} tomorrow`);
  await until('estimate', async () => (await preorderOfOrder(first.body.id)).preorder.lines[0].estimatedAt !== null);
  console.log(
    `  order:     first in line now expects it ${(await preorderOfOrder(first.body.id)).preorder.lines[0].estimatedAt} (arrival + transfer), the second has no date yet`,
  );
  await call('POST', `${inv}/supply/${po.body.supplyId}/receipt`, { quantity: 1 }, backOffice);
  await status(first.body.id, 'AWAITING_TRANSFER');
  const preorderTransfers = await until('preorder transfer', async () => {
    const t = await call('GET', `${inv}/locations/${store}/transfers?direction=inbound`, undefined, backOffice);
    const list = (t.body.transfers ?? []).filter((x) => x.status === 'REQUESTED');
    return list.length > 0 && list;
  });
  for (const t of preorderTransfers) {
    await call('POST', `${inv}/transfers/${t.transferId}/ship`, {}, backOffice);
    await call('POST', `${inv}/transfers/${t.transferId}/receive`, {}, backOffice);
  }
  await status(first.body.id, 'ALLOCATED');
  console.log(`  order:     the unit went to the first in line and reached ${store}: ALLOCATED, held until the release date; the walk-in is now first in line`);
  await call('PUT', `${ord}/preorder-products/${consoleSku}`, productOf(new Date(Date.now() - 1000)), backOffice);
  await status(first.body.id, 'READY_FOR_PICKUP');
  const consoleCode = await codeOf(first.body.id);
  await call('POST', `${ord}/stores/${store}/orders/${first.body.id}/collect`, { pickupCode: consoleCode }, posParis);
  await status(first.body.id, 'COLLECTED');
  console.log(`  order:     release brought forward to now: READY_FOR_PICKUP (code ${consoleCode}), collected at ${store}`);

  step(`demo: preorder for home delivery — ${headsetSku} waits at ${warehouse}, where its units are due, and ships on its release date`);
  await call('PUT', `${ord}/preorder-products/${headsetSku}`, productOf(new Date(Date.now() + 2 * day)), backOffice);
  const headsetPo = await call(
    'POST',
    `${inv}/supply`,
    { sku: headsetSku, locationId: warehouse, quantity: 1, expectedAt: new Date(Date.now() + day).toISOString(), reference: `PO-H-${run}` },
    backOffice,
  );
  const address = { name: 'Ada Martin', line1: '3 rue Oberkampf', postcode: '75011', city: 'Paris', country: 'FR' };
  const home = await call(
    'POST',
    `${ord}/orders`,
    {
      channel: 'web',
      currency: 'EUR',
      contact,
      fulfilments: [{ type: 'delivery', address, preorder: true, lines: [{ sku: headsetSku, quantity: 1, unitPrice: 39900 }] }],
    },
    web,
  );
  await status(home.body.id, 'PREORDERED');
  const inLine = await preorderOfOrder(home.body.id);
  console.log(
    `  order:     web preorder ${home.body.id} → PREORDERED at ${inLine.storeId}, place ${inLine.preorder.position}, available ${inLine.preorder.estimatedAvailableAt}`,
  );
  await call('POST', `${inv}/supply/${headsetPo.body.supplyId}/receipt`, { quantity: 1 }, backOffice);
  await status(home.body.id, 'ALLOCATED');
  await call('PUT', `${ord}/preorder-products/${headsetSku}`, productOf(new Date(Date.now() - 1000)), backOffice);
  const released = await status(home.body.id, 'RESERVED').then(() => preorderOfOrder(home.body.id));
  console.log(`  order:     its unit arrived at ${warehouse}: ALLOCATED; release brought forward to now: RESERVED there for picking`);
  await call('POST', `${ord}/stores/${warehouse}/orders/${released.fulfilmentId}/picking`, {}, warehouseSystem);
  await call(
    'POST',
    `${ord}/stores/${warehouse}/orders/${released.fulfilmentId}/picks`,
    { lines: released.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) },
    warehouseSystem,
  );
  await call('POST', `${ord}/stores/${warehouse}/orders/${released.fulfilmentId}/ship`, { carrier: 'Colissimo', trackingNumber: `6H${run}` }, warehouseSystem);
  await call('POST', `${ord}/fulfilments/${released.fulfilmentId}/delivery-outcome`, { outcome: 'DELIVERED' }, carrier);
  await status(home.body.id, 'DELIVERED');
  console.log(`  ${warehouse}: picked, packed, shipped with Colissimo 6H${run}; carrier: delivered`);
}
