import { Injectable } from '@nestjs/common';
import { CapturedTenderPayload, Channel } from '@omni/contracts';
import { Clock } from '@omni/platform';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  adoptGuestCart,
  Cart,
  CartRefusal,
  checkOut,
  continueIn,
  HANDOFF_CODE_ALPHABET,
  HANDOFF_CODE_LENGTH,
  HANDOFF_TTL_MINUTES,
  hashHandoffCode,
  LineInput,
  mergeGuestCart,
  newCart,
  PriceChange,
  priceChanges,
  replaceLines,
  reprice,
  Repricing,
  Where,
} from '../domain/cart';
import { listPrice } from '@omni/contracts';
import { Contact, Order } from '../domain/order';
import { FulfilmentRequest, PlaceOrderResult, PlaceOrderUseCase } from './place-order.use-case';
import { AvailabilityCheck, AvailabilityChecker } from './ports/availability.port';
import { CartRepository } from './ports/cart.port';
import { PriceListRepository } from './ports/price-list.port';

/** What the order service re-checked when a cart was continued elsewhere, and what changed. */
export interface Continuation {
  readonly from: Where;
  readonly to: Where;
  readonly availability: AvailabilityCheck;
  readonly priceChanges: readonly PriceChange[];
  /** Lines the price list priced otherwise than the cart had them: they have the list's price now. */
  readonly repriced: readonly Repricing[];
  /** SKUs the price list has no price for where the cart is now: the channel's price stands. */
  readonly unpricedSkus: readonly string[];
  /** One readable line per change: a line no longer available, a price that moved. */
  readonly changes: readonly string[];
}

/** What pricing the cart from the price list did. */
interface Pricing {
  readonly repriced: readonly Repricing[];
  readonly unpriced: readonly string[];
}

interface Moved {
  readonly cart: Cart;
  readonly from: Where;
  readonly pricing: Pricing;
}

export type CartResult<T> = { ok: true; value: T } | { ok: false; code: CartRefusal; detail: string };

/** Who is acting on the cart: the customer account of the token (null for a guest or staff) and where. */
export interface Actor {
  readonly accountId: string | null;
  readonly where: Where;
}

const UNIQUE_VIOLATION = '23505';

class CartRefused extends Error {
  constructor(
    readonly code: CartRefusal,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function decided<T>(d: { ok: true; state: T } | { ok: false; code: CartRefusal; detail?: string }): T {
  if (!d.ok) throw new CartRefused(d.code, d.detail ?? d.code);
  return d.state;
}

/** A customer's token reaches its own carts and guest carts (addressed by their unguessable id). */
function assertReach(c: Cart | null, id: string, actor: Actor): Cart {
  if (!c) throw new CartRefused('CART.NOT_FOUND', `no cart ${id}`);
  if (actor.accountId !== null && c.ownerId !== null && c.ownerId !== actor.accountId) throw new CartRefused('CART.NOT_FOUND', `no cart ${id}`);
  return c;
}

export interface CheckoutRequest {
  readonly fulfilments: readonly FulfilmentRequest[] | null;
  readonly contact: Contact | null;
  readonly capturedTenders: readonly CapturedTenderPayload[];
  /** The caller trusted to state prices (scope prices:override), or null: the price list prices every line. */
  readonly priceOverrideBy: string | null;
}

/**
 * Carts and their continuation across channels (docs/carts.md): one open cart per signed-in
 * customer, a guest cart merged on sign-in, a handoff code for a store associate, a re-check of
 * availability and prices whenever the cart moves, and the checkout through the placement.
 */
@Injectable()
export class CartsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly availability: AvailabilityChecker,
    private readonly placement: PlaceOrderUseCase,
    private readonly carts: CartRepository,
    private readonly priceList: PriceListRepository,
  ) {}

  private async run<T>(work: () => Promise<T>): Promise<CartResult<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (e) {
      if (e instanceof CartRefused) return { ok: false, code: e.code, detail: e.detail };
      throw e;
    }
  }

  /** A new cart; a signed-in customer with an open cart gets that one back, continued where they are now. */
  create(
    actor: Actor,
    currency: string,
    lines: readonly LineInput[],
    retried = false,
  ): Promise<CartResult<{ cart: Cart; created: boolean; continuation: Continuation | null }>> {
    return this.run(async () => {
      const now = this.clock.now();
      const existing = await this.dataSource.transaction(async (m) => {
        if (actor.accountId === null) return null;
        const open = await this.carts.lockOpenOfOwner(m, actor.accountId);
        if (!open) return null;
        return this.moveIn(m, open, actor.where, now);
      });
      if (existing) return { cart: existing.cart, created: false, continuation: await this.recheck(existing) };
      const cart = newCart({ id: randomUUID(), ownerId: actor.accountId, currency, where: actor.where, lines }, now);
      try {
        await this.dataSource.transaction((m) => this.carts.insert(m, cart));
      } catch (e) {
        // Two first carts of one customer at once: the index keeps one; the loser continues it.
        if ((e as { code?: string }).code === UNIQUE_VIOLATION && actor.accountId !== null && !retried)
          return this.unwrapOrThrow(await this.create(actor, currency, lines, true));
        throw e;
      }
      return { cart, created: true, continuation: null };
    });
  }

  private unwrapOrThrow<T>(r: CartResult<T>): T {
    if (!r.ok) throw new CartRefused(r.code, r.detail);
    return r.value;
  }

  get(id: string, actor: Actor): Promise<CartResult<Cart>> {
    return this.run(async () => assertReach(await this.carts.find(this.dataSource.manager, id), id, actor));
  }

  /** The customer's open cart, as it stands (null when they have none). */
  ofCustomer(accountId: string): Promise<Cart | null> {
    return this.carts.findOpenOfOwner(this.dataSource.manager, accountId);
  }

  replaceLines(id: string, actor: Actor, lines: readonly LineInput[]): Promise<CartResult<{ cart: Cart; priceChanges: readonly PriceChange[] }>> {
    return this.run(() =>
      this.dataSource.transaction(async (m) => {
        const cart = decided(replaceLines(assertReach(await this.carts.lock(m, id), id, actor), lines, this.clock.now()));
        await this.carts.update(m, cart);
        return { cart, priceChanges: priceChanges(cart) };
      }),
    );
  }

  /** The cart is opened in another channel or store: saved there, then re-checked. */
  continue(id: string, actor: Actor): Promise<CartResult<{ cart: Cart; continuation: Continuation }>> {
    return this.run(async () => {
      const moved = await this.dataSource.transaction(async (m) =>
        this.moveIn(m, assertReach(await this.carts.lock(m, id), id, actor), actor.where, this.clock.now()),
      );
      return { cart: moved.cart, continuation: await this.recheck(moved) };
    });
  }

  /** On sign-in: the guest cart joins the customer's open cart (or becomes it), then is re-checked. */
  mergeOnSignIn(guestId: string, actor: Actor & { accountId: string }): Promise<CartResult<{ cart: Cart; continuation: Continuation }>> {
    return this.run(async () => {
      const now = this.clock.now();
      const done = await this.dataSource.transaction(async (m): Promise<Moved> => {
        const guest = assertReach(await this.carts.lock(m, guestId), guestId, actor);
        const mine = await this.carts.lockOpenOfOwner(m, actor.accountId);
        if (!mine) {
          const adopted = await this.priced(m, decided(adoptGuestCart(guest, actor.accountId, actor.where, now)), now);
          await this.carts.update(m, adopted.cart);
          return { cart: adopted.cart, from: { channel: guest.currentChannel, storeId: guest.currentStoreId }, pricing: adopted };
        }
        const merged = decided(mergeGuestCart(guest, mine, actor.where, now));
        const into = await this.priced(m, merged.into, now);
        await this.carts.update(m, merged.guest);
        await this.carts.update(m, into.cart);
        return { cart: into.cart, from: { channel: mine.currentChannel, storeId: mine.currentStoreId }, pricing: into };
      });
      return { cart: done.cart, continuation: await this.recheck(done) };
    });
  }

  /** A short code the customer reads to a store associate; only its hash is kept, for HANDOFF_TTL_MINUTES. */
  handoff(id: string, actor: Actor): Promise<CartResult<{ code: string; expiresAt: Date }>> {
    return this.run(() =>
      this.dataSource.transaction(async (m) => {
        const cart = assertReach(await this.carts.lock(m, id), id, actor);
        if (cart.status !== 'OPEN') throw new CartRefused('CART.NOT_OPEN', `cart ${id} is ${cart.status}`);
        let code = '';
        for (let i = 0; i < HANDOFF_CODE_LENGTH; i++) code += HANDOFF_CODE_ALPHABET[randomInt(HANDOFF_CODE_ALPHABET.length)];
        const expiresAt = new Date(this.clock.now().getTime() + HANDOFF_TTL_MINUTES * 60_000);
        await this.carts.setHandoff(m, id, hashHandoffCode(code), expiresAt);
        return { code, expiresAt };
      }),
    );
  }

  /** A POS claims the cart with its handoff code (single use) and continues it at its store. */
  claim(code: string, where: Where): Promise<CartResult<{ cart: Cart; continuation: Continuation }>> {
    return this.run(async () => {
      const now = this.clock.now();
      const moved = await this.dataSource.transaction(async (m) => {
        const cart = await this.carts.lockByHandoff(m, hashHandoffCode(code), now);
        if (!cart) throw new CartRefused('CART.HANDOFF_INVALID', 'no open cart has this handoff code, or it expired');
        await this.carts.setHandoff(m, cart.id, null, null);
        return this.moveIn(m, cart, where, now);
      });
      return { cart: moved.cart, continuation: await this.recheck(moved) };
    });
  }

  /**
   * Places the order from the cart (its lines, in one pickup or the given groups) and closes the
   * cart in the same transaction. A price the price list changed since the customer last saw the
   * cart refuses the checkout (CART.PRICE_CHANGED) with the cart at the new prices: nobody is
   * charged a price they were not shown.
   */
  checkout(id: string, actor: Actor, request: CheckoutRequest): Promise<CartResult<PlaceOrderResult>> {
    return this.run(async () => {
      const now = this.clock.now();
      const pricing = await this.dataSource.transaction(async (m) => {
        const locked = assertReach(await this.carts.lock(m, id), id, actor);
        if (locked.status !== 'OPEN') return null;
        const p = reprice(locked, await this.listPrices(m, locked, actor.where, now));
        if (p.repriced.length > 0) await this.carts.update(m, p.cart);
        return p;
      });
      if (pricing && pricing.repriced.length > 0) {
        throw new CartRefused(
          'CART.PRICE_CHANGED',
          `the price list changed the price of ${pricing.repriced.map((r) => `${r.sku} (${r.from} → ${r.to})`).join(', ')}: the cart has the new prices, check out again`,
        );
      }
      const cart = assertReach(await this.carts.find(this.dataSource.manager, id), id, actor);
      if (cart.status !== 'OPEN') throw new CartRefused('CART.NOT_OPEN', `cart ${id} is ${cart.status}`);
      if (cart.lines.length === 0) throw new CartRefused('CART.EMPTY', `cart ${id} has no lines`);
      if (actor.where.channel === 'pos' && cart.currentStoreId !== actor.where.storeId)
        throw new CartRefused('CART.NOT_YOURS', `cart ${id} is not continued at store ${actor.where.storeId}: claim it first`);
      const lines = cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }));
      // The groups asked for carry the lines as the caller read them: each must be at the cart's price.
      const price = new Map(cart.lines.map((l) => [l.sku, l.unitPrice]));
      const stale = (request.fulfilments ?? []).flatMap((f) => f.lines).filter((l) => price.get(l.sku) !== l.unitPrice);
      if (stale.length > 0)
        throw new CartRefused(
          'CART.PRICE_CHANGED',
          `the cart prices ${stale.map((l) => l.sku).join(', ')} otherwise than asked: read the cart and check out again`,
        );
      const fulfilments = request.fulfilments ?? (actor.where.storeId ? [{ type: 'pickup' as const, storeId: actor.where.storeId, lines }] : null);
      if (!fulfilments) throw new CartRefused('CART.EMPTY', 'fulfilments are needed: the cart is not at a store to take it from');
      return this.placement.execute({
        channel: actor.where.channel,
        placedAtStoreId: actor.where.channel === 'pos' ? actor.where.storeId : null,
        customerId: cart.ownerId ?? actor.accountId,
        contact: request.contact,
        currency: cart.currency,
        fulfilments,
        capturedTenders: request.capturedTenders,
        priceOverrideBy: request.priceOverrideBy,
        cart: {
          attribution: { cartId: cart.id, startedChannel: cart.startedChannel, startedStoreId: cart.startedStoreId, startedAt: cart.createdAt.toISOString() },
          within: async (m: EntityManager, order: Order) => {
            const locked = await this.carts.lock(m, id);
            if (!locked) throw new CartRefused('CART.NOT_FOUND', `no cart ${id}`);
            const moved = decided(continueIn(locked, actor.where, order.placedAt)).cart;
            await this.carts.update(m, decided(checkOut(moved, order.id, order.placedAt)));
          },
        },
      });
    });
  }

  private async moveIn(m: EntityManager, cart: Cart, where: Where, now: Date): Promise<Moved> {
    const d = decided(continueIn(cart, where, now));
    const p = await this.priced(m, d.cart, now);
    await this.carts.update(m, p.cart);
    return { cart: p.cart, from: { channel: cart.currentChannel, storeId: cart.currentStoreId }, pricing: p };
  }

  /** The cart at the price list's prices where it is now (the caller saves it). */
  private async priced(m: EntityManager, cart: Cart, now: Date): Promise<{ cart: Cart } & Pricing> {
    return reprice(cart, await this.listPrices(m, cart, { channel: cart.currentChannel, storeId: cart.currentStoreId }, now));
  }

  /** The price list's unit price of each of the cart's SKUs for a sale in `where` (channel, store) now (SKUs it does not price are absent). */
  private async listPrices(m: EntityManager, cart: Cart, where: { channel: Channel; storeId: string | null }, now: Date): Promise<Map<string, number>> {
    const entries = await this.priceList.forSkus(
      m,
      cart.lines.map((l) => l.sku),
      cart.currency,
    );
    const prices = new Map<string, number>();
    for (const [sku, list] of entries) {
      const price = listPrice(list, { currency: cart.currency, storeId: where.storeId, channel: where.channel, at: now });
      if (price !== null) prices.set(sku, price);
    }
    return prices;
  }

  /** Availability at the store the cart is continued at (asked of inventory), prices from the price list and against the first ones. */
  async recheck({ cart, from, pricing }: Moved): Promise<Continuation> {
    const availability = await this.availability.check(cart.currentStoreId, cart.lines);
    const changedPrices = priceChanges(cart);
    const changes = [
      ...(availability.status === 'CHECKED'
        ? availability.lines
            .filter((l) => !l.available)
            .map((l) => `${l.sku}: no longer available at ${availability.storeId} (${l.availableAtStore} free, ${l.quantity} wanted)`)
        : []),
      ...pricing.repriced.map((r) => `${r.sku}: unit price ${r.to} from the price list, ${r.from} in the cart before`),
      ...changedPrices
        .filter((p) => !pricing.repriced.some((r) => r.sku === p.sku))
        .map((p) => `${p.sku}: unit price ${p.firstUnitPrice} when added, ${p.unitPrice} now`),
    ];
    return {
      from,
      to: { channel: cart.currentChannel, storeId: cart.currentStoreId },
      availability,
      priceChanges: changedPrices,
      repriced: pricing.repriced,
      unpricedSkus: pricing.unpriced,
      changes,
    };
  }
}
