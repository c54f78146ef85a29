// Returns and exchanges at the counter (docs/console.md): any order of any channel, the
// replacement priced as the till prices a sale.
import type { components as ReturnsComponents } from './api/returns';
import { $, cell, clients, current, once, refused, say } from './shared.js';

type ReturnableOrder = ReturnsComponents['schemas']['ReturnableOrderView'];
type Condition = ReturnsComponents['schemas']['ReturnLineDto']['condition'];

let returnable: ReturnableOrder | null = null;

export async function findReturnable(orderId: string): Promise<void> {
  const session = current.session;
  if (!session) return;
  const { data, error } = await clients(session).returns.GET('/returnable-orders/{orderId}', { params: { path: { orderId } } });
  if (error || !data) return refused('Order', error);
  returnable = data;
  const rows = $<HTMLTableSectionElement>('returnable-rows');
  rows.replaceChildren();
  for (const l of data.lines) {
    const row = rows.insertRow();
    row.dataset.lineId = l.lineId;
    cell(row, `${l.quantity} × ${l.sku}`);
    cell(row, `${(l.unitPrice / 100).toFixed(2)} ${data.currency}`);
    cell(row, String(l.returnable));
    const units = document.createElement('input');
    units.type = 'number';
    units.min = '0';
    units.max = String(l.returnable);
    units.value = '0';
    units.disabled = l.returnable === 0;
    units.setAttribute('aria-label', `Units of ${l.sku} returned`);
    row.insertCell().append(units);
    const condition = document.createElement('select');
    condition.setAttribute('aria-label', `Condition of ${l.sku}`);
    for (const c of ['new', 'opened', 'worn', 'damaged', 'faulty'] as const) condition.add(new Option(c, c));
    row.insertCell().append(condition);
  }
  $('return-form').hidden = false;
  say(
    data.lines.some((l) => l.returnable > 0) ? 'Enter what the customer brings back' : 'Nothing left to return on this order',
    !data.lines.some((l) => l.returnable > 0),
  );
}

export async function takeReturn(refundMethod: 'original-tender' | 'store-credit'): Promise<void> {
  const session = current.session;
  if (!session || !returnable) return;
  const lines = [...$<HTMLTableSectionElement>('returnable-rows').rows]
    .map((row) => ({
      lineId: row.dataset.lineId!,
      quantity: Number(row.querySelector('input')!.value),
      condition: row.querySelector('select')!.value as Condition,
    }))
    .filter((l) => l.quantity > 0);
  if (lines.length === 0) return say('Enter the units returned on at least one line', true);
  const exchange = await exchangeOf(returnable, lines);
  if (exchange === null) return;
  const { data, error } = await clients(session).returns.POST('/stores/{storeId}/returns', {
    params: { path: { storeId: session.storeId } },
    // The requestId makes the return itself idempotent: a second tap answers the same return.
    body: { requestId: crypto.randomUUID(), orderId: returnable.orderId, proofOfPurchase: 'receipt', channel: 'store', lines, refundMethod, ...exchange },
    headers: once(),
  });
  if (error || !data) return refused('Return', error);
  $('return-form').hidden = true;
  const money = (minor: number) => `${(minor / 100).toFixed(2)} ${data.currency}`;
  if (data.kind === 'exchange') {
    const settled =
      data.difference > 0
        ? `${money(data.difference)} paid by card`
        : data.difference < 0
          ? `${money(data.refundAmount)} refunded ${data.refundMethod === 'store-credit' ? 'as store credit' : 'to the original payment'}`
          : 'even, nothing to pay or refund';
    say(`Exchange ${data.id.slice(0, 8)} ${data.status}: ${settled}`);
    // Inventory takes the replacement off the shelf: follow the exchange until it is decided.
    let status = data.status;
    for (let i = 0; i < 40 && status === 'AWAITING_REPLACEMENT'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await clients(session).returns.GET('/returns/{id}', { params: { path: { id: data.id } } });
      if (now.data) status = now.data.status;
    }
    const outcome =
      status === 'AWAITING_REPLACEMENT'
        ? 'the replacement is still being taken off the shelf'
        : status === 'REPLACEMENT_UNAVAILABLE'
          ? 'no replacement on the shelf, the customer keeps what they bought'
          : settled;
    return say(`Exchange ${data.id.slice(0, 8)} ${status}: ${outcome}`, status === 'REPLACEMENT_UNAVAILABLE');
  }
  say(
    `Return ${data.id.slice(0, 8)} ${data.status}: ${money(data.refundAmount)} refunded ${data.refundMethod === 'store-credit' ? 'as store credit' : 'to the original payment'}`,
  );
}

/**
 * The replacements of an exchange, priced as the order service prices a sale at this store's till
 * now, and the card payment when they cost more than what comes back; `{}` for a plain return,
 * null when the exchange cannot be made (said why).
 */
async function exchangeOf(
  order: ReturnableOrder,
  lines: { lineId: string; quantity: number }[],
): Promise<{ replacements?: { sku: string; quantity: number; unitPrice: number }[]; charged?: { tender: 'card'; amount: number; reference: string } } | null> {
  const sku = $<HTMLInputElement>('exchange-sku').value.trim();
  const session = current.session;
  if (!sku || !session) return {};
  const quantity = Number($<HTMLInputElement>('exchange-units').value);
  const { data, error } = await clients(session).order.GET('/price-list/{sku}/price', { params: { path: { sku }, query: { currency: order.currency } } });
  if (error || !data) {
    refused('Replacement price', error);
    return null;
  }
  const back = lines.reduce((n, l) => n + l.quantity * (order.lines.find((o) => o.lineId === l.lineId)?.unitPrice ?? 0), 0);
  const owed = quantity * data.unitPrice - back;
  const reference = $<HTMLInputElement>('exchange-payment').value.trim();
  if (owed > 0 && !reference) {
    say(`The replacement costs ${(owed / 100).toFixed(2)} ${order.currency} more: take the card payment, then enter its reference`, true);
    return null;
  }
  return {
    replacements: [{ sku, quantity, unitPrice: data.unitPrice }],
    ...(owed > 0 ? { charged: { tender: 'card' as const, amount: owed, reference } } : {}),
  };
}
