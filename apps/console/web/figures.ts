// The store's figures (docs/kpis.md): the week's click & collect orders as a chart, then every
// KPI family as a table, from the customer and order services' KPI endpoints.
import { $, clients, current, fillRows, refused, share } from './shared.js';

/**
 * The click & collect orders of each day of the window, placed and collected, as bars: a chart
 * for the eye, its figures said in its label and in the table below it.
 */
function chartPickups(rows: readonly { bucket: string; orders: number; collected: number }[], from: Date): void {
  const days = Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1 + i)).toISOString().slice(0, 10),
  );
  const per = days.map((d) => ({
    day: d,
    orders: rows.filter((r) => r.bucket.startsWith(d)).reduce((n, r) => n + r.orders, 0),
    collected: rows.filter((r) => r.bucket.startsWith(d)).reduce((n, r) => n + r.collected, 0),
  }));
  const top = Math.max(1, ...per.map((p) => p.orders));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 700 160');
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    `Click & collect orders per day, placed and collected: ${per.map((p) => `${p.day} ${p.orders} placed, ${p.collected} collected`).join('; ')}`,
  );
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

export async function loadKpis(): Promise<void> {
  const session = current.session;
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
  fillRows('kpi-rows', 'kpi-empty', pickups.data!.rows, (k) => [
    day(k.bucket),
    k.channel ?? 'all',
    String(k.orders),
    String(k.ready),
    String(k.collected),
    share(k.pickupRate),
    p50(k.placedToReadyP50s),
  ]);
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
  fillRows('delivery-kpi-rows', 'delivery-kpi-empty', deliveries.data!.rows, (d) => [
    day(d.bucket),
    d.channel ?? 'all',
    String(d.shipments),
    share(d.shareOfShipments),
    String(d.shipped),
    String(d.delivered),
    String(d.failed),
  ]);
  fillRows('aisle-kpi-rows', 'aisle-kpi-empty', aisle.data!.rows, (a) => [
    day(a.bucket),
    String(a.posOrders),
    String(a.forDelivery),
    String(a.forPickupElsewhere),
    share(a.endlessAisleShare),
  ]);
  fillRows('preorder-kpi-rows', 'preorder-kpi-empty', preorders.data!.rows, (p) => [
    day(p.bucket),
    p.channel ?? 'all',
    String(p.preorders),
    String(p.allocated),
    share(p.fillRate),
    String(p.ready),
    String(p.collected),
    String(p.cancelled),
    String(p.rescheduled),
  ]);
  fillRows('cart-kpi-rows', 'cart-kpi-empty', carts.data!.rows, (c) => [
    day(c.bucket),
    c.startedChannel,
    c.lastChannel,
    String(c.started),
    String(c.checkedOut),
    String(c.abandoned),
    String(c.open),
    share(c.conversionRate),
  ]);
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
