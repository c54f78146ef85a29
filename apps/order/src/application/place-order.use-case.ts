import { Injectable } from '@nestjs/common';
import { OrderCartPayload, OrderPlacedV2 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { FulfilmentInput, LineInput, mergeLines, Order, placeOrder, PlaceOrderInput, PlacementRefusal } from '../domain/order';
import { checkPrices, PriceRefusal } from '../domain/price-authority';
import { listPrice } from '../domain/price-list';
import { orderRepository } from '../infrastructure/order.repository';
import { priceListRepository } from '../infrastructure/price-list.repository';
import { preorderRepository } from '../infrastructure/preorder.repository';

export type PreorderRefusal = 'PREORDER.NOT_A_PREORDER' | 'PREORDER.WINDOW_CLOSED' | 'PREORDER.STORE_CAP_REACHED' | 'PREORDER.CUSTOMER_CAP_REACHED' | 'PREORDER.NEEDS_CUSTOMER';
export type PlaceOrderResult = { ok: true; order: Order } | { ok: false; code: PlacementRefusal | PreorderRefusal | PriceRefusal; detail?: string };

/** A placement as asked: a pickup group may be a preorder, whose release date and places in line are found here. */
export type FulfilmentRequest = FulfilmentInput | { readonly type: 'pickup'; readonly storeId: string; readonly lines: readonly LineInput[]; readonly preorder: true };
export interface PlaceOrderRequest extends Omit<PlaceOrderInput, 'fulfilments' | 'priceOverride'> {
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

/**
 * Saves a new order, its groups and its order.placed event in one transaction. A preorder group
 * is checked against its products (window open, not released yet) and caps, and each of its lines
 * takes the next place in line for its SKU at the store; a refusal rolls all of it back.
 */
@Injectable()
export class PlaceOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(request: PlaceOrderRequest): Promise<PlaceOrderResult> {
    const ids = {
      orderId: randomUUID(),
      fulfilments: request.fulfilments.map((f) => ({ fulfilmentId: randomUUID(), lineIds: mergeLines(f.lines).map(() => randomUUID()) })),
    };
    const now = this.clock.now();
    try {
      const order = await this.dataSource.transaction(async (m) => {
        const lines = request.fulfilments.flatMap((f) => f.lines);
        const prices = checkPrices(lines, await this.listPrices(m, lines, request, now), request.priceOverrideBy);
        if (!prices.ok) throw new Refused(prices.code, prices.detail);
        const fulfilments: FulfilmentInput[] = [];
        for (const f of request.fulfilments) fulfilments.push('preorder' in f && f.preorder === true ? await this.preorder(m, request, f, now) : (f as FulfilmentInput));
        const decision = placeOrder({ ...request, fulfilments, priceOverride: prices.override }, ids, now);
        if (!decision.ok) throw new Refused(decision.code, decision.detail ?? decision.code);
        await orderRepository.insert(m, decision.state);
        if (request.cart) await request.cart.within(m, decision.state);
        for (const e of decision.events) {
          const payload = request.cart && e.def === OrderPlacedV2 ? { ...(e.payload as object), cart: request.cart.attribution } : e.payload;
          await this.outbox.append(m, e.def, payload, now);
        }
        return decision.state;
      });
      return { ok: true, order };
    } catch (e) {
      if (e instanceof Refused) return { ok: false, code: e.code, detail: e.detail };
      throw e;
    }
  }

  /** The price list's price in force for each SKU of the placement, for a sale where it is made (a POS's store, else none). */
  private async listPrices(m: EntityManager, lines: readonly LineInput[], request: PlaceOrderRequest, now: Date): Promise<Map<string, number>> {
    const entries = await priceListRepository.forSkus(m, [...new Set(lines.map((l) => l.sku))], request.currency);
    const prices = new Map<string, number>();
    for (const [sku, list] of entries) {
      const price = listPrice(list, { currency: request.currency, storeId: request.placedAtStoreId, at: now });
      if (price !== null) prices.set(sku, price);
    }
    return prices;
  }

  private async preorder(m: EntityManager, request: PlaceOrderRequest, f: { storeId: string; lines: readonly LineInput[] }, now: Date): Promise<FulfilmentInput> {
    const customer = { customerId: request.customerId, email: request.contact?.email?.trim().toLowerCase() ?? null };
    if (!customer.customerId && !customer.email) throw new Refused('PREORDER.NEEDS_CUSTOMER', 'a preorder needs a customer: customerId, or contact.email for a guest');
    const lines = mergeLines(f.lines);
    const sequences = new Map<string, number>();
    let releaseAt = new Date(0);
    // SKUs in a fixed order, so two placements lock their counters the same way round.
    for (const l of [...lines].sort((a, b) => a.sku.localeCompare(b.sku))) {
      const product = await preorderRepository.findForShare(m, l.sku);
      if (!product || product.releaseAt.getTime() <= now.getTime()) throw new Refused('PREORDER.NOT_A_PREORDER', `${l.sku} is not sold by preorder${product ? ': it is released' : ''}`);
      if (now.getTime() < product.opensAt.getTime() || now.getTime() >= product.closesAt.getTime()) {
        throw new Refused('PREORDER.WINDOW_CLOSED', `${l.sku} takes preorders from ${product.opensAt.toISOString()} to ${product.closesAt.toISOString()}`);
      }
      const sequence = await preorderRepository.nextSequence(m, l.sku, f.storeId);
      const atStore = await preorderRepository.unitsAtStore(m, l.sku, f.storeId);
      if (atStore + l.quantity > product.capPerStore) throw new Refused('PREORDER.STORE_CAP_REACHED', `${f.storeId} takes ${product.capPerStore} preorders of ${l.sku}; ${atStore} are taken`);
      const mine = await preorderRepository.unitsOfCustomer(m, l.sku, customer);
      if (mine + l.quantity > product.capPerCustomer) throw new Refused('PREORDER.CUSTOMER_CAP_REACHED', `one customer may preorder ${product.capPerCustomer} of ${l.sku}; this one has ${mine}`);
      sequences.set(`${l.sku}@${l.unitPrice}`, sequence);
      if (product.releaseAt.getTime() > releaseAt.getTime()) releaseAt = product.releaseAt;
    }
    return { type: 'pickup', storeId: f.storeId, lines: f.lines, preorder: { releaseAt, sequences: lines.map((l) => sequences.get(`${l.sku}@${l.unitPrice}`)!) } };
  }
}
