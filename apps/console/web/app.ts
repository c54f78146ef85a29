// The store operations console in the browser (docs/console.md): only the services' public APIs,
// through clients typed from their OpenAPI documents (api/*.d.ts, generated), with the store
// token the sign-in gives. Picking, collection with the pickup code or an identity document (and
// a supervisor lifting a locked pickup), returns at the counter, customer lookup with the full
// timeline, the store's figures.
import createClient from 'openapi-fetch';
import type { paths as CustomerPaths } from './api/customer';
import type { components, paths as OrderPaths } from './api/order';
import type { components as ReturnsComponents, paths as ReturnsPaths } from './api/returns';

type PickListOrder = components['schemas']['PickListOrderView'];
type Order = components['schemas']['OrderView'];
type ReturnableOrder = ReturnsComponents['schemas']['ReturnableOrderView'];
type Condition = ReturnsComponents['schemas']['ReturnLineDto']['condition'];
type Screen = 'picking' | 'collection' | 'returns' | 'customers' | 'kpis';
interface Session {
  token: string;
  storeId: string;
  associateId: string;
}
interface Problem {
  code?: string;
  detail?: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let session: Session | null = null;

const clients = (s: Pick<Session, 'token'>) => {
  const headers = { authorization: `Bearer ${s.token}` };
  return {
    order: createClient<OrderPaths>({ baseUrl: `${location.origin}/api/order`, headers }),
    customer: createClient<CustomerPaths>({ baseUrl: `${location.origin}/api/customer`, headers }),
    returns: createClient<ReturnsPaths>({ baseUrl: `${location.origin}/api/returns`, headers }),
  };
};
/** Every change is sent with its own Idempotency-Key: a double tap or a retry applies it once. */
const once = () => ({ 'idempotency-key': crypto.randomUUID() });

function say(text: string, error = false): void {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}
const refused = (what: string, p: unknown) => {
  const problem = (p ?? {}) as Problem;
  say(`${what}: ${problem.detail ?? 'refused'}${problem.code ? ` (${problem.code})` : ''}`, true);
};

function show(screen: Screen): void {
  say('');
  for (const s of document.querySelectorAll<HTMLElement>('.screen')) s.hidden = s.id !== screen;
  for (const b of document.querySelectorAll<HTMLButtonElement>('#tabs button')) {
    if (b.dataset.screen === screen) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  if (screen === 'picking') void loadPickList();
  if (screen === 'kpis') void loadKpis();
  if (screen === 'collection') $('order-id').focus();
  if (screen === 'returns') $('return-order-id').focus();
  if (screen === 'customers') $('lookup-email').focus();
}

async function signIn(storeId: string, associateId: string): Promise<void> {
  const r = await fetch('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ storeId, associateId }) });
  const body = await r.json();
  if (!r.ok) return refused('Sign-in', body);
  session = body as Session;
  sessionStorage.setItem('console-session', JSON.stringify(session));
  started();
}

function started(): void {
  if (!session) return;
  $('who').textContent = `Store ${session.storeId} · associate ${session.associateId}`;
  $('sign-in').hidden = true;
  $('tabs').hidden = false;
  say('');
  show('picking');
}

function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

async function loadPickList(): Promise<void> {
  if (!session) return;
  const { data, error } = await clients(session).order.GET('/stores/{storeId}/pick-list', { params: { path: { storeId: session.storeId } } });
  if (error || !data) return refused('Pick list', error);
  const rows = $<HTMLTableSectionElement>('pick-rows');
  rows.replaceChildren();
  for (const o of data.orders) {
    const row = rows.insertRow();
    row.dataset.orderId = o.orderId;
    cell(row, o.orderId.slice(0, 8)).title = o.orderId;
    cell(row, o.type);
    cell(row, o.status);
    cell(row, o.readyBy ? new Date(o.readyBy).toLocaleString() : '—');
    cell(row, o.lines.map((l) => `${l.quantity - l.pickedQuantity} × ${l.sku}`).join(', '));
    const action = row.insertCell();
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = o.status === 'PICKING' ? 'All picked' : 'Start picking';
    button.setAttribute('aria-label', `${button.textContent} order ${o.orderId.slice(0, 8)}`);
    button.addEventListener('click', () => void (o.status === 'PICKING' ? picked(o) : startPicking(o)));
    action.append(button);
  }
  $('pick-empty').hidden = data.orders.length > 0;
}

async function startPicking(o: PickListOrder): Promise<void> {
  if (!session) return;
  const { error } = await clients(session).order.POST('/stores/{storeId}/orders/{id}/picking', { params: { path: { storeId: session.storeId, id: o.fulfilmentId } }, headers: once() });
  if (error) return refused('Start picking', error);
  say(`Picking order ${o.orderId.slice(0, 8)}`);
  await loadPickList();
}

async function picked(o: PickListOrder): Promise<void> {
  if (!session) return;
  const lines = o.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity }));
  const { error } = await clients(session).order.POST('/stores/{storeId}/orders/{id}/picks', { params: { path: { storeId: session.storeId, id: o.fulfilmentId } }, body: { lines }, headers: once() });
  if (error) return refused('Picks', error);
  say(`Order ${o.orderId.slice(0, 8)} picked: the customer is told it is ready`);
  await loadPickList();
}

let found: { order: Order; fulfilmentId: string } | null = null;

async function findOrder(orderId: string): Promise<void> {
  if (!session) return;
  const { data, error } = await clients(session).order.GET('/orders/{id}', { params: { path: { id: orderId } } });
  if (error || !data) return refused('Order', error);
  const here = data.fulfilments.find((f) => f.type === 'pickup' && f.storeId === session!.storeId);
  if (!here) return say(`Order ${orderId.slice(0, 8)} has no pickup at store ${session.storeId}`, true);
  found = { order: data, fulfilmentId: here.fulfilmentId };
  const facts = $('order-facts');
  facts.replaceChildren();
  const fact = (term: string, value: string) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    facts.append(dt, dd);
  };
  fact('Order', data.id);
  fact('Status', here.status);
  fact('Customer', data.contact?.name ?? '—');
  fact('Items', here.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', '));
  $('order-card').hidden = false;
  $('unlock-form').hidden = true;
  if (here.status === 'READY_FOR_PICKUP' && here.pickupLocked) return locked();
  $('collect-form').hidden = here.status !== 'READY_FOR_PICKUP';
  $('identity-form').hidden = here.status !== 'READY_FOR_PICKUP';
  say(here.status === 'READY_FOR_PICKUP' ? 'Ready: ask for the pickup code' : `Not ready for pickup: ${here.status}`, here.status !== 'READY_FOR_PICKUP');
  if (here.status === 'READY_FOR_PICKUP') $('pickup-code').focus();
}

async function collect(pickupCode: string): Promise<void> {
  if (!session || !found) return;
  const { error } = await clients(session).order.POST('/stores/{storeId}/orders/{id}/collect', {
    params: { path: { storeId: session.storeId, id: found.fulfilmentId } },
    body: { pickupCode },
    headers: once(),
  });
  if ((error as Problem | undefined)?.code === 'PICKUP.LOCKED') return locked();
  if (error) return refused('Hand-over', error);
  handedOver();
}

/** Too many wrong codes: nothing is handed over until a supervisor has checked the customer and lifted the lock. */
function locked(): void {
  $('collect-form').hidden = true;
  $('identity-form').hidden = true;
  $('unlock-form').hidden = false;
  say('Locked after too many wrong codes (PICKUP.LOCKED): a supervisor checks the customer, then lifts the lock', true);
  $('supervisor-id').focus();
}

/**
 * The supervisor steps up at the counter: a five-minute token with store:supervise for this one
 * act, never kept. The lock is lifted with what they checked; the customer then gives the code.
 */
async function unlock(supervisorId: string, reason: string): Promise<void> {
  if (!session || !found) return;
  const r = await fetch('/session/supervisor', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ storeId: session.storeId, supervisorId }) });
  const stepUp = await r.json();
  if (!r.ok) return refused('Supervisor', stepUp);
  const { error } = await clients(stepUp as { token: string }).order.POST('/stores/{storeId}/orders/{id}/pickup-unlock', {
    params: { path: { storeId: session.storeId, id: found.fulfilmentId } },
    body: { reason },
    headers: once(),
  });
  if (error) return refused('Lift the lock', error);
  $('unlock-form').hidden = true;
  $('collect-form').hidden = false;
  $('identity-form').hidden = false;
  $<HTMLInputElement>('pickup-code').value = '';
  say(`Lock lifted by ${supervisorId}: ask for the pickup code again`);
  $('pickup-code').focus();
}

/** The alternative to the code: an identity document whose name is the order's contact name, recorded with the associate. */
async function collectWithIdentity(document_: 'passport' | 'national-id' | 'driving-licence', nameOnDocument: string, documentNumberEnd: string): Promise<void> {
  if (!session || !found) return;
  const { error } = await clients(session).order.POST('/stores/{storeId}/orders/{id}/collect-with-identity', {
    params: { path: { storeId: session.storeId, id: found.fulfilmentId } },
    body: { document: document_, nameOnDocument, documentNumberEnd },
    headers: once(),
  });
  if (error) return refused('Hand-over', error);
  handedOver();
}

function handedOver(): void {
  if (!found) return;
  $('collect-form').hidden = true;
  $('identity-form').hidden = true;
  say(`Order ${found.order.id.slice(0, 8)} collected`);
}

let returnable: ReturnableOrder | null = null;

async function findReturnable(orderId: string): Promise<void> {
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
  say(data.lines.some((l) => l.returnable > 0) ? 'Enter what the customer brings back' : 'Nothing left to return on this order', !data.lines.some((l) => l.returnable > 0));
}

async function takeReturn(refundMethod: 'original-tender' | 'store-credit'): Promise<void> {
  if (!session || !returnable) return;
  const lines = [...$<HTMLTableSectionElement>('returnable-rows').rows]
    .map((row) => ({ lineId: row.dataset.lineId!, quantity: Number(row.querySelector('input')!.value), condition: row.querySelector('select')!.value as Condition }))
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
    const settled = data.difference > 0 ? `${money(data.difference)} paid by card` : data.difference < 0 ? `${money(data.refundAmount)} refunded ${data.refundMethod === 'store-credit' ? 'as store credit' : 'to the original payment'}` : 'even, nothing to pay or refund';
    say(`Exchange ${data.id.slice(0, 8)} ${data.status}: ${settled}`);
    // Inventory takes the replacement off the shelf: follow the exchange until it is decided.
    let status = data.status;
    for (let i = 0; i < 40 && status === 'AWAITING_REPLACEMENT'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await clients(session).returns.GET('/returns/{id}', { params: { path: { id: data.id } } });
      if (now.data) status = now.data.status;
    }
    const outcome = status === 'AWAITING_REPLACEMENT' ? 'the replacement is still being taken off the shelf' : status === 'REPLACEMENT_UNAVAILABLE' ? 'no replacement on the shelf, the customer keeps what they bought' : settled;
    return say(`Exchange ${data.id.slice(0, 8)} ${status}: ${outcome}`, status === 'REPLACEMENT_UNAVAILABLE');
  }
  say(`Return ${data.id.slice(0, 8)} ${data.status}: ${money(data.refundAmount)} refunded ${data.refundMethod === 'store-credit' ? 'as store credit' : 'to the original payment'}`);
}

/**
 * The replacements of an exchange, priced as the order service prices a sale at this store's till
 * now, and the card payment when they cost more than what comes back; `{}` for a plain return,
 * null when the exchange cannot be made (said why).
 */
async function exchangeOf(order: ReturnableOrder, lines: { lineId: string; quantity: number }[]): Promise<{ replacements?: { sku: string; quantity: number; unitPrice: number }[]; charged?: { tender: 'card'; amount: number; reference: string } } | null> {
  const sku = $<HTMLInputElement>('exchange-sku').value.trim();
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
  return { replacements: [{ sku, quantity, unitPrice: data.unitPrice }], ...(owed > 0 ? { charged: { tender: 'card' as const, amount: owed, reference } } : {}) };
}

async function lookUp(email: string, phone: string): Promise<void> {
  if (!session) return;
  if (!email && !phone) return say('Enter an e-mail or a phone number', true);
  const { data, error } = await clients(session).customer.POST('/customers/lookup', { body: { ...(email ? { email } : {}), ...(phone ? { phone } : {}) } });
  if (error || !data) return refused('Lookup', error);
  const results = $('lookup-results');
  results.replaceChildren();
  for (const m of data.matches) {
    const card = document.createElement('article');
    card.className = 'customer';
    const title = document.createElement('h3');
    title.textContent = `${m.profile.name ?? 'No name'} (${m.profile.customerId})`;
    const summary = document.createElement('p');
    summary.textContent = `${m.openOrders.length} open order(s), ${m.pickups.length} pickup(s) waiting; prefers ${m.profile.preferredContactChannel ?? 'e-mail'}`;
    const timeline = document.createElement('ol');
    timeline.setAttribute('aria-label', 'Recent timeline');
    for (const e of m.recentTimeline) {
      const item = document.createElement('li');
      item.textContent = `${new Date(e.occurredAt).toLocaleString()} · ${e.kind} · order ${e.orderId.slice(0, 8)}${e.channel ? ` via ${e.channel}` : ''}${e.storeId ? ` at ${e.storeId}` : ''}`;
      timeline.append(item);
    }
    const full = document.createElement('button');
    full.type = 'button';
    full.textContent = 'Full timeline';
    full.setAttribute('aria-label', `Full timeline of ${m.profile.name ?? m.profile.customerId}`);
    full.addEventListener('click', () => void openTimeline(m.profile.customerId, m.profile.name ?? m.profile.customerId));
    card.append(title, summary, timeline, full);
    results.append(card);
  }
  say(data.matches.length === 0 ? 'No customer found' : `${data.matches.length} customer(s) found`, data.matches.length === 0);
}

/** A customer's whole timeline, a page at a time (newest first), from the customer service. */
const TIMELINE_PAGE = 10;
let timelineOf: { customerId: string; next: string | null } | null = null;

async function openTimeline(customerId: string, name: string): Promise<void> {
  timelineOf = { customerId, next: null };
  $('timeline-rows').replaceChildren();
  $('timeline-title').textContent = `Timeline of ${name}`;
  $('timeline').hidden = false;
  await timelinePage();
  $('timeline-title').focus();
}

async function timelinePage(): Promise<void> {
  if (!session || !timelineOf) return;
  const query = { limit: TIMELINE_PAGE, ...(timelineOf.next ? { cursor: timelineOf.next } : {}) };
  const { data, error } = await clients(session).customer.GET('/customers/{customerId}/timeline', { params: { path: { customerId: timelineOf.customerId }, query } });
  if (error || !data) return refused('Timeline', error);
  const rows = $<HTMLTableSectionElement>('timeline-rows');
  for (const e of data.entries) {
    const row = rows.insertRow();
    cell(row, new Date(e.occurredAt).toLocaleString());
    cell(row, e.kind);
    cell(row, e.orderId.slice(0, 8)).title = e.orderId;
    cell(row, e.channel ?? '—');
    cell(row, e.storeId ?? '—');
  }
  timelineOf.next = data.nextCursor;
  $('timeline-older').hidden = data.nextCursor === null;
  say(`${rows.rows.length} timeline entries${data.nextCursor === null ? ', all of them' : ''}`);
}

/** A share shown as a bar and its percentage (the bar is decoration: the text says it). */
interface Share {
  share: number | null;
}
const share = (s: number | null): Share => ({ share: s });

/** Fills a table body with rows of cells: text, or a share drawn as a bar. */
function fillRows<R>(rowsId: string, emptyId: string, rows: readonly R[], cells: (r: R) => (string | Share)[]): void {
  const body = $<HTMLTableSectionElement>(rowsId);
  body.replaceChildren();
  for (const r of rows) {
    const row = body.insertRow();
    for (const c of cells(r)) {
      if (typeof c === 'string') {
        cell(row, c);
        continue;
      }
      const td = row.insertCell();
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${Math.round((c.share ?? 0) * 6)}rem`;
      bar.setAttribute('aria-hidden', 'true');
      td.append(bar, c.share === null ? '—' : `${Math.round(c.share * 100)} %`);
    }
  }
  $(emptyId).hidden = rows.length > 0;
}

/**
 * The click & collect orders of each day of the window, placed and collected, as bars: a chart
 * for the eye, its figures said in its label and in the table below it.
 */
function chartPickups(rows: readonly { bucket: string; orders: number; collected: number }[], from: Date): void {
  const days = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1 + i)).toISOString().slice(0, 10));
  const per = days.map((d) => ({
    day: d,
    orders: rows.filter((r) => r.bucket.startsWith(d)).reduce((n, r) => n + r.orders, 0),
    collected: rows.filter((r) => r.bucket.startsWith(d)).reduce((n, r) => n + r.collected, 0),
  }));
  const top = Math.max(1, ...per.map((p) => p.orders));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 700 160');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Click & collect orders per day, placed and collected: ${per.map((p) => `${p.day} ${p.orders} placed, ${p.collected} collected`).join('; ')}`);
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.append(e);
  };
  per.forEach((p, i) => {
    const x = 20 + i * 97;
    const h = (n: number) => Math.round((n / top) * 110);
    el('rect', { x, y: 125 - h(p.orders), width: 38, height: h(p.orders), class: 'placed' });
    el('rect', { x: x + 40, y: 125 - h(p.collected), width: 38, height: h(p.collected), class: 'collected' });
    el('text', { x: x + 39, y: 145, 'text-anchor': 'middle' }, p.day.slice(5));
    if (p.orders > 0) el('text', { x: x + 19, y: 120 - h(p.orders), 'text-anchor': 'middle' }, String(p.orders));
  });
  $('kpi-chart').replaceChildren(svg);
}

async function loadKpis(): Promise<void> {
  if (!session) return;
  const to = new Date(Date.now() + 3_600_000);
  const from = new Date(to.getTime() - 7 * 86_400_000);
  const query = { from: from.toISOString(), to: to.toISOString(), granularity: 'day' as const, storeId: session.storeId };
  const { customer, order } = clients(session);
  const [pickups, returns, deliveries, aisle, preorders, carts, credit] = await Promise.all([
    customer.GET('/kpis/click-and-collect', { params: { query } }),
    customer.GET('/kpis/returns', { params: { query } }),
    customer.GET('/kpis/deliveries', { params: { query } }),
    customer.GET('/kpis/endless-aisle', { params: { query } }),
    customer.GET('/kpis/preorders', { params: { query } }),
    // Carts and channel credit are the order service's own records (docs/kpis.md).
    order.GET('/kpis/carts', { params: { query } }),
    order.GET('/kpis/channel-credit', { params: { query } }),
  ]);
  const refusal = [pickups, returns, deliveries, aisle, preorders, carts, credit].find((a) => a.error || !a.data);
  if (refusal) return refused('Figures', refusal.error);
  const money = (minor: number) => (minor / 100).toFixed(2);
  const day = (bucket: string) => bucket.slice(0, 10);
  const p50 = (s: number | null) => (s === null ? '—' : `${Math.round(s)} s`);
  chartPickups(pickups.data!.rows, from);
  fillRows('kpi-rows', 'kpi-empty', pickups.data!.rows, (k) => [day(k.bucket), k.channel ?? 'all', String(k.orders), String(k.ready), String(k.collected), share(k.pickupRate), p50(k.placedToReadyP50s)]);
  fillRows('return-kpi-rows', 'return-kpi-empty', returns.data!.rows, (r) => [
    day(r.bucket),
    r.currency,
    String(r.returns),
    String(r.boughtOnline),
    String(r.exchanges),
    money(r.refundedToTender),
    money(r.refundedAsStoreCredit),
    String(r.unitsRestocked),
    String(r.unitsDamaged + r.unitsReturnToVendor),
  ]);
  fillRows('delivery-kpi-rows', 'delivery-kpi-empty', deliveries.data!.rows, (d) => [day(d.bucket), d.channel ?? 'all', String(d.shipments), share(d.shareOfShipments), String(d.shipped), String(d.delivered), String(d.failed)]);
  fillRows('aisle-kpi-rows', 'aisle-kpi-empty', aisle.data!.rows, (a) => [day(a.bucket), String(a.posOrders), String(a.forDelivery), String(a.forPickupElsewhere), share(a.endlessAisleShare)]);
  fillRows('preorder-kpi-rows', 'preorder-kpi-empty', preorders.data!.rows, (p) => [day(p.bucket), p.channel ?? 'all', String(p.preorders), String(p.allocated), share(p.fillRate), String(p.ready), String(p.collected), String(p.cancelled), String(p.rescheduled)]);
  fillRows('cart-kpi-rows', 'cart-kpi-empty', carts.data!.rows, (c) => [day(c.bucket), c.startedChannel, c.lastChannel, String(c.started), String(c.checkedOut), String(c.abandoned), String(c.open), share(c.conversionRate)]);
  fillRows('credit-kpi-rows', 'credit-kpi-empty', credit.data!.rows, (c) => [
    day(c.bucket),
    c.channel,
    c.currency,
    `${c.sold} · ${money(c.soldAmount)}`,
    `${c.collected} · ${money(c.collectedAmount)}`,
    `${c.shipped} · ${money(c.shippedAmount)}`,
    `${c.exchanged} · ${money(c.exchangedAmount)}`,
    `${c.takenBack} · ${money(c.takenBackAmount)}`,
    money(c.fulfilledForOthersAmount),
  ]);
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void signIn($<HTMLInputElement>('store-id').value, $<HTMLInputElement>('associate-id').value);
});
$('find-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void findOrder($<HTMLInputElement>('order-id').value.trim());
});
$('collect-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void collect($<HTMLInputElement>('pickup-code').value.trim());
});
$('identity-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = (id: string) => $<HTMLInputElement>(id).value.trim();
  void collectWithIdentity($<HTMLSelectElement>('id-document').value as 'passport' | 'national-id' | 'driving-licence', value('id-name'), value('id-number-end'));
});
$('returnable-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void findReturnable($<HTMLInputElement>('return-order-id').value.trim());
});
$('return-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void takeReturn($<HTMLSelectElement>('refund-method').value as 'original-tender' | 'store-credit');
});
$('unlock-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void unlock($<HTMLInputElement>('supervisor-id').value.trim(), $<HTMLInputElement>('unlock-reason').value.trim());
});
$('timeline-older').addEventListener('click', () => void timelinePage());
$('lookup-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void lookUp($<HTMLInputElement>('lookup-email').value.trim(), $<HTMLInputElement>('lookup-phone').value.trim());
});
$('refresh-picks').addEventListener('click', () => void loadPickList());
$('refresh-kpis').addEventListener('click', () => void loadKpis());
for (const b of document.querySelectorAll<HTMLButtonElement>('#tabs button')) b.addEventListener('click', () => show(b.dataset.screen as Screen));

const saved = sessionStorage.getItem('console-session');
if (saved) {
  session = JSON.parse(saved) as Session;
  started();
}
document.body.dataset.ready = 'true';
