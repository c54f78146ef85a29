// A restart of one Deployment (`kubectl rollout restart`) under light load loses nothing: click &
// collect orders are placed through the order Service at a steady pace (each with an
// Idempotency-Key, retried with the same key on a refused connection or a 5xx, as a storefront
// does) while `kubectl rollout restart` replaces a Deployment's pod — inventory's (the reservation
// consumer) or order's (the HTTP edge and the outbox relay). Afterwards the keys must have given distinct orders, every one RESERVED, and
// the store's stock must show exactly one reservation per order: none lost, none applied twice.
import { request } from '../../bench/client.mjs';
import { safeJson } from '../../chaos/http-client.mjs';
import { until } from '../../lib/stack.mjs';
import { NAMESPACE } from './kube-deploy.mjs';
import { sleep } from './proc.mjs';

const UNITS = 500;

/**
 * One request on a connection of its own. Kept-alive connections would not do here: on this
 * one-node cluster a connection to a ClusterIP opened in the moment kube-proxy rewrites the
 * Service's rules (its endpoints gone under the test overlay's Recreate strategy, then back) can
 * miss the DNAT and leave by the host's default route; whatever answers there keeps answering that
 * connection, and a pooled connection would carry every later request to it. A new connection is
 * routed by the rules of its moment. Resolves { status, body, type }; a refused connection rejects.
 */
async function call(method, url, body, { token, headers = {} } = {}) {
  const auth = token ? { authorization: `Bearer ${token}` } : {};
  const res = await request(method, url, { body, headers: { ...auth, ...headers }, agent: false, timeoutMs: 30_000 });
  return { status: res.status, body: res.text ? safeJson(res.text) : null, type: res.headers['content-type'] ?? '' };
}

/** Places one order, retrying with the same Idempotency-Key until accepted or `deadline`. */
async function place(url, body, { token, key, deadline }) {
  const retries = [];
  for (;;) {
    const res = await call('POST', `${url}/orders`, body, { token, headers: { 'idempotency-key': key } }).catch((e) => ({
      status: 0,
      body: e.code ?? e.message,
      type: '',
    }));
    if (res.status === 201 || res.status === 202) return { id: res.body.id, retries };
    // The service answers a refusal with problem+json. A status without a JSON body came from
    // elsewhere (see call): the network, as a refused connection is — retried with the same key.
    const fromService = res.status !== 0 && res.type.includes('json');
    if (fromService && res.status < 500) throw new Error(`placement ${key} refused: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    if (Date.now() > deadline) throw new Error(`placement ${key} not accepted in time: last HTTP ${res.status} ${JSON.stringify(res.body)}`);
    retries.push(res.status === 0 ? res.body : fromService ? `HTTP ${res.status} ${res.body?.code ?? ''}`.trim() : `HTTP ${res.status} not from the service`);
    // Backing off as a storefront's client does: 250 ms, doubling up to 2 s.
    await sleep(Math.min(2000, 250 * 2 ** Math.min(retries.length - 1, 3)));
  }
}

/**
 * Restarts `deployment` while orders arrive every `everyMs`; returns what it saw. `urls` are the
 * Services' base URLs (serviceUrls()).
 */
export async function restartUnderLoad(cluster, urls, { deployment = 'inventory', everyMs = 200 } = {}) {
  const { mintToken } = await import('../../tools/mint-token.mjs');
  const run = Date.now().toString(36).toUpperCase();
  const store = `ROLL-${run}`;
  const sku = `ROLL-SKU-${run}`;
  const backOffice = { token: await mintToken({ sub: 'back-office', scope: 'inventory:read inventory:write orders:read prices:manage' }) };
  const web = { token: await mintToken({ sub: `web:roll-${run}`, channel: 'web', customer_id: `roll-${run}`, scope: 'orders:place orders:read' }) };
  const ok = (res, what) => {
    if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  };
  ok(
    await call(
      'PUT',
      `${urls.inventory}/locations/${store}`,
      { name: store, kind: 'store', timeZone: 'Europe/Paris', offersPickup: true, pickTimeMinutes: 60, pickupHoldDays: 3, transferDays: 2 },
      backOffice,
    ),
    'store',
  );
  ok(await call('POST', `${urls.inventory}/locations/${store}/stock/${sku}/adjustments`, { reason: 'receipt', quantity: UNITS }, backOffice), 'stock');
  ok(await call('PUT', `${urls.order}/price-list/${sku}`, { prices: [{ currency: 'EUR', unitPrice: 1000 }] }, backOffice), 'price');

  const body = { channel: 'web', storeId: store, currency: 'EUR', lines: [{ sku, quantity: 1, unitPrice: 1000 }] };
  const placements = [];
  let stopping = false;
  let n = 0;
  const load = (async () => {
    while (!stopping && n < UNITS) {
      n += 1;
      // Settled here, so that a refusal is reported after the restart, with the cluster's state, not as an unhandled rejection during it.
      placements.push(place(urls.order, body, { ...web, key: `roll-${run}-${n}`, deadline: Date.now() + 120_000 }).catch((error) => ({ error })));
      await sleep(everyMs);
    }
  })();

  await sleep(3000);
  const restartStarted = Date.now();
  const before = JSON.parse(await cluster.kubectl(['-n', NAMESPACE, 'get', 'pods', '-l', `app.kubernetes.io/name=${deployment}`, '-o', 'json'])).items.map(
    (p) => p.metadata.name,
  );
  await cluster.kubectl(['-n', NAMESPACE, 'rollout', 'restart', `deployment/${deployment}`]);
  await cluster.kubectl(['-n', NAMESPACE, 'rollout', 'status', `deployment/${deployment}`, '--timeout=180s']);
  const restartMs = Date.now() - restartStarted;
  const after = JSON.parse(await cluster.kubectl(['-n', NAMESPACE, 'get', 'pods', '-l', `app.kubernetes.io/name=${deployment}`, '-o', 'json'])).items.map(
    (p) => p.metadata.name,
  );
  if (after.some((p) => before.includes(p))) throw new Error(`deployment/${deployment} still runs a pod from before the restart: ${after.join(', ')}`);
  await sleep(3000);
  stopping = true;
  await load;
  const settled = await Promise.all(placements);
  const failed = settled.filter((p) => p.error);
  if (failed.length > 0) throw new Error(`${failed.length} of ${settled.length} placements failed; the first: ${failed[0].error.message}`);
  const orders = settled;

  const reservedBy = Date.now() + 120_000;
  for (const o of orders) {
    await until(
      `order ${o.id} RESERVED`,
      async () => (await call('GET', `${urls.order}/orders/${o.id}`, undefined, backOffice).catch(() => ({ body: null }))).body?.status === 'RESERVED',
      Math.max(1000, reservedBy - Date.now()),
    );
  }
  const ids = new Set(orders.map((o) => o.id));
  if (ids.size !== orders.length) throw new Error(`${orders.length} placements with distinct keys gave ${ids.size} distinct orders`);
  const stock = (await call('GET', `${urls.inventory}/locations/${store}/stock/${sku}`, undefined, backOffice)).body;
  if (stock.reserved !== orders.length || stock.available !== UNITS - orders.length) {
    throw new Error(`${orders.length} orders reserved, but ${store} ${sku} shows reserved ${stock.reserved}, available ${stock.available} of ${UNITS}`);
  }
  const reasons = {};
  for (const r of orders.flatMap((o) => o.retries)) reasons[r] = (reasons[r] ?? 0) + 1;
  const retried =
    Object.entries(reasons)
      .map(([r, n]) => `${n} × ${r}`)
      .join(', ') || 'none';
  return `${orders.length} orders placed during the restart of deployment/${deployment} (${(restartMs / 1000).toFixed(1)} s, pod ${before.join(',')} → ${after.join(',')}); placements retried with the same key: ${retried}; every order RESERVED, stock reserved ${stock.reserved} = orders`;
}
