import { Injectable } from '@nestjs/common';
import { CapturedTenderPayload } from '@omni/contracts';
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
  Where,
} from '../domain/cart';
import { Contact, Order } from '../domain/order';
import { AvailabilityCheck, AvailabilityClient } from '../infrastructure/availability.client';
import { cartRepository } from '../infrastructure/cart.repository';
import { FulfilmentRequest, PlaceOrderResult, PlaceOrderUseCase } from './place-order.use-case';

/** What the order service re-checked when a cart was continued elsewhere, and what changed. */
export interface Continuation {
  readonly from: Where;
  readonly to: Where;
  readonly availability: AvailabilityCheck;
  readonly priceChanges: readonly PriceChange[];
  /** One readable line per change: a line no longer available, a price that moved. */
  readonly changes: readonly string[];
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
    private readonly availability: AvailabilityClient,
    private readonly placement: PlaceOrderUseCase,
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
  create(actor: Actor, currency: string, lines: readonly LineInput[], retried = false): Promise<CartResult<{ cart: Cart; created: boolean; continuation: Continuation | null }>> {
    return this.run(async () => {
      const now = this.clock.now();
      const existing = await this.dataSource.transaction(async (m) => {
        if (actor.accountId === null) return null;
        const open = await cartRepository.lockOpenOfOwner(m, actor.accountId);
        if (!open) return null;
        return this.moveIn(m, open, actor.where, now);
      });
      if (existing) return { cart: existing.cart, created: false, continuation: await this.recheck(existing.cart, existing.from) };
      const cart = newCart({ id: randomUUID(), ownerId: actor.accountId, currency, where: actor.where, lines }, now);
      try {
        await this.dataSource.transaction((m) => cartRepository.insert(m, cart));
      } catch (e) {
        // Two first carts of one customer at once: the index keeps one; the loser continues it.
        if ((e as { code?: string }).code === UNIQUE_VIOLATION && actor.accountId !== null && !retried) return this.unwrapOrThrow(await this.create(actor, currency, lines, true));
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
    return this.run(async () => assertReach(await cartRepository.find(this.dataSource.manager, id), id, actor));
  }

  /** The customer's open cart, as it stands (null when they have none). */
  ofCustomer(accountId: string): Promise<Cart | null> {
    return cartRepository.findOpenOfOwner(this.dataSource.manager, accountId);
  }

  replaceLines(id: string, actor: Actor, lines: readonly LineInput[]): Promise<CartResult<{ cart: Cart; priceChanges: readonly PriceChange[] }>> {
    return this.run(() =>
      this.dataSource.transaction(async (m) => {
        const cart = decided(replaceLines(assertReach(await cartRepository.lock(m, id), id, actor), lines, this.clock.now()));
        await cartRepository.update(m, cart);
        return { cart, priceChanges: priceChanges(cart) };
      }),
    );
  }

  /** The cart is opened in another channel or store: saved there, then re-checked. */
  continue(id: string, actor: Actor): Promise<CartResult<{ cart: Cart; continuation: Continuation }>> {
    return this.run(async () => {
      const moved = await this.dataSource.transaction(async (m) => this.moveIn(m, assertReach(await cartRepository.lock(m, id), id, actor), actor.where, this.clock.now()));
      return { cart: moved.cart, continuation: await this.recheck(moved.cart, moved.from) };
    });
  }

  /** On sign-in: the guest cart joins the customer's open cart (or becomes it), then is re-checked. */
  mergeOnSignIn(guestId: string, actor: Actor & { accountId: string }): Promise<CartResult<{ cart: Cart; continuation: Continuation }>> {
    return this.run(async () => {
      const now = this.clock.now();
      const done = await this.dataSource.transaction(async (m) => {
        const guest = assertReach(await cartRepository.lock(m, guestId), guestId, actor);
        const mine = await cartRepository.lockOpenOfOwner(m, actor.accountId);
        if (!mine) {
          const adopted = decided(adoptGuestCart(guest, actor.accountId, actor.where, now));
          await cartRepository.update(m, adopted);
          return { cart: adopted, from: { channel: guest.currentChannel, storeId: guest.currentStoreId } };
        }
        const merged = decided(mergeGuestCart(guest, mine, actor.where, now));
        await cartRepository.update(m, merged.guest);
        await cartRepository.update(m, merged.into);
        return { cart: merged.into, from: { channel: mine.currentChannel, storeId: mine.currentStoreId } };
      });
      return { cart: done.cart, continuation: await this.recheck(done.cart, done.from) };
    });
  }

  /** A short code the customer reads to a store associate; only its hash is kept, for HANDOFF_TTL_MINUTES. */
  handoff(id: string, actor: Actor): Promise<CartResult<{ code: string; expiresAt: Date }>> {
    return this.run(() =>
      this.dataSource.transaction(async (m) => {
        const cart = assertReach(await cartRepository.lock(m, id), id, actor);
        if (cart.status !== 'OPEN') throw new CartRefused('CART.NOT_OPEN', `cart ${id} is ${cart.status}`);
        let code = '';
        for (let i = 0; i < HANDOFF_CODE_LENGTH; i++) code += HANDOFF_CODE_ALPHABET[randomInt(HANDOFF_CODE_ALPHABET.length)];
        const expiresAt = new Date(this.clock.now().getTime() + HANDOFF_TTL_MINUTES * 60_000);
        await cartRepository.setHandoff(m, id, hashHandoffCode(code), expiresAt);
        return { code, expiresAt };
      }),
    );
  }

  /** A POS claims the cart with its handoff code (single use) and continues it at its store. */
  claim(code: string, where: Where): Promise<CartResult<{ cart: Cart; continuation: Continuation }>> {
    return this.run(async () => {
      const now = this.clock.now();
      const moved = await this.dataSource.transaction(async (m) => {
        const cart = await cartRepository.lockByHandoff(m, hashHandoffCode(code), now);
        if (!cart) throw new CartRefused('CART.HANDOFF_INVALID', 'no open cart has this handoff code, or it expired');
        await cartRepository.setHandoff(m, cart.id, null, null);
        return this.moveIn(m, cart, where, now);
      });
      return { cart: moved.cart, continuation: await this.recheck(moved.cart, moved.from) };
    });
  }

  /** Places the order from the cart (its lines, in one pickup or the given groups) and closes the cart in the same transaction. */
  checkout(id: string, actor: Actor, request: CheckoutRequest): Promise<CartResult<PlaceOrderResult>> {
    return this.run(async () => {
      const cart = assertReach(await cartRepository.find(this.dataSource.manager, id), id, actor);
      if (cart.status !== 'OPEN') throw new CartRefused('CART.NOT_OPEN', `cart ${id} is ${cart.status}`);
      if (cart.lines.length === 0) throw new CartRefused('CART.EMPTY', `cart ${id} has no lines`);
      if (actor.where.channel === 'pos' && cart.currentStoreId !== actor.where.storeId) throw new CartRefused('CART.NOT_YOURS', `cart ${id} is not continued at store ${actor.where.storeId}: claim it first`);
      const lines = cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }));
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
        cart: {
          attribution: { cartId: cart.id, startedChannel: cart.startedChannel, startedStoreId: cart.startedStoreId, startedAt: cart.createdAt.toISOString() },
          within: async (m: EntityManager, order: Order) => {
            const locked = await cartRepository.lock(m, id);
            if (!locked) throw new CartRefused('CART.NOT_FOUND', `no cart ${id}`);
            const moved = decided(continueIn(locked, actor.where, order.placedAt)).cart;
            await cartRepository.update(m, decided(checkOut(moved, order.id, order.placedAt)));
          },
        },
      });
    });
  }

  private async moveIn(m: EntityManager, cart: Cart, where: Where, now: Date): Promise<{ cart: Cart; from: Where }> {
    const d = decided(continueIn(cart, where, now));
    await cartRepository.update(m, d.cart);
    return { cart: d.cart, from: { channel: cart.currentChannel, storeId: cart.currentStoreId } };
  }

  /** Availability at the store the cart is continued at (asked of inventory) and prices against the first ones. */
  async recheck(cart: Cart, from: Where): Promise<Continuation> {
    const availability = await this.availability.check(cart.currentStoreId, cart.lines);
    const changedPrices = priceChanges(cart);
    const changes = [
      ...(availability.status === 'CHECKED' ? availability.lines.filter((l) => !l.available).map((l) => `${l.sku}: no longer available at ${availability.storeId} (${l.availableAtStore} free, ${l.quantity} wanted)`) : []),
      ...changedPrices.map((p) => `${p.sku}: unit price ${p.firstUnitPrice} when added, ${p.unitPrice} now`),
    ];
    return { from, to: { channel: cart.currentChannel, storeId: cart.currentStoreId }, availability, priceChanges: changedPrices, changes };
  }
}
