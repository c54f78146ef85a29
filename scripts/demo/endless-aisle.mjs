// The demo's endless-aisle journeys: a store's POS orders what it lacks for home delivery, shipped
// from the warehouse, and the customer sends it back by mail. Run by journeys.mjs with what its
// set-up made (locations, tokens, priced SKUs) in `d`; gives back the tokens the preorder journeys
// use too: the warehouse's system and the delivery carrier.
import { call, until } from '../lib/stack.mjs';
import { step } from '../lib/setup.mjs';

export async function endlessAisleJourneys(d) {
  const { ord, inv, ret, run, otherStore, warehouse, jeans, backOffice, posLyon, pos, status, mintToken } = d;
  // A run-specific SKU (jeans): delivery sourcing considers every location, those of earlier demo runs included.
  step(`demo: endless aisle — ${otherStore} has no ${jeans}; its POS orders it for home delivery, paid at the till`);
  await call('POST', `${inv}/locations/${warehouse}/stock/${jeans}/adjustments`, { reason: 'receipt', quantity: 2 }, backOffice);
  const aisle = await call(
    'POST',
    `${ord}/orders`,
    {
      channel: 'pos',
      currency: 'EUR',
      contact: { email: 'ada@example.com', phone: '+33 6 12 34 56 78', name: 'Ada Martin' },
      fulfilments: [
        {
          type: 'delivery',
          address: { name: 'Ada Martin', line1: '3 rue Oberkampf', postcode: '75011', city: 'Paris', country: 'FR' },
          lines: [{ sku: jeans, quantity: 1, unitPrice: 8900 }],
        },
      ],
      capturedTenders: [{ tender: 'card', amount: 8900, reference: `TERM-${run}-1` }],
    },
    posLyon,
  );
  console.log(
    `  order:     POS order ${aisle.body.id} placed at ${aisle.body.placedAtStoreId} → ${aisle.body.status}, paid ${(aisle.body.payment.capturedAtPlacement / 100).toFixed(2)} EUR at the till`,
  );
  const group = await until('delivery reserved', async () => {
    const o = await call('GET', `${ord}/orders/${aisle.body.id}`, undefined, backOffice);
    return o.body.fulfilments?.[0]?.status === 'RESERVED' && o.body.fulfilments[0];
  });
  console.log(`  inventory: ${jeans} reserved at ${group.storeId}, which ships it`);
  const warehouseSystem = await pos(warehouse);
  await call('POST', `${ord}/stores/${warehouse}/orders/${group.fulfilmentId}/picking`, {}, warehouseSystem);
  await call(
    'POST',
    `${ord}/stores/${warehouse}/orders/${group.fulfilmentId}/picks`,
    { lines: group.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) },
    warehouseSystem,
  );
  const shipped = await call(
    'POST',
    `${ord}/stores/${warehouse}/orders/${group.fulfilmentId}/ship`,
    { carrier: 'Colissimo', trackingNumber: `6A${run}` },
    warehouseSystem,
  );
  console.log(`  ${warehouse}: picked, packed, shipped with Colissimo 6A${run} → ${shipped.body.status}`);
  const carrier = { token: await mintToken({ sub: 'carrier:colissimo', scope: 'deliveries:report' }) };
  await call('POST', `${ord}/fulfilments/${group.fulfilmentId}/delivery-outcome`, { outcome: 'DELIVERED' }, carrier);
  await status(aisle.body.id, 'DELIVERED');
  console.log(`  carrier:   delivered; the sale stays credited to ${otherStore} (placedAtStoreId), nothing left to capture`);

  step(`demo: a return by mail — the jeans go back to ${warehouse} with the stand-in carrier's label, refunded once received and inspected there`);
  const delivered = await until('the delivered order at the returns service', async () => {
    const r = await call('GET', `${ret}/returnable-orders/${aisle.body.id}`, undefined, backOffice);
    return r.body.lines?.[0]?.returnable === 1 && r.body;
  });
  // A customer-service desk starts it for the walk-in customer (no account): any token without a customer id may.
  const desk = { token: await mintToken({ sub: 'customer-service', scope: 'returns:request orders:read' }) };
  const mailed = await call(
    'POST',
    `${ret}/return-authorisations`,
    { orderId: aisle.body.id, lines: [{ lineId: delivered.lines[0].lineId, quantity: 1 }], method: 'mail', returnTo: warehouse },
    desk,
  );
  const tracking = mailed.body.parcel.trackingNumber;
  console.log(
    `  returns:   authorisation ${mailed.body.code} → HTTP ${mailed.status}, ${mailed.body.parcel.carrier} label ${mailed.body.parcel.labelNumber}, follow it at ${mailed.body.parcel.trackingUrl}`,
  );
  const inspectJeans = (requestId) =>
    call(
      'POST',
      `${ret}/stores/${warehouse}/returns`,
      {
        requestId,
        channel: 'mail',
        authorisationCode: mailed.body.code,
        lines: [{ lineId: delivered.lines[0].lineId, quantity: 1, condition: 'new' }],
        refundMethod: 'original-tender',
      },
      warehouseSystem,
    );
  const early = await inspectJeans(`demo-${run}-m0`);
  console.log(`  ${warehouse}: inspecting before the parcel is here: HTTP ${early.status} ${early.body.code}`);
  const standInCarrier = { token: await mintToken({ sub: 'carrier:stand-in', scope: 'deliveries:report' }) };
  for (const report of ['IN_TRANSIT', 'DELIVERED']) {
    const r = await call('POST', `${ret}/parcels/${tracking}/tracking`, { status: report, at: new Date().toISOString() }, standInCarrier);
    console.log(`  carrier:   parcel ${tracking} ${report} → ${r.body.parcel.status}`);
  }
  const scanned = await call('POST', `${ret}/stores/${warehouse}/parcels/${tracking}/receipt`, undefined, warehouseSystem);
  console.log(`  ${warehouse}: parcel scanned in → ${scanned.body.parcel.status}`);
  const inspected = await inspectJeans(`demo-${run}-m1`);
  console.log(
    `  ${warehouse}: inspected → ${inspected.body.status}, ${(inspected.body.refundAmount / 100).toFixed(2)} EUR back to ${inspected.body.refunds.map((r) => `${r.tender} ${r.reference}`).join(', ')}`,
  );
  await until('the mail refund settled', async () =>
    (await call('GET', `${ret}/returns/${inspected.body.id}`, undefined, warehouseSystem)).body.refunds?.every((r) => r.settledAt !== null),
  );
  console.log('  payment:   refunded by the payment system (return.refund-requested → payment.refunded)');
  return { warehouseSystem, carrier };
}
