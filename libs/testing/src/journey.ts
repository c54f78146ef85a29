import { http as send, HttpResult } from './http';
import { eventually } from './eventually';
import { KafkaProbe } from './kafka-probe';
import { sql } from './env';
import { Stack } from './stack';
import { randomUUID } from 'node:crypto';

export interface LocationSpec {
  kind?: 'store' | 'warehouse';
  offersPickup?: boolean;
  pickTimeMinutes?: number;
  pickupHoldDays?: number;
  transferDays?: number;
  latitude?: number;
  longitude?: number;
}

/** A delivery address the order and returns APIs accept (GET /orders/:id shows it with `line2: null`). */
export const testAddress = { name: 'Ada Martin', line1: '3 rue Oberkampf', postcode: '75011', city: 'Paris', country: 'FR' };

/** A fulfilment group as GET /orders/:id shows it. */
export interface Group {
  fulfilmentId: string;
  type: 'pickup' | 'delivery';
  status: string;
  storeId: string | null;
  lines: { lineId: string; sku: string; quantity: number; remainingQuantity: number; pickedQuantity: number; sourceLocationId: string | null }[];
  shipment: { carrier: string | null; trackingNumber: string | null; failure: string | null } | null;
}

export interface JourneyOptions {
  /** The bearer token of every call: by default an `admin` back-office token; null sends none. */
  token?: string | null;
  /** Headers sent with every call, e.g. the `traceparent` of an instrumented storefront. */
  headers?: Record<string, string>;
}

/** Calls a journey makes, as a storefront, a POS and a store back office would make them. */
export class Journey {
  constructor(
    private readonly stack: Stack,
    private readonly probe?: KafkaProbe,
    private readonly options: JourneyOptions = {},
  ) {}

  /**
   * The storefront account `place` orders under: one per journey, so that a spec file's customer
   * profile holds only its own orders (a shared account once let another file's orders, dated days
   * ahead, push a collection out of a profile's recent timeline).
   */
  readonly customerId = Journey.id('journey-customer');

  private http(method: string, url: string, body?: unknown, token: string | null | undefined = this.options.token): Promise<HttpResult> {
    return send(method, url, body, this.options.headers ?? {}, { token });
  }

  get order(): string {
    return this.stack.services.order.url;
  }

  get inventory(): string {
    return this.stack.services.inventory.url;
  }

  /** A location id unique to this test run. */
  static id(prefix: string): string {
    return `${prefix}-${randomUUID().slice(0, 8)}`;
  }

  async location(id: string, spec: LocationSpec = {}): Promise<void> {
    const kind = spec.kind ?? 'store';
    const res = await this.http('PUT', `${this.inventory}/locations/${id}`, {
      name: id,
      kind,
      timeZone: 'Europe/Paris',
      offersPickup: spec.offersPickup ?? kind === 'store',
      pickTimeMinutes: spec.pickTimeMinutes ?? 60,
      pickupHoldDays: spec.pickupHoldDays ?? 3,
      transferDays: spec.transferDays ?? 2,
      ...(spec.latitude !== undefined ? { latitude: spec.latitude, longitude: spec.longitude } : {}),
    });
    if (res.status !== 200 && res.status !== 201) throw new Error(`PUT /locations/${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async receive(locationId: string, sku: string, quantity: number): Promise<void> {
    const res = await this.http('POST', `${this.inventory}/locations/${locationId}/stock/${sku}/adjustments`, { reason: 'receipt', quantity });
    if (res.status !== 200) throw new Error(`receipt at ${locationId}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /**
   * Lists `sku` at `unitPrice` (EUR) in the price list, everywhere or at `storeId` too: a caller
   * without prices:override (a storefront, a POS) can only place it at that price.
   */
  async price(sku: string, unitPrice: number, storePrices: Record<string, number> = {}): Promise<void> {
    const prices = [{ currency: 'EUR', unitPrice }, ...Object.entries(storePrices).map(([storeId, p]) => ({ currency: 'EUR', unitPrice: p, storeId }))];
    // As the back office does it (the default admin token), whoever this journey calls as.
    const res = await send('PUT', `${this.order}/price-list/${sku}`, { prices });
    if (res.status !== 200) throw new Error(`PUT /price-list/${sku}: ${res.status} ${JSON.stringify(res.body)}`);
    // The returns service prices exchanges from price-list.changed: wait until it keeps this list.
    const returnsDb = this.stack.services.returns ? this.stack.databases.returns : undefined;
    if (returnsDb)
      await eventually(async () =>
        expect(await sql(returnsDb, `SELECT 1 FROM price_list WHERE sku = $1 AND changed_at = $2`, [sku, res.body.updatedAt])).toHaveLength(1),
      );
  }

  async stock(locationId: string, sku: string): Promise<{ onHand: number; reserved: number; available: number }> {
    return (await this.http('GET', `${this.inventory}/locations/${locationId}/stock/${sku}`)).body;
  }

  async place(
    storeId: string,
    lines: { sku: string; quantity: number; unitPrice?: number }[],
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; lines: { lineId: string; sku: string; quantity: number }[] }> {
    const res = await this.http('POST', `${this.order}/orders`, {
      channel: 'web',
      storeId,
      customerId: this.customerId,
      currency: 'EUR',
      lines: lines.map((l) => ({ unitPrice: 1000, ...l })),
      ...extra,
    });
    if (res.status !== 201) throw new Error(`POST /orders: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Places an order with any body (fulfilments, contact, tenders), as the caller of `token` (default: the journey's). */
  async placeOrder(body: Record<string, unknown>, token?: string | null): Promise<HttpResult['body']> {
    const res = await this.http('POST', `${this.order}/orders`, { channel: 'web', currency: 'EUR', ...body }, token === undefined ? this.options.token : token);
    if (res.status !== 201) throw new Error(`POST /orders: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Waits until a group of the order is in `status`; `which` picks the group (default: the only one). */
  async groupStatus(orderId: string, status: string, which: (f: Group) => boolean = () => true, timeoutMs = 30_000): Promise<Group> {
    return eventually(
      async () => {
        const groups = ((await this.get(orderId)).fulfilments as Group[]).filter(which);
        if (groups.length !== 1) throw new Error(`order ${orderId} has ${groups.length} matching groups`);
        if (groups[0].status !== status) throw new Error(`group ${groups[0].fulfilmentId} is ${groups[0].status}, waiting for ${status}`);
        return groups[0];
      },
      { timeoutMs },
    );
  }

  /** A location picks every unit of a delivery group (it becomes PACKED) and hands it to a carrier. */
  async packAndShip(
    locationId: string,
    fulfilmentId: string,
    carrier = 'Colissimo',
    trackingNumber = `TRK${randomUUID().slice(0, 8).toUpperCase()}`,
  ): Promise<HttpResult> {
    const store = this.store(locationId);
    ok(await store.startPicking(fulfilmentId), 'start picking');
    const group = await this.groupOf(fulfilmentId);
    ok(
      await store.picks(
        fulfilmentId,
        group.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.remainingQuantity })),
      ),
      'pack',
    );
    return this.http('POST', `${this.order}/stores/${locationId}/orders/${fulfilmentId}/ship`, { carrier, trackingNumber });
  }

  /** What a carrier reports about a shipped delivery group. */
  deliveryOutcome(fulfilmentId: string, outcome: 'DELIVERED' | 'DELIVERY.REFUSED' | 'DELIVERY.LOST', token?: string | null): Promise<HttpResult> {
    return this.http('POST', `${this.order}/fulfilments/${fulfilmentId}/delivery-outcome`, { outcome }, token === undefined ? this.options.token : token);
  }

  private async groupOf(fulfilmentId: string): Promise<Group> {
    const res = await this.http('GET', `${this.order}/orders/${await this.orderOfGroup(fulfilmentId)}`);
    return (res.body.fulfilments as Group[]).find((f) => f.fulfilmentId === fulfilmentId)!;
  }

  private readonly groups = new Map<string, string>();

  /** Remembers which order a group belongs to (learned from the orders this journey read). */
  private async orderOfGroup(fulfilmentId: string): Promise<string> {
    const known = this.groups.get(fulfilmentId);
    if (!known) throw new Error(`group ${fulfilmentId} was not seen in an order read by this journey`);
    return known;
  }

  async get(orderId: string): Promise<HttpResult['body']> {
    const body = (await this.http('GET', `${this.order}/orders/${orderId}`)).body;
    for (const f of (body?.fulfilments ?? []) as Group[]) this.groups.set(f.fulfilmentId, orderId);
    return body;
  }

  /**
   * After a fault: every order of one SKU at one store answered once. Each ends RESERVED or
   * REJECTED, as many reserved as the shelf held (`stock`), one reservation per reserved order and
   * none for a refused one, the shelf exactly spoken for, and every outbox of the stack empty.
   * Orders are read one at a time (a hundred at once would be shed by admission). Answers the
   * reserved orders, sorted.
   */
  async answeredOnce(store: string, sku: string, orders: readonly string[], stock: number): Promise<string[]> {
    const statuses = await eventually(
      async () => {
        const found: string[] = [];
        for (const id of orders) found.push((await this.get(id)).status as string);
        const open = orders.filter((_, i) => found[i] !== 'RESERVED' && found[i] !== 'REJECTED');
        if (open.length > 0) throw new Error(`${open.length} order(s) not answered yet, e.g. ${open[0]}`);
        return found;
      },
      { timeoutMs: 120_000 },
    );
    const reserved = orders.filter((_, i) => statuses[i] === 'RESERVED').sort();
    if (reserved.length !== stock) throw new Error(`${reserved.length} reserved and ${orders.length - reserved.length} rejected; the shelf held ${stock}`);
    const reservations = await sql<{ order_id: string; n: number }>(
      this.stack.databases.inventory,
      'SELECT order_id, count(*)::int AS n FROM reservations WHERE sku = $1 GROUP BY order_id',
      [sku],
    );
    const held = reservations.map((r) => r.order_id).sort();
    if (JSON.stringify(held) !== JSON.stringify(reserved))
      throw new Error(
        `inventory holds reservations for ${held.length} order(s), the order service reserved ${reserved.length}: ${JSON.stringify({ held, reserved })}`,
      );
    const doubled = reservations.filter((r) => r.n !== 1);
    if (doubled.length > 0) throw new Error(`orders with more than one reservation: ${JSON.stringify(doubled)}`);
    const shelf = await this.stock(store, sku);
    if (shelf.onHand !== stock || shelf.reserved !== stock || shelf.available !== 0)
      throw new Error(`the shelf is ${JSON.stringify(shelf)}, expected ${stock} on hand, all reserved`);
    for (const [service, db] of Object.entries(this.stack.databases)) {
      await eventually(async () => {
        const [{ n }] = await sql<{ n: number }>(db, 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
        if (n !== 0) throw new Error(`${service}'s outbox holds ${n} unsent event(s)`);
      });
    }
    return reserved;
  }

  async status(orderId: string, status: string, timeoutMs = 30_000): Promise<HttpResult['body']> {
    return eventually(
      async () => {
        const o = await this.get(orderId);
        expectStatus(o, status);
        return o;
      },
      { timeoutMs },
    );
  }

  /** The calls of a store's POS; `token` is that POS's (default: the journey's token). */
  store(storeId: string, token?: string | null) {
    const base = `${this.order}/stores/${storeId}/orders`;
    const t = token === undefined ? this.options.token : token;
    return {
      startPicking: (orderId: string) => this.http('POST', `${base}/${orderId}/picking`, {}, t),
      picks: (orderId: string, lines: { lineId: string; pickedQuantity: number }[]) => this.http('POST', `${base}/${orderId}/picks`, { lines }, t),
      collect: (orderId: string, pickupCode: string) => this.http('POST', `${base}/${orderId}/collect`, { pickupCode }, t),
      cancel: (orderId: string, reason: string) => this.http('POST', `${base}/${orderId}/cancel`, { reason }, t),
      unlockPickup: (orderId: string, reason: string) => this.http('POST', `${base}/${orderId}/pickup-unlock`, { reason }, t),
      pickList: () => this.http('GET', `${this.order}/stores/${storeId}/pick-list`, undefined, t),
    };
  }

  /** Picks every line of the order's pickup group at the store in full, as a store associate would, and waits for it to be ready. */
  async pickAll(storeId: string, orderId: string): Promise<void> {
    const o = await this.get(orderId);
    const group = ((o.fulfilments ?? []) as Group[]).find((f) => f.type === 'pickup' && f.storeId === storeId);
    if (!group) throw new Error(`order ${orderId} has no pickup at ${storeId}`);
    const store = this.store(storeId);
    if (group.status === 'RESERVED') ok(await store.startPicking(group.fulfilmentId), 'start picking');
    // pickedQuantity is the total found for the line so far, not an increment.
    const lines = group.lines.filter((l) => l.remainingQuantity > l.pickedQuantity).map((l) => ({ lineId: l.lineId, pickedQuantity: l.remainingQuantity }));
    ok(await store.picks(group.fulfilmentId, lines), 'picks');
    await this.groupStatus(orderId, 'READY_FOR_PICKUP', (f) => f.fulfilmentId === group.fulfilmentId);
  }

  /** The pickup code, as the notifier received it. */
  async pickupCode(orderId: string): Promise<string> {
    if (!this.probe) throw new Error('a KafkaProbe watching notification.requests.v1 is needed');
    return eventually(() => {
      const n = this.probe!.on('notification.requests.v1', { key: orderId })
        .map((m) => JSON.parse(m.value ?? '{}'))
        .find((p) => p.template === 'pickup-ready');
      if (!n) throw new Error(`no pickup-ready notification for ${orderId}`);
      return n.pickupCode as string;
    });
  }

  /** The customer service's `customer.order-linked` of an order: which profile it was matched to, and how. */
  async customerLink(orderId: string): Promise<{ customerId: string; matchedBy: string; channel: string; profileCreated: boolean }> {
    if (!this.probe) throw new Error('a KafkaProbe watching customer.events.v1 is needed');
    return eventually(() => {
      const linked = this.probe!.on('customer.events.v1', { type: 'customer.order-linked.v1' })
        .map((m) => JSON.parse(m.value ?? '{}'))
        .find((e) => e.orderId === orderId);
      if (!linked) throw new Error(`order ${orderId} is linked to no profile yet`);
      return linked;
    });
  }

  async transfersInto(storeId: string): Promise<{ transferId: string; status: string; fromLocationId: string }[]> {
    const res = await this.http('GET', `${this.inventory}/locations/${storeId}/transfers?direction=inbound`);
    if (res.status !== 200) throw new Error(`transfers of ${storeId}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.transfers;
  }

  /** Ships and receives every requested transfer into `storeId`. */
  async deliverTransfers(storeId: string): Promise<void> {
    const transfers = (await eventually(async () => {
      const t = (await this.transfersInto(storeId)).filter((x) => x.status === 'REQUESTED');
      if (t.length === 0) throw new Error(`no requested transfer into ${storeId}`);
      return t;
    })) as { transferId: string }[];
    for (const t of transfers) {
      ok(await this.http('POST', `${this.inventory}/transfers/${t.transferId}/ship`, {}), 'ship transfer');
      ok(await this.http('POST', `${this.inventory}/transfers/${t.transferId}/receive`, {}), 'receive transfer');
    }
  }
}

function expectStatus(o: { status?: string }, status: string): void {
  if (o?.status !== status) throw new Error(`order is ${o?.status}, waiting for ${status}`);
}

function ok(res: HttpResult, what: string): void {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}
