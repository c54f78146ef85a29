import { Injectable } from '@nestjs/common';
import { Decision, OrderCartPayload, PendingEvent } from '@omni/contracts';
import { currentOrigin, OutboxOrigin, OutboxWriter } from '@omni/messaging';
import { Clock, currentIdempotencyKey, GroupCommit, noteCreated, RequestKeyTaken, settleAnswer } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Address, FulfilmentInput, LineInput, mergeLines, Order, placeOrder, PlaceOrderInput, PlacementIds, PlacementRefusal } from '../domain/order';
import { checkPrices, listPrice, PriceEntry, PriceRefusal } from '@omni/contracts';
import { preorderable, preorderCustomer, PreorderRefusal, withinPreorderCaps } from '../domain/preorder-placement';
import { OrderRepository } from './ports/order.port';
import { PreorderRepository } from './ports/preorder.port';
import { PriceListRepository } from './ports/price-list.port';

export type { PreorderRefusal };
export type PlaceOrderResult = { ok: true; order: Order } | { ok: false; code: PlacementRefusal | PreorderRefusal | PriceRefusal; detail?: string };

/** A placement as asked: a group may be a preorder, whose release date and places in line are found here. */
export type FulfilmentRequest =
  | FulfilmentInput
  | { readonly type: 'pickup'; readonly storeId: string; readonly lines: readonly LineInput[]; readonly preorder: true }
  | { readonly type: 'delivery'; readonly address: Address; readonly lines: readonly LineInput[]; readonly preorder: true };

/**
 * Delivery preorders of a SKU share one counter: inventory queues each at the warehouse that will
 * ship it, where their sequences keep placement order. Not a location id (those are letters, digits, dot, dash, underscore).
 */
const DELIVERY_COUNTER = '@delivery';
export interface PlaceOrderRequest extends Omit<PlaceOrderInput, 'fulfilments' | 'priceOverride' | 'cart'> {
  readonly fulfilments: readonly FulfilmentRequest[];
  /** The caller trusted to state prices (scope prices:override), or null: the price list prices every line. */
  readonly priceOverrideBy: string | null;
  /** A checkout from a cart: where the cart began goes into order.placed, and `within` closes the cart in the same transaction. */
  readonly cart?: { readonly attribution: OrderCartPayload; readonly within: (m: EntityManager, order: Order) => Promise<void> };
}

class Refused extends Error {
  constructor(
    readonly code: PlacementRefusal | PreorderRefusal | PriceRefusal,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A placement for the next group commit. */
interface Grouped {
  readonly request: PlaceOrderRequest;
  readonly now: Date;
  /** Drawn when it is submitted, so that writing it again after a failed group cannot make a second order. */
  readonly ids: PlacementIds;
  /** The request's correlation id and trace: its order.placed may be written in another request's group. */
  readonly origin: OutboxOrigin;
}

/**
 * Saves a new order, its groups and its order.placed event in one transaction. A preorder group
 * is checked against its products (window open, not released yet) and caps, and each of its lines
 * takes the next place in line for its SKU at the store; a refusal rolls all of it back.
 *
 * Placements without a preorder or a cart are committed in groups (docs/adr/0016-throughput.md):
 * one that arrives while a group is being written waits for it, then goes with every other that
 * arrived meanwhile in one transaction — one price lookup, one insert of their orders, one of
 * their events, one commit. Alone (nothing being written), a placement is written at once. A
 * refusal is one placement's answer and leaves the others; if the group's transaction fails, each
 * of its placements is written again on its own, so one cannot fail the others. A group that
 * failed may have committed all the same (the COMMIT reached the database and its answer was
 * lost): a placement's ids are drawn before its group, so the order already written is its answer
 * and the primary key refuses a second one.
 */
@Injectable()
export class PlaceOrderUseCase {
  private readonly grouped = new GroupCommit<Grouped, PlaceOrderResult | RequestKeyTaken>(
    (group) => this.placeGroup(group),
    (one, afterFailedGroup) => (afterFailedGroup ? this.again(one) : this.alone(one.request, one.now, one.ids)),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly orders: OrderRepository,
    private readonly priceList: PriceListRepository,
    private readonly preorders: PreorderRepository,
  ) {}

  async execute(request: PlaceOrderRequest): Promise<PlaceOrderResult> {
    const ids = idsFor(request);
    // A retry whose answer is lost after the commit is told where the order is.
    noteCreated(`/orders/${ids.orderId}`);
    if (request.cart || request.fulfilments.some(isPreorder)) return this.alone(request, this.clock.now(), ids);
    const placed = await this.grouped.submit({ request, now: this.clock.now(), origin: currentOrigin(), ids });
    if (placed instanceof RequestKeyTaken) throw placed;
    return placed;
  }

  /**
   * Placements written together: one price lookup per currency, one insert of their orders, one of
   * their events, one commit. The Idempotency-Keys they did not take before they ran are taken
   * first: a placement whose key another request holds is not placed, and its request is answered
   * from that key.
   */
  private placeGroup(everyone: readonly Grouped[]): Promise<(PlaceOrderResult | RequestKeyTaken)[]> {
    return this.dataSource.transaction(async (m) => {
      const lists = new Map<string, Map<string, PriceEntry[]>>();
      for (const currency of new Set(everyone.map((q) => q.request.currency))) {
        lists.set(currency, await this.priceList.forSkus(m, skusOf(everyone.filter((q) => q.request.currency === currency).map((q) => q.request)), currency));
      }
      const out = everyone.map((q) =>
        this.decide(q.request, q.request.fulfilments as FulfilmentInput[], pricesIn(lists.get(q.request.currency)!, q.request, q.now), q.now, q.ids),
      );
      // Each order's answer goes in with its key, in this transaction, when its request said how to make it.
      out.forEach((d, i) => d.ok && settleAnswer(everyone[i].origin.idempotencyKey, d.order));
      const keyed = await this.outbox.takeKeys(
        m,
        everyone.map((q) => q.origin),
      );
      await this.orders.insertMany(
        m,
        out.filter((d, i): d is Placed => d.ok && keyed[i]).map((d) => d.order),
      );
      await this.outbox.appendMany(
        m,
        out.flatMap((d, i) =>
          d.ok && keyed[i] ? d.events.map((e) => ({ def: e.def, payload: e.payload, origin: everyone[i].origin, now: everyone[i].now })) : [],
        ),
      );
      return out.map((d, i): PlaceOrderResult | RequestKeyTaken => (!keyed[i] ? new RequestKeyTaken() : d.ok ? { ok: true, order: d.order } : d));
    });
  }

  /**
   * A placement whose group failed, perhaps after its COMMIT: the order with its ids, if the group
   * wrote it; else written on its own with the same ids. If the group's COMMIT is still on its way
   * to the database, this insert waits on the same primary key and is refused: the order is found then.
   */
  private async again(q: Grouped): Promise<PlaceOrderResult> {
    const written = async (): Promise<PlaceOrderResult | null> => {
      const order = await this.orders.find(this.dataSource.manager, q.ids.orderId);
      return order ? { ok: true, order } : null;
    };
    try {
      return (await written()) ?? (await this.alone(q.request, q.now, q.ids));
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) {
        const found = await written();
        if (found) return found;
      }
      throw e;
    }
  }

  /** One placement in a transaction of its own: a preorder, a checkout, or one not grouped. */
  private async alone(request: PlaceOrderRequest, now: Date, ids: PlacementIds = idsFor(request)): Promise<PlaceOrderResult> {
    try {
      const order = await this.dataSource.transaction(async (m) => {
        const fulfilments: FulfilmentInput[] = [];
        const prices = pricesIn(await this.priceList.forSkus(m, skusOf([request]), request.currency), request, now);
        const early = checkPrices(linesOf(request), prices, request.priceOverrideBy);
        if (!early.ok) throw new Refused(early.code, early.detail);
        for (const f of request.fulfilments) fulfilments.push(isPreorder(f) ? await this.preorder(m, request, f, now) : (f as FulfilmentInput));
        const d = this.decide(request, fulfilments, prices, now, ids);
        if (!d.ok) throw new Refused(d.code, d.detail ?? d.code);
        settleAnswer(currentIdempotencyKey(), d.order);
        await this.orders.insert(m, d.order);
        if (request.cart) await request.cart.within(m, d.order);
        await this.outbox.appendMany(
          m,
          d.events.map((e) => ({ def: e.def, payload: e.payload, now })),
        );
        return d.order;
      });
      return { ok: true, order };
    } catch (e) {
      if (e instanceof Refused) return { ok: false, code: e.code, detail: e.detail };
      throw e;
    }
  }

  /** The placement decided: priced by the list (or the trusted caller), its order and events; a checkout's order.placed says where its cart began. */
  private decide(
    request: PlaceOrderRequest,
    fulfilments: FulfilmentInput[],
    prices: Map<string, number>,
    now: Date,
    ids: PlacementIds,
  ): Placed | Extract<PlaceOrderResult, { ok: false }> {
    const checked = checkPrices(linesOf(request), prices, request.priceOverrideBy);
    if (!checked.ok) return { ok: false, code: checked.code, detail: checked.detail };
    const decision = placeOrder({ ...request, fulfilments, priceOverride: checked.override, cart: request.cart?.attribution ?? null }, ids, now);
    if (!decision.ok) return { ok: false, code: decision.code, detail: decision.detail ?? decision.code };
    return { ok: true, order: decision.state, events: decision.events };
  }

  /** A preorder group: each line checked (preorder-placement.ts) with what this transaction reads, given its place in line. */
  private async preorder(m: EntityManager, request: PlaceOrderRequest, f: Extract<FulfilmentRequest, { preorder: true }>, now: Date): Promise<FulfilmentInput> {
    const customer = { customerId: request.customerId, email: request.contact?.email?.trim().toLowerCase() ?? null };
    decided(preorderCustomer(customer));
    const lines = mergeLines(f.lines);
    const sequences = new Map<string, number>();
    let releaseAt = new Date(0);
    // SKUs in a fixed order, so two placements lock their counters the same way round.
    for (const l of [...lines].sort((a, b) => a.sku.localeCompare(b.sku))) {
      const product = decided(preorderable(l.sku, await this.preorders.findForShare(m, l.sku), now));
      const sequence = await this.preorders.nextSequence(m, l.sku, f.type === 'pickup' ? f.storeId : DELIVERY_COUNTER);
      const atStore = f.type === 'pickup' ? { store: f.storeId, atStore: await this.preorders.unitsAtStore(m, l.sku, f.storeId) } : null;
      decided(withinPreorderCaps(l, product, atStore, await this.preorders.unitsOfCustomer(m, l.sku, customer)));
      sequences.set(`${l.sku}@${l.unitPrice}`, sequence);
      if (product.releaseAt.getTime() > releaseAt.getTime()) releaseAt = product.releaseAt;
    }
    const preorder = { releaseAt, sequences: lines.map((l) => sequences.get(`${l.sku}@${l.unitPrice}`)!) };
    return f.type === 'pickup'
      ? { type: 'pickup', storeId: f.storeId, lines: f.lines, preorder }
      : { type: 'delivery', address: f.address, lines: f.lines, preorder };
  }
}

/** The accepted value, or the refusal thrown (the placing transaction rolls back and answers it). */
function decided<S>(d: Decision<S, PreorderRefusal>): S {
  if (!d.ok) throw new Refused(d.code, d.detail ?? d.code);
  return d.state;
}

type Placed = { ok: true; order: Order; events: readonly PendingEvent[] };

const UNIQUE_VIOLATION = '23505';

/** The new order's ids: one for the order, then per group one for it and one per merged line. */
const idsFor = (request: PlaceOrderRequest): PlacementIds => ({
  orderId: randomUUID(),
  fulfilments: request.fulfilments.map((f) => ({ fulfilmentId: randomUUID(), lineIds: mergeLines(f.lines).map(() => randomUUID()) })),
});

const isPreorder = (f: FulfilmentRequest): f is Extract<FulfilmentRequest, { preorder: true }> => 'preorder' in f && f.preorder === true;
const linesOf = (request: PlaceOrderRequest): LineInput[] => request.fulfilments.flatMap((f) => f.lines);
const skusOf = (requests: readonly PlaceOrderRequest[]): string[] => [...new Set(requests.flatMap((r) => linesOf(r).map((l) => l.sku)))];

/** The price list's price in force for each SKU of the placement, for a sale where it is made (its channel, and a POS's store). */
function pricesIn(entries: ReadonlyMap<string, PriceEntry[]>, request: PlaceOrderRequest, now: Date): Map<string, number> {
  const prices = new Map<string, number>();
  for (const sku of new Set(linesOf(request).map((l) => l.sku))) {
    const price = listPrice(entries.get(sku) ?? [], { currency: request.currency, storeId: request.placedAtStoreId, channel: request.channel, at: now });
    if (price !== null) prices.set(sku, price);
  }
  return prices;
}
