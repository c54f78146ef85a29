import { EntityManager } from 'typeorm';
import { StoreCreditBalance, StoreCreditRepository } from '../application/ports/store-credit.port';

/** Store-credit balances (ADR 0009): one row per account and currency, entries as the ledger. */
export const storeCreditRepository = {
  async credit(
    m: EntityManager,
    e: { entryId: string; accountId: string; currency: string; amount: number; returnId: string; orderId: string; at: Date },
  ): Promise<number> {
    await m.query(`INSERT INTO store_credit_entries (id, account_id, currency, delta, return_id, order_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      e.entryId,
      e.accountId,
      e.currency,
      e.amount,
      e.returnId,
      e.orderId,
      e.at,
    ]);
    const rows: { balance: number }[] = await m.query(
      `INSERT INTO store_credit_accounts (account_id, currency, balance) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, currency) DO UPDATE SET balance = store_credit_accounts.balance + $3, updated_at = now() RETURNING balance`,
      [e.accountId, e.currency, e.amount],
    );
    return rows[0].balance;
  },

  /**
   * Puts back the store-credit part of an order's refund request; false when that refund's part
   * for this tender was put back already (the same request under another event id).
   */
  async reinstate(
    m: EntityManager,
    e: { entryId: string; accountId: string; currency: string; amount: number; orderId: string; refundId: string; tenderReference: string; at: Date },
  ): Promise<number | null> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO store_credit_entries (id, account_id, currency, delta, order_id, refund_id, tender_reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (refund_id, tender_reference) WHERE refund_id IS NOT NULL DO NOTHING RETURNING id`,
      [e.entryId, e.accountId, e.currency, e.amount, e.orderId, e.refundId, e.tenderReference, e.at],
    );
    if (inserted.length === 0) return null;
    const rows: { balance: number }[] = await m.query(
      `INSERT INTO store_credit_accounts (account_id, currency, balance) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, currency) DO UPDATE SET balance = store_credit_accounts.balance + $3, updated_at = now() RETURNING balance`,
      [e.accountId, e.currency, e.amount],
    );
    return rows[0].balance;
  },

  /** The account a redemption spent from (`redemptionId` is what an order's store-credit tender names). */
  async accountOfRedemption(m: EntityManager, redemptionId: string): Promise<string | null> {
    const rows: { account_id: string }[] = await m.query(`SELECT account_id FROM store_credit_entries WHERE id::text = $1 AND delta < 0`, [redemptionId]);
    return rows[0]?.account_id ?? null;
  },

  /** Spends `amount` only if the balance covers it, in one statement: two checkouts cannot both spend the last credit. */
  async tryDebit(
    m: EntityManager,
    e: { entryId: string; accountId: string; currency: string; amount: number; reference: string; at: Date },
  ): Promise<number | null> {
    const rows: [{ balance: number }[], number] = await m.query(
      `UPDATE store_credit_accounts SET balance = balance - $3, updated_at = now() WHERE account_id = $1 AND currency = $2 AND balance >= $3 RETURNING balance`,
      [e.accountId, e.currency, e.amount],
    );
    if (rows[1] !== 1) return null;
    await m.query(`INSERT INTO store_credit_entries (id, account_id, currency, delta, reference, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      e.entryId,
      e.accountId,
      e.currency,
      -e.amount,
      e.reference,
      e.at,
    ]);
    return rows[0][0].balance;
  },

  /**
   * A redemption an order paid with: the order's id is written on the ledger entry. The tender's
   * reference comes from the till and need not be a redemption id (nor a UUID) at all.
   */
  async attachOrder(m: EntityManager, redemptionId: string, orderId: string): Promise<void> {
    await m.query(`UPDATE store_credit_entries SET order_id = $2 WHERE id::text = $1 AND delta < 0 AND order_id IS NULL`, [redemptionId, orderId]);
  },

  async balances(m: EntityManager, accountId: string): Promise<StoreCreditBalance[]> {
    const rows: { account_id: string; currency: string; balance: number }[] = await m.query(
      `SELECT * FROM store_credit_accounts WHERE account_id = $1 ORDER BY currency`,
      [accountId],
    );
    return rows.map((r) => ({ accountId: r.account_id, currency: r.currency, balance: r.balance }));
  },

  /** The redemption a checkout made under its reference, so a retry spends once. */
  async redemptionByReference(m: EntityManager, accountId: string, reference: string): Promise<{ id: string; currency: string; amount: number } | null> {
    const rows: { id: string; currency: string; delta: number }[] = await m.query(
      `SELECT id, currency, delta FROM store_credit_entries WHERE account_id = $1 AND reference = $2`,
      [accountId, reference],
    );
    return rows[0] ? { id: rows[0].id, currency: rows[0].currency, amount: -rows[0].delta } : null;
  },
} satisfies StoreCreditRepository;
