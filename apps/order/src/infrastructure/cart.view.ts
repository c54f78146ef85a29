import { Cart } from '../domain/cart';
import { Continuation } from '../application/carts.use-case';

export function cartView(c: Cart) {
  return {
    id: c.id,
    status: c.status,
    customerId: c.ownerId,
    currency: c.currency,
    started: { channel: c.startedChannel, storeId: c.startedStoreId },
    current: { channel: c.currentChannel, storeId: c.currentStoreId },
    lines: c.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, firstUnitPrice: l.firstUnitPrice })),
    total: c.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0),
    orderId: c.orderId,
    mergedIntoId: c.mergedIntoId,
    createdAt: c.createdAt.toISOString(),
    lastActivityAt: c.lastActivityAt.toISOString(),
  };
}

export function continuedView(cart: Cart, continuation: Continuation | null) {
  return { cart: cartView(cart), continuation };
}

/** The cart attribution shown on an order placed from a cart. */
export function orderCartView(c: Cart | null) {
  if (!c) return null;
  return {
    cartId: c.id,
    startedChannel: c.startedChannel,
    startedStoreId: c.startedStoreId,
    startedAt: c.createdAt.toISOString(),
    finishedChannel: c.currentChannel,
    finishedStoreId: c.currentStoreId,
  };
}
