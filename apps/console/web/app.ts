// The store operations console in the browser (docs/console.md): only the services' public APIs,
// through clients typed from their OpenAPI documents (api/*.d.ts, generated), with the store
// token the sign-in gives. Picking, collection with the pickup code or an identity document (and
// a supervisor lifting a locked pickup), returns at the counter, customer lookup with the full
// timeline, the store's figures.
import { collect, collectWithIdentity, findOrder, loadPickList, unlock } from './counter.js';
import { lookUp, timelinePage } from './customers.js';
import { loadKpis } from './figures.js';
import { findReturnable, takeReturn } from './returns.js';
import { $, current, refused, say, Session } from './shared.js';

type Screen = 'picking' | 'collection' | 'returns' | 'customers' | 'kpis';

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
  current.session = body as Session;
  sessionStorage.setItem('console-session', JSON.stringify(current.session));
  started();
}

function started(): void {
  const session = current.session;
  if (!session) return;
  $('who').textContent = `Store ${session.storeId} · associate ${session.associateId}`;
  $('sign-in').hidden = true;
  $('tabs').hidden = false;
  say('');
  show('picking');
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
  void collectWithIdentity(
    $<HTMLSelectElement>('id-document').value as 'passport' | 'national-id' | 'driving-licence',
    value('id-name'),
    value('id-number-end'),
  );
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
  current.session = JSON.parse(saved) as Session;
  started();
}
document.body.dataset.ready = 'true';
