// Picking and collection at the store (docs/console.md): the pick list, the hand-over with the
// pickup code or an identity document, and a supervisor lifting a locked pickup.
import type { components } from './api/order';
import { $, cell, clients, current, once, Problem, refused, say } from './shared.js';

type PickListOrder = components['schemas']['PickListOrderView'];
type Order = components['schemas']['OrderView'];

export async function loadPickList(): Promise<void> {
  const session = current.session;
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
  const session = current.session;
  if (!session) return;
  const { error } = await clients(session).order.POST('/stores/{storeId}/orders/{id}/picking', {
    params: { path: { storeId: session.storeId, id: o.fulfilmentId } },
    headers: once(),
  });
  if (error) return refused('Start picking', error);
  say(`Picking order ${o.orderId.slice(0, 8)}`);
  await loadPickList();
}

async function picked(o: PickListOrder): Promise<void> {
  const session = current.session;
  if (!session) return;
  const lines = o.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity }));
  const { error } = await clients(session).order.POST('/stores/{storeId}/orders/{id}/picks', {
    params: { path: { storeId: session.storeId, id: o.fulfilmentId } },
    body: { lines },
    headers: once(),
  });
  if (error) return refused('Picks', error);
  say(`Order ${o.orderId.slice(0, 8)} picked: the customer is told it is ready`);
  await loadPickList();
}

let found: { order: Order; fulfilmentId: string } | null = null;

export async function findOrder(orderId: string): Promise<void> {
  const session = current.session;
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

export async function collect(pickupCode: string): Promise<void> {
  const session = current.session;
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
export async function unlock(supervisorId: string, reason: string): Promise<void> {
  const session = current.session;
  if (!session || !found) return;
  const r = await fetch('/session/supervisor', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeId: session.storeId, supervisorId }),
  });
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
export async function collectWithIdentity(
  document_: 'passport' | 'national-id' | 'driving-licence',
  nameOnDocument: string,
  documentNumberEnd: string,
): Promise<void> {
  const session = current.session;
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
