import { NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, httpAs, Journey, KafkaProbe, mintToken, Stack, startStack, testAddress, tokens } from '@omni/testing';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { RunningConsole, startConsole } from '../src/console.server';

/** Debian's chromium (npm test installs it where it can), or the one CHROMIUM_PATH names. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found)
    throw new Error(
      "no Chromium: npm test installs Debian's chromium package where it can (scripts/lib/setup.mjs ensureChromium); elsewhere install it or set CHROMIUM_PATH",
    );
  return found;
}

const SCREENSHOTS = path.resolve(__dirname, '../../../docs/console');

/**
 * The store console in a real browser (Chromium driven by Playwright) against the real order,
 * inventory, returns and customer services, Kafka and PostgreSQL: an associate signs in with the
 * keyboard, picks an order from the pick list, hands it over with the code the customer was sent
 * (a wrong code first: refused, with its reason), hands another over against an identity document,
 * has a supervisor lift a pickup locked by wrong codes, takes a return at the counter, looks the
 * customer up and pages through their whole timeline, and sees the store's figures count it all —
 * with a delivery the store ships, a till sale handed over at another store, a preorder and a cart.
 * Each screen is written to docs/console/ as a screenshot.
 */
describe('store console in the browser', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let j: Journey;
  let console_: RunningConsole;
  let browser: Browser;
  let page: Page;
  const store = Journey.id('CONSOLE');
  const email = `${Journey.id('ada').toLowerCase()}@example.com`;
  // Her own storefront account: Journey.place's default one is every spec file's, and this customer service reads their orders too.
  const account = Journey.id('ada-account');

  beforeAll(async () => {
    probe = await new KafkaProbe().watch([NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC]);
    stack = await startStack(['order', 'inventory', 'returns', 'customer']);
    j = new Journey(stack, probe);
    await j.location(store);
    const url = (s: keyof Stack['services']) => stack.services[s]?.url ?? 'http://127.0.0.1:9';
    console_ = await startConsole({
      services: { order: url('order'), inventory: url('inventory'), returns: url('returns'), customer: url('customer') },
      mint: (claims, options) => mintToken({ ...claims, expiresIn: options?.ttlSeconds }),
      supervisors: (storeId) => (storeId === store ? ['supervisor-1'] : []),
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
    // A tablet at the counter.
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await console_?.close();
    await stack?.stop();
    await probe?.close();
  });

  const statusText = () => page.locator('#status').textContent();

  it('refuses a sign-in without a valid store, naming the field', async () => {
    const r = await fetch(`${console_.url}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ storeId: '../x', associateId: 'a-1' }),
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'storeId', rule: 'matches' }] });
  });

  it('steps a supervisor up only when the store names them, for five minutes, with store:supervise', async () => {
    const stepUp = (body: unknown) =>
      fetch(`${console_.url}/session/supervisor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await stepUp({ storeId: store, supervisorId: 'associate-7' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'CONSOLE.NOT_SUPERVISOR' });
    const bad = await stepUp({ storeId: store, supervisorId: '' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'supervisorId', rule: 'matches' }] });
    const ok = await stepUp({ storeId: store, supervisorId: 'supervisor-1' });
    expect(ok.status).toBe(200);
    const { token, expiresInSeconds } = (await ok.json()) as { token: string; expiresInSeconds: number };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      scope: string;
      store_id: string;
      associate_id: string;
      exp: number;
      iat: number;
    };
    expect([claims.scope, claims.store_id, claims.associate_id, claims.exp - claims.iat, expiresInSeconds]).toEqual([
      'store:operate store:supervise',
      store,
      'supervisor-1',
      300,
      300,
    ]);
  });

  it('refuses a body over 100 kB with 413, as the services do, without sending it on', async () => {
    const big = JSON.stringify({ storeId: store, associateId: 'a-1', note: 'x'.repeat(120_000) });
    for (const target of ['/session', `/api/order/orders`]) {
      const r = await fetch(`${console_.url}${target}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect([target, r.status]).toEqual([target, 413]);
      expect(await r.json()).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    }
  });

  it('picks an order, hands orders over with the pickup code or an identity document, takes a return, finds the customer, and counts it all in the store figures', async () => {
    const sku = Journey.id('SKU');
    await j.receive(store, sku, 5);
    await j.price(sku, 1000);
    const order = await j.place(store, [{ sku, quantity: 2 }], { customerId: account, contact: { name: 'Ada Lovelace', email } });
    await j.status(order.id, 'RESERVED');

    // Signed in with the keyboard only.
    await page.goto(console_.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in.png') });
    await page.focus('#store-id');
    await page.keyboard.type(store);
    await page.keyboard.press('Tab');
    await page.keyboard.type('associate-7');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tabs:not([hidden])');
    expect(await page.locator('#who').textContent()).toBe(`Store ${store} · associate associate-7`);

    // The pick list: start picking, then all picked.
    const row = page.locator(`tr[data-order-id="${order.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`2 × ${sku}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pick-list.png') });
    await row.getByRole('button', { name: /^Start picking/ }).click();
    await row.getByRole('button', { name: /^All picked/ }).click();
    await row.waitFor({ state: 'detached' });
    await j.groupStatus(order.id, 'READY_FOR_PICKUP');
    const code = await j.pickupCode(order.id);

    // Collection: a wrong code is refused with its reason and changes nothing; the right one hands it over.
    await page.getByRole('button', { name: 'Collection' }).click();
    const collection = page.locator('#collection');
    await collection.getByLabel('Order number').fill(order.id);
    await collection.getByRole('button', { name: 'Find' }).click();
    await eventually(async () => expect(await statusText()).toBe('Ready: ask for the pickup code'));
    expect(await page.locator('#order-facts').textContent()).toContain('Ada Lovelace');
    await page.getByLabel('Pickup code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Hand over', exact: true }).click();
    await eventually(async () => expect(await statusText()).toContain('PICKUP.CODE_INVALID'));
    expect((await j.get(order.id)).status).toBe('READY_FOR_PICKUP');
    await page.getByLabel('Pickup code').fill(code);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'collection.png') });
    await page.getByRole('button', { name: 'Hand over', exact: true }).click();
    await eventually(async () => expect(await statusText()).toBe(`Order ${order.id.slice(0, 8)} collected`));
    await j.status(order.id, 'COLLECTED');

    // Another order, picked by the API; its customer has no code: handed over against an identity
    // document whose name must be the order's contact name (a wrong one refused, nothing changed).
    const second = await j.place(store, [{ sku, quantity: 1 }], { customerId: account, contact: { name: 'Ada Lovelace', email } });
    await j.status(second.id, 'RESERVED');
    await j.pickAll(store, second.id);
    await collection.getByLabel('Order number').fill(second.id);
    await collection.getByRole('button', { name: 'Find' }).click();
    await eventually(async () => expect(await statusText()).toBe('Ready: ask for the pickup code'));
    await page.getByLabel('Document', { exact: true }).selectOption('national-id');
    await page.getByLabel('Name on the document').fill('Ada Byron');
    await page.getByLabel('Last 4 characters of its number').fill('7K2Q');
    await page.getByRole('button', { name: 'Hand over against the document' }).click();
    await eventually(async () => expect(await statusText()).toContain('PICKUP.IDENTITY_MISMATCH'));
    expect((await j.get(second.id)).status).toBe('READY_FOR_PICKUP');
    await page.getByLabel('Name on the document').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Hand over against the document' }).click();
    await eventually(async () => expect(await statusText()).toBe(`Order ${second.id.slice(0, 8)} collected`));
    await j.status(second.id, 'COLLECTED');

    // A third order whose customer gets the code wrong five times: locked. The associate cannot
    // lift the lock; the supervisor steps up, says what they checked, and the right code hands it over.
    const third = await j.place(store, [{ sku, quantity: 1 }], { customerId: account, contact: { name: 'Ada Lovelace', email } });
    await j.status(third.id, 'RESERVED');
    await j.pickAll(store, third.id);
    const thirdCode = await j.pickupCode(third.id);
    const wrong = thirdCode === '000000' ? '111111' : '000000';
    const till = j.store(store, await tokens.pos(store));
    for (let i = 0; i < 5; i++) await till.collect(third.id, wrong);
    await collection.getByLabel('Order number').fill(third.id);
    await collection.getByRole('button', { name: 'Find' }).click();
    await eventually(async () => expect(await statusText()).toContain('PICKUP.LOCKED'));
    expect(await page.locator('#collect-form').isHidden()).toBe(true);
    await page.getByLabel('Supervisor', { exact: true }).fill('associate-7');
    await page.getByLabel('What the supervisor checked').fill('ID card checked at the counter');
    await page.getByRole('button', { name: 'Lift the lock' }).click();
    await eventually(async () => expect(await statusText()).toContain('CONSOLE.NOT_SUPERVISOR'));
    expect((await j.get(third.id)).fulfilments[0].pickupLocked).toBe(true);
    await page.getByLabel('Supervisor', { exact: true }).fill('supervisor-1');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'unlock.png') });
    await page.getByRole('button', { name: 'Lift the lock' }).click();
    await eventually(async () => expect(await statusText()).toBe('Lock lifted by supervisor-1: ask for the pickup code again'));
    const [unlocked] = await eventually(() => {
      const events = probe.on(ORDER_EVENTS_TOPIC, { key: third.id, type: 'order.pickup-unlocked.v1' });
      expect(events).toHaveLength(1);
      return events;
    });
    expect(JSON.parse(unlocked.value!)).toMatchObject({ supervisorId: 'supervisor-1', reason: 'ID card checked at the counter', failedCodeAttempts: 5 });
    await page.getByLabel('Pickup code').fill(thirdCode);
    await page.getByRole('button', { name: 'Hand over', exact: true }).click();
    await eventually(async () => expect(await statusText()).toBe(`Order ${third.id.slice(0, 8)} collected`));
    await j.status(third.id, 'COLLECTED');

    // A return at the counter: one of the first order's two units, refunded to the original payment.
    await page.getByRole('button', { name: 'Returns' }).click();
    await page.locator('#returns').getByLabel('Order number').fill(order.id);
    const units = page.getByLabel(`Units of ${sku} returned`);
    // The returns service hears of the collection from the order events: until then nothing is returnable.
    await eventually(
      async () => {
        await page.locator('#returnable-form').getByRole('button', { name: 'Find' }).click();
        expect(await units.getAttribute('max')).toBe('2');
      },
      { timeoutMs: 30_000 },
    );
    await units.fill('1');
    await page.getByLabel(`Condition of ${sku}`).selectOption('opened');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'returns.png') });
    await page.getByRole('button', { name: 'Take the return' }).click();
    await eventually(async () => expect(await statusText()).toMatch(/^Return \w{8} COMPLETED: 10\.00 EUR refunded to the original payment$/));

    // The other unit, exchanged for one off the shelf: priced as the till sells it now (10.00), even.
    await page.locator('#returnable-form').getByRole('button', { name: 'Find' }).click();
    await eventually(async () => expect(await units.getAttribute('max')).toBe('1'));
    await units.fill('1');
    await page.getByLabel('Replacement SKU').fill(sku);
    await page.getByRole('button', { name: 'Take the return' }).click();
    await eventually(async () => expect(await statusText()).toMatch(/^Exchange \w{8} COMPLETED: even, nothing to pay or refund$/));
    // Both units have come back: nothing is left to return.
    await page.locator('#returnable-form').getByRole('button', { name: 'Find' }).click();
    await eventually(async () => expect(await statusText()).toBe('Nothing left to return on this order'));

    // The customer, looked up by e-mail: their profile, what is open, their recent timeline.
    await page.getByRole('button', { name: 'Customers' }).click();
    await page.getByLabel('E-mail').fill(email);
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Look up' }).click();
        expect(await page.locator('#lookup-results').textContent()).toContain('collected');
      },
      { timeoutMs: 30_000 },
    );
    const [heading] = await page.locator('#lookup-results h3').allTextContents();
    expect(heading).toMatch(/^Ada Lovelace \(/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'customers.png') });

    // Their whole timeline, ten entries a page, paged to the end: the same entries, each once, the customer
    // service answers in one call (read again until nothing more arrives while paging).
    const customerId = /\((.+)\)$/.exec(heading)![1];
    const reader = httpAs(await mintToken({ sub: 'ops', scope: 'customers:read' }));
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Full timeline of Ada Lovelace' }).click();
        await eventually(async () => expect(await statusText()).toMatch(/^\d+ timeline entries/));
        expect(await page.locator('#timeline-rows tr').count()).toBe(10);
        while (!(await page.locator('#timeline-older').isHidden())) {
          const before = await page.locator('#timeline-rows tr').count();
          // A double tap, as on a till's touch screen: one page, not the same page twice.
          await page.getByRole('button', { name: 'Older entries' }).dblclick();
          await eventually(async () => expect(await page.locator('#timeline-rows tr').count()).toBeGreaterThan(before));
        }
        const all = (await reader('GET', `${stack.services.customer.url}/customers/${customerId}/timeline?limit=200`)).body as {
          entries: { kind: string; orderId: string }[];
          nextCursor: string | null;
        };
        expect(all.nextCursor).toBeNull();
        const shown = await page
          .locator('#timeline-rows tr')
          .evaluateAll((rows) => rows.map((r) => [r.cells[1].textContent, r.cells[2].getAttribute('title')]));
        expect(shown).toEqual(all.entries.map((e) => [e.kind, e.orderId]));
        expect(await statusText()).toBe(`${all.entries.length} timeline entries, all of them`);
      },
      { timeoutMs: 30_000 },
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'timeline.png'), fullPage: true });

    // The till sells a lamp to collect at another store, and the store is given a web delivery to ship.
    const [elsewhere, lamp, rug] = [Journey.id('OTHER'), Journey.id('LAMP'), Journey.id('RUG')];
    await j.location(elsewhere);
    await j.receive(elsewhere, lamp, 1);
    await j.receive(store, rug, 1);
    await j.price(lamp, 3000);
    await j.price(rug, 5000);
    await j.placeOrder(
      {
        channel: 'pos',
        fulfilments: [{ type: 'pickup', storeId: elsewhere, lines: [{ sku: lamp, quantity: 1, unitPrice: 3000 }] }],
        capturedTenders: [{ tender: 'cash', amount: 3000, reference: 'TILL-1' }],
      },
      await tokens.pos(store),
    );
    const delivery = await j.placeOrder({ fulfilments: [{ type: 'delivery', address: testAddress, lines: [{ sku: rug, quantity: 1, unitPrice: 5000 }] }] });
    expect((await j.groupStatus(delivery.id, 'RESERVED')).storeId).toBe(store);
    // A preorder from the app to collect here (nothing supplied yet), and a cart started at the till.
    const game = Journey.id('GAME');
    const releaseAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const product = await http('PUT', `${j.order}/preorder-products/${game}`, {
      releaseAt,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: releaseAt,
      capPerStore: 10,
      capPerCustomer: 1,
    });
    expect(product.status).toBeLessThan(300);
    const preorder = await j.placeOrder({
      channel: 'app',
      customerId: 'fan-1',
      fulfilments: [{ type: 'pickup', storeId: store, preorder: true, lines: [{ sku: game, quantity: 1, unitPrice: 6000 }] }],
    });
    await j.status(preorder.id, 'PREORDERED');
    const cart = await httpAs(await tokens.pos(store))('POST', `${j.order}/carts`, {
      channel: 'pos',
      currency: 'EUR',
      lines: [{ sku: rug, quantity: 1, unitPrice: 5000 }],
    });
    expect(cart.status).toBe(201);

    // The figures: the orders counted as placed, ready and collected, and the return as taken back,
    // once the customer service has the events.
    await page.getByRole('button', { name: /figures/ }).click();
    await eventually(
      async () => {
        await page.locator('#kpis').getByRole('button', { name: 'Refresh' }).click();
        // The three web orders made ready and collected; the app's preorder, a pickup not ready yet.
        const pickups = await page.locator('#kpi-rows tr').evaluateAll((rows) => rows.map((r) => [...r.cells].slice(1, 6).map((c) => c.textContent)));
        expect(pickups).toEqual([
          ['app', '1', '0', '0', '—'],
          ['web', '3', '3', '3', '100 %'],
        ]);
        // The chart of the week says today's bars in its label: 4 placed (3 web, the preorder), 3 collected.
        const today = new Date().toISOString().slice(0, 10);
        expect(await page.locator('#kpi-chart svg').getAttribute('aria-label')).toContain(`${today} 4 placed, 3 collected`);
        // The return taken at the counter: one, of an order bought on the web, 10.00 back to the payment.
        const returned = await page.locator('#return-kpi-rows tr').first().locator('td').allTextContents();
        // One unit taken back opened and one exchanged new: both sellable, restocked.
        expect(returned.slice(1)).toEqual(['EUR', '2', '2', '1', '10.00', '0.00', '2', '0']);
        // The delivery assigned to this store (its share depends on every delivery on the broker), and the till's sale for another store.
        const shipping = await page.locator('#delivery-kpi-rows tr').first().locator('td').allTextContents();
        expect([shipping[1], shipping[2], ...shipping.slice(4)]).toEqual(['web', '1', '0', '0', '0']);
        const aisle = await page.locator('#aisle-kpi-rows tr').first().locator('td').allTextContents();
        expect(aisle.slice(1)).toEqual(['1', '0', '1', '100 %']);
        // The preorder, waiting for supply; the till's cart, still open.
        const preorders = await page.locator('#preorder-kpi-rows tr').first().locator('td').allTextContents();
        expect(preorders.slice(1)).toEqual(['app', '1', '0', '0 %', '0', '0', '0', '0']);
        const carts = await page.locator('#cart-kpi-rows tr').first().locator('td').allTextContents();
        expect(carts.slice(1)).toEqual(['pos', 'pos', '1', '0', '0', '1', '0 %']);
        // Channel credit: the three web orders collected here (2 + 1 + 1 units at 10.00), the web
        // order's unit taken back and the other exchanged here; the till's lamp sold for the other store.
        const credit = await page.locator('#credit-kpi-rows tr').evaluateAll((rows) => rows.map((r) => [...r.cells].slice(1).map((c) => c.textContent)));
        expect(credit).toEqual([
          ['pos', 'EUR', '1 · 30.00', '0 · 0.00', '0 · 0.00', '0 · 0.00', '0 · 0.00', '0.00'],
          ['web', 'EUR', '0 · 0.00', '3 · 40.00', '0 · 0.00', '1 · 10.00', '1 · 10.00', '40.00'],
        ]);
      },
      { timeoutMs: 30_000 },
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kpis.png') });
  });
});
