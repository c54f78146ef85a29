import { ReturnCompletedV1, ReturnExchangeFailedV1, ReturnExchangeRequestedV1, ReturnReplacementShipmentRequestedV1, schemaErrors } from '@omni/contracts';
import { anAddress } from '@omni/testing';
import {
  nextStatus,
  openReturn,
  replacementIssued,
  replacementRefused,
  RETURN_TRANSITIONS,
  RETURN_TRIGGERS,
  ReturnStatus,
  shipmentPlaced,
  shipmentRefused,
} from './return.machine';
import { aReturn, aReturnRequest as input, LINE_ID as LINE } from './test/builders';

const now = new Date('2026-11-23T12:00:00Z');

describe('the return lifecycle as data', () => {
  const table: [ReturnStatus, string, ReturnStatus | null][] = [
    ['NEW', 'complete', 'COMPLETED'],
    ['NEW', 'awaitReplacement', 'AWAITING_REPLACEMENT'],
    ['AWAITING_REPLACEMENT', 'replacementIssued', 'COMPLETED'],
    ['AWAITING_REPLACEMENT', 'replacementRefused', 'REPLACEMENT_UNAVAILABLE'],
    ['AWAITING_REPLACEMENT', 'shipmentRequested', 'AWAITING_SHIPMENT'],
    ['AWAITING_SHIPMENT', 'shipmentPlaced', 'COMPLETED'],
    ['AWAITING_SHIPMENT', 'shipmentRefused', 'REPLACEMENT_UNAVAILABLE'],
  ];
  it.each(table)('%s --%s--> %s', (from, trigger, to) => {
    expect(nextStatus(from, trigger as never)).toBe(to);
  });

  it('refuses every other move, and the final states have none', () => {
    const allowed = new Set(table.map(([f, t]) => `${f}/${t}`));
    for (const from of Object.keys(RETURN_TRANSITIONS) as ReturnStatus[]) {
      for (const t of RETURN_TRIGGERS) if (!allowed.has(`${from}/${t}`)) expect([from, t, nextStatus(from, t)]).toEqual([from, t, null]);
    }
    expect(RETURN_TRANSITIONS.COMPLETED).toEqual({});
    expect(RETURN_TRANSITIONS.REPLACEMENT_UNAVAILABLE).toEqual({});
  });
});

describe('openReturn', () => {
  it('completes a plain return at once, refunding what came back, with a valid return.completed', () => {
    const d = openReturn(
      input({
        lines: [{ lineId: LINE, sku: 'JACKET-M', quantity: 2, unitPrice: 5000, condition: 'damaged' }],
        verdicts: [{ lineId: LINE, rule: 'window-web', disposition: 'damaged' }],
      }),
      now,
    );
    if (!d.ok) throw new Error(d.code);
    expect(d.state).toMatchObject({
      kind: 'return',
      status: 'COMPLETED',
      refundAmount: 10000,
      refundMethod: 'original-tender',
      difference: -10000,
      completedAt: now,
    });
    expect(d.events.map((e) => e.def)).toEqual([ReturnCompletedV1]);
    expect(schemaErrors(ReturnCompletedV1, d.events[0].payload)).toEqual([]);
    expect(d.events[0].payload).toMatchObject({ storeId: 'S2', orderChannel: 'web', lines: [{ disposition: 'damaged', rule: 'window-web' }] });
  });

  it('makes an even exchange wait for the replacement, asking inventory for it', () => {
    const d = openReturn(input({ replacements: [{ sku: 'JACKET-L', quantity: 1, unitPrice: 5000 }], refundMethod: null }), now);
    if (!d.ok) throw new Error(d.code);
    expect(d.state).toMatchObject({ kind: 'exchange', status: 'AWAITING_REPLACEMENT', difference: 0, refundAmount: 0 });
    expect(d.events.map((e) => e.def)).toEqual([ReturnExchangeRequestedV1]);
    expect(schemaErrors(ReturnExchangeRequestedV1, d.events[0].payload)).toEqual([]);
  });

  it('wants exactly the difference paid at the POS when the replacement costs more', () => {
    const dearer = input({ replacements: [{ sku: 'COAT', quantity: 1, unitPrice: 7000 }], refundMethod: null });
    expect(openReturn(dearer, now)).toMatchObject({ ok: false, code: 'EXCHANGE.PAYMENT_REQUIRED' });
    expect(openReturn({ ...dearer, charged: { tender: 'card', amount: 1999, reference: 'p' } }, now)).toMatchObject({
      ok: false,
      code: 'EXCHANGE.PAYMENT_AMOUNT_MISMATCH',
    });
    expect(openReturn({ ...dearer, charged: { tender: 'card', amount: 2001, reference: 'p' } }, now)).toMatchObject({
      ok: false,
      code: 'EXCHANGE.PAYMENT_AMOUNT_MISMATCH',
    });
    expect(openReturn({ ...dearer, charged: { tender: 'card', amount: 2000, reference: 'p' } }, now)).toMatchObject({
      ok: true,
      state: { difference: 2000, refundAmount: 0 },
    });
  });

  it('refunds the difference when the replacement costs less, and needs a method for it', () => {
    const cheaper = input({ replacements: [{ sku: 'TEE', quantity: 1, unitPrice: 3000 }], refundMethod: null });
    expect(openReturn(cheaper, now)).toMatchObject({ ok: false, code: 'REFUND.METHOD_REQUIRED' });
    expect(openReturn({ ...cheaper, refundMethod: 'store-credit' }, now)).toMatchObject({
      ok: true,
      state: { difference: -2000, refundAmount: 2000, refundMethod: 'store-credit' },
    });
    expect(openReturn({ ...cheaper, refundMethod: 'store-credit', charged: { tender: 'card', amount: 1, reference: 'p' } }, now)).toMatchObject({
      ok: false,
      code: 'EXCHANGE.PAYMENT_NOT_EXPECTED',
    });
  });

  it('gives no store credit to a guest order', () => {
    expect(openReturn(input({ order: { ...input().order, customerId: null }, refundMethod: 'store-credit' }), now)).toMatchObject({
      ok: false,
      code: 'REFUND.NO_ACCOUNT',
    });
  });
});

describe('exchange replies', () => {
  const waiting = () => aReturn({ replacements: [{ sku: 'JACKET-L', quantity: 1, unitPrice: 5000 }] }, now);

  it('completes on the replacement issued, then refuses a second answer', () => {
    const d = replacementIssued(waiting(), now);
    if (!d.ok) throw new Error(d.code);
    expect(d.state.status).toBe('COMPLETED');
    expect(d.events.map((e) => e.def)).toEqual([ReturnCompletedV1]);
    expect(replacementIssued(d.state, now)).toMatchObject({ ok: false, code: 'RETURN.INVALID_TRANSITION' });
    expect(replacementRefused(d.state, 'STOCK.INSUFFICIENT', now)).toMatchObject({ ok: false, code: 'RETURN.INVALID_TRANSITION' });
    expect(d.events[0].payload).not.toHaveProperty('priceOverride');
  });

  it('records in return.completed who priced the replacements off the price list', () => {
    const priceOverride = { by: 'price-match-desk', lines: [{ sku: 'JACKET-L', listPrice: 6000, unitPrice: 5000 }] };
    const d = replacementIssued(aReturn({ replacements: [{ sku: 'JACKET-L', quantity: 1, unitPrice: 5000 }], priceOverride }, now), now);
    if (!d.ok) throw new Error(d.code);
    expect(d.events[0].payload).toMatchObject({ priceOverride });
    expect(schemaErrors(ReturnCompletedV1, d.events[0].payload)).toEqual([]);
  });

  it('is abandoned when the store has no replacement', () => {
    const d = replacementRefused(waiting(), 'STOCK.INSUFFICIENT', now);
    if (!d.ok) throw new Error(d.code);
    expect(d.state).toMatchObject({ status: 'REPLACEMENT_UNAVAILABLE', failureReason: 'STOCK.INSUFFICIENT', completedAt: null });
    expect(d.events.map((e) => e.def)).toEqual([ReturnExchangeFailedV1]);
    expect(schemaErrors(ReturnExchangeFailedV1, d.events[0].payload)).toEqual([]);
  });

  it('asks the order service to ship the replacement when the store has none and the POS gave an address, then completes with its order', () => {
    const address = anAddress();
    const opened = aReturn({ replacements: [{ sku: 'JACKET-L', quantity: 2, unitPrice: 2500 }], shipTo: address }, now);
    const asked = replacementRefused(opened, 'STOCK.INSUFFICIENT', now, { email: 'ada@example.com', phone: null, loyaltyId: 'LOY1' });
    if (!asked.ok) throw new Error(asked.code);
    expect(asked.state).toMatchObject({ status: 'AWAITING_SHIPMENT', failureReason: null, completedAt: null });
    expect(asked.events.map((e) => e.def)).toEqual([ReturnReplacementShipmentRequestedV1]);
    expect(schemaErrors(ReturnReplacementShipmentRequestedV1, asked.events[0].payload)).toEqual([]);
    expect(asked.events[0].payload).toMatchObject({
      storeId: 'S2',
      customerId: 'c-1',
      contact: { email: 'ada@example.com', phone: null, loyaltyId: 'LOY1', name: 'Ada Martin', postcode: '75011' },
      address,
      settledAmount: 5000,
      replacements: [{ sku: 'JACKET-L', quantity: 2, unitPrice: 2500 }],
    });
    const placed = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const done = shipmentPlaced(asked.state, placed, now);
    if (!done.ok) throw new Error(done.code);
    expect(done.state).toMatchObject({ status: 'COMPLETED', replacementOrderId: placed, completedAt: now });
    expect(schemaErrors(ReturnCompletedV1, done.events[0].payload)).toEqual([]);
    expect(done.events[0].payload).toMatchObject({ replacementOrderId: placed, channel: 'store' });
    expect(shipmentPlaced(done.state, placed, now)).toMatchObject({ ok: false, code: 'RETURN.INVALID_TRANSITION' });
    expect(replacementIssued(asked.state, now)).toMatchObject({ ok: false, code: 'RETURN.INVALID_TRANSITION' });
  });

  it('fails the exchange when the order service cannot place the delivery order, naming its reason', () => {
    const opened = aReturn({ replacements: [{ sku: 'JACKET-L', quantity: 1, unitPrice: 2500 }], shipTo: anAddress() }, now);
    const asked = replacementRefused(opened, 'STOCK.INSUFFICIENT', now);
    if (!asked.ok) throw new Error(asked.code);
    const failed = shipmentRefused(asked.state, 'ORDER.TENDER_MISMATCH', now);
    if (!failed.ok) throw new Error(failed.code);
    expect(failed.state).toMatchObject({
      status: 'REPLACEMENT_UNAVAILABLE',
      failureReason: 'ORDER.TENDER_MISMATCH',
      replacementOrderId: null,
      completedAt: null,
    });
    expect(failed.events.map((e) => e.def)).toEqual([ReturnExchangeFailedV1]);
    expect(failed.events[0].payload).toMatchObject({ returnId: opened.id, reason: 'ORDER.TENDER_MISMATCH' });
    expect(schemaErrors(ReturnExchangeFailedV1, failed.events[0].payload)).toEqual([]);
    // Only an exchange waiting for its shipment can be refused one.
    expect(shipmentRefused(opened, 'ORDER.TENDER_MISMATCH', now)).toMatchObject({ ok: false, code: 'RETURN.INVALID_TRANSITION' });
    expect(shipmentRefused(failed.state, 'ORDER.TENDER_MISMATCH', now)).toMatchObject({ ok: false, code: 'RETURN.INVALID_TRANSITION' });
  });

  it('keeps no address on a plain return', () => {
    const d = openReturn(input({ shipTo: anAddress() }), now);
    expect(d).toMatchObject({ ok: true, state: { status: 'COMPLETED', shipTo: null } });
  });
});
