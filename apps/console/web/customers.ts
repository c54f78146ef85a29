// Customer lookup at the store (docs/console.md): one customer across channels, with the full
// timeline a page at a time.
import { $, cell, clients, current, refused, say } from './shared.js';

export async function lookUp(email: string, phone: string): Promise<void> {
  const session = current.session;
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
  $<HTMLButtonElement>('timeline-older').disabled = false;
  $('timeline-rows').replaceChildren();
  $('timeline-title').textContent = `Timeline of ${name}`;
  $('timeline').hidden = false;
  await timelinePage();
  $('timeline-title').focus();
}

/**
 * The next page of the open timeline. The button is disabled while a page loads: a double tap
 * would otherwise ask for the same cursor twice and show its entries twice.
 */
export async function timelinePage(): Promise<void> {
  const session = current.session;
  const of = timelineOf;
  const older = $<HTMLButtonElement>('timeline-older');
  if (!session || !of || older.disabled) return;
  older.disabled = true;
  const query = { limit: TIMELINE_PAGE, ...(of.next ? { cursor: of.next } : {}) };
  const { data, error } = await clients(session)
    .customer.GET('/customers/{customerId}/timeline', { params: { path: { customerId: of.customerId }, query } })
    .finally(() => {
      older.disabled = false;
    });
  // Another customer's timeline was opened meanwhile: this page is not theirs.
  if (of !== timelineOf) return;
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
  of.next = data.nextCursor;
  older.hidden = data.nextCursor === null;
  say(`${rows.rows.length} timeline entries${data.nextCursor === null ? ', all of them' : ''}`);
}
