import { Channel } from '@omni/contracts';
import { markRequestCommitted } from '@omni/messaging';
import { noteCreated } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { Cart, CartLine, CartStatus } from '../domain/cart';
import { CartRepository } from '../application/ports/cart.port';
import { ConsentRepository } from '../application/ports/consent.port';

interface CartRow {
  id: string;
  owner_id: string | null;
  status: CartStatus;
  currency: string;
  started_channel: Channel;
  started_store_id: string | null;
  current_channel: Channel;
  current_store_id: string | null;
  lines: CartLine[];
  created_at: Date;
  last_activity_at: Date;
  order_id: string | null;
  merged_into_id: string | null;
}

function toCart(r: CartRow): Cart {
  return {
    id: r.id,
    ownerId: r.owner_id,
    status: r.status,
    currency: r.currency,
    startedChannel: r.started_channel,
    startedStoreId: r.started_store_id,
    currentChannel: r.current_channel,
    currentStoreId: r.current_store_id,
    lines: r.lines,
    createdAt: new Date(r.created_at),
    lastActivityAt: new Date(r.last_activity_at),
    orderId: r.order_id,
    mergedIntoId: r.merged_into_id,
  };
}

const COLUMNS =
  'id, owner_id, status, currency, started_channel, started_store_id, current_channel, current_store_id, lines, created_at, last_activity_at, order_id, merged_into_id';

async function one(m: EntityManager, sql: string, params: unknown[]): Promise<Cart | null> {
  const rows: CartRow[] = await m.query(sql, params);
  return rows[0] ? toCart(rows[0]) : null;
}

/** Carts and the hash of their handoff code, in plain SQL over the carts table. */
export const cartRepository = {
  find(m: EntityManager, id: string): Promise<Cart | null> {
    return one(m, `SELECT ${COLUMNS} FROM carts WHERE id = $1`, [id]);
  },

  /** The cart, locked for the rest of the transaction. */
  lock(m: EntityManager, id: string): Promise<Cart | null> {
    return one(m, `SELECT ${COLUMNS} FROM carts WHERE id = $1 FOR UPDATE`, [id]);
  },

  findOpenOfOwner(m: EntityManager, ownerId: string): Promise<Cart | null> {
    return one(m, `SELECT ${COLUMNS} FROM carts WHERE owner_id = $1 AND status = 'OPEN'`, [ownerId]);
  },

  lockOpenOfOwner(m: EntityManager, ownerId: string): Promise<Cart | null> {
    return one(m, `SELECT ${COLUMNS} FROM carts WHERE owner_id = $1 AND status = 'OPEN' FOR UPDATE`, [ownerId]);
  },

  /** The open cart whose unexpired handoff code has this hash, locked. */
  lockByHandoff(m: EntityManager, hash: string, now: Date): Promise<Cart | null> {
    return one(m, `SELECT ${COLUMNS} FROM carts WHERE handoff_hash = $1 AND handoff_expires_at > $2 AND status = 'OPEN' FOR UPDATE`, [hash, now]);
  },

  /** The oldest open cart untouched since `before`, locked, skipping carts another sweeper holds. */
  lockNextIdle(m: EntityManager, before: Date): Promise<Cart | null> {
    return one(m, `SELECT ${COLUMNS} FROM carts WHERE status = 'OPEN' AND last_activity_at < $1 ORDER BY last_activity_at LIMIT 1 FOR UPDATE SKIP LOCKED`, [
      before,
    ]);
  },

  forOrder(m: EntityManager, orderId: string): Promise<Cart | null> {
    return one(m, `SELECT ${COLUMNS} FROM carts WHERE order_id = $1`, [orderId]);
  },

  async insert(m: EntityManager, c: Cart): Promise<void> {
    noteCreated(`/carts/${c.id}`);
    await markRequestCommitted(m);
    await m.query(`INSERT INTO carts (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
      c.id,
      c.ownerId,
      c.status,
      c.currency,
      c.startedChannel,
      c.startedStoreId,
      c.currentChannel,
      c.currentStoreId,
      JSON.stringify(c.lines),
      c.createdAt,
      c.lastActivityAt,
      c.orderId,
      c.mergedIntoId,
    ]);
  },

  /** Saves the cart; a cart that leaves OPEN loses its handoff code. */
  async update(m: EntityManager, c: Cart): Promise<void> {
    await markRequestCommitted(m);
    await m.query(
      `UPDATE carts SET owner_id = $2, status = $3, current_channel = $4, current_store_id = $5, lines = $6, last_activity_at = $7, order_id = $8, merged_into_id = $9,
         handoff_hash = CASE WHEN $3 = 'OPEN' THEN handoff_hash END, handoff_expires_at = CASE WHEN $3 = 'OPEN' THEN handoff_expires_at END
       WHERE id = $1`,
      [c.id, c.ownerId, c.status, c.currentChannel, c.currentStoreId, JSON.stringify(c.lines), c.lastActivityAt, c.orderId, c.mergedIntoId],
    );
  },

  async setHandoff(m: EntityManager, id: string, hash: string | null, expiresAt: Date | null): Promise<void> {
    await markRequestCommitted(m);
    await m.query(`UPDATE carts SET handoff_hash = $2, handoff_expires_at = $3 WHERE id = $1`, [id, hash, expiresAt]);
  },
} satisfies CartRepository;

/** Marketing consent per customer account id, as customer.preferences-changed last said it. */
export const consentRepository = {
  async record(m: EntityManager, customerId: string, accountIds: readonly string[], granted: boolean, changedAt: Date): Promise<void> {
    for (const accountId of accountIds) {
      // An older event (redelivered or out of order across partitions) does not overwrite a newer one.
      await m.query(
        `INSERT INTO marketing_consents (account_id, customer_id, granted, changed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, granted = EXCLUDED.granted, changed_at = EXCLUDED.changed_at
         WHERE marketing_consents.changed_at <= EXCLUDED.changed_at`,
        [accountId, customerId, granted, changedAt],
      );
    }
  },

  async granted(m: EntityManager, accountId: string): Promise<boolean> {
    const rows: { granted: boolean }[] = await m.query(`SELECT granted FROM marketing_consents WHERE account_id = $1`, [accountId]);
    return rows[0]?.granted === true;
  },
} satisfies ConsentRepository;
