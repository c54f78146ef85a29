import { EntityManager } from 'typeorm';
import type { Channel } from '@omni/contracts';
import { PriceEntry } from '@omni/contracts';
import { PriceListRepository } from '../application/ports/price-list.port';

interface PriceRow {
  sku: string;
  currency: string;
  store_id: string;
  channel: string;
  valid_from: Date | null;
  valid_until: Date | null;
  unit_price: number;
}

// The general price is stored under store_id '' and channel '', and a price in force from the
// start under valid_from '-infinity', so that the primary key covers them all.
const entryOf = (r: PriceRow): PriceEntry => ({
  currency: r.currency,
  unitPrice: r.unit_price,
  storeId: r.store_id === '' ? null : r.store_id,
  channel: r.channel === '' ? null : (r.channel as Channel),
  validFrom: r.valid_from === null ? null : new Date(r.valid_from),
  validUntil: r.valid_until === null ? null : new Date(r.valid_until),
});

const COLUMNS = `sku, currency, store_id, channel, NULLIF(valid_from, '-infinity') AS valid_from, valid_until, unit_price, updated_at`;
const ORDER = 'ORDER BY currency, store_id, channel, price_list.valid_from';

/** The price list in plain SQL over price_list. */
export const priceListRepository = {
  /** The SKU's prices become exactly `entries` (none: the SKU leaves the list). */
  async replace(m: EntityManager, sku: string, entries: readonly PriceEntry[], now: Date): Promise<void> {
    await m.query(`DELETE FROM price_list WHERE sku = $1`, [sku]);
    if (entries.length === 0) return;
    await m.query(
      `INSERT INTO price_list (sku, currency, store_id, channel, valid_from, valid_until, unit_price, updated_at)
       SELECT $1, e.currency, e.store_id, e.channel, coalesce(e.valid_from, '-infinity'), e.valid_until, e.unit_price, $3
       FROM jsonb_to_recordset($2::jsonb) AS e (currency char(3), store_id text, channel text, valid_from timestamptz, valid_until timestamptz, unit_price integer)`,
      [
        sku,
        JSON.stringify(
          entries.map((e) => ({
            currency: e.currency,
            store_id: e.storeId ?? '',
            channel: e.channel ?? '',
            valid_from: e.validFrom?.toISOString() ?? null,
            valid_until: e.validUntil?.toISOString() ?? null,
            unit_price: e.unitPrice,
          })),
        ),
        now,
      ],
    );
  },

  async find(m: EntityManager, sku: string): Promise<{ entries: PriceEntry[]; updatedAt: Date | null }> {
    const rows: (PriceRow & { updated_at: Date })[] = await m.query(`SELECT ${COLUMNS} FROM price_list WHERE sku = $1 ${ORDER}`, [sku]);
    return { entries: rows.map(entryOf), updatedAt: rows.length > 0 ? new Date(Math.max(...rows.map((r) => new Date(r.updated_at).getTime()))) : null };
  },

  /** Every SKU's entries. */
  async all(m: EntityManager): Promise<Map<string, PriceEntry[]>> {
    const out = new Map<string, PriceEntry[]>();
    const rows: PriceRow[] = await m.query(`SELECT ${COLUMNS} FROM price_list ORDER BY sku, currency, store_id, channel, price_list.valid_from`);
    for (const r of rows) out.set(r.sku, [...(out.get(r.sku) ?? []), entryOf(r)]);
    return out;
  },

  /** The entries of each of `skus` in `currency` (a SKU without any is absent). */
  async forSkus(m: EntityManager, skus: readonly string[], currency: string): Promise<Map<string, PriceEntry[]>> {
    const out = new Map<string, PriceEntry[]>();
    if (skus.length === 0) return out;
    const rows: PriceRow[] = await m.query(`SELECT ${COLUMNS} FROM price_list WHERE sku = ANY($1::text[]) AND currency = $2 ${ORDER}`, [[...skus], currency]);
    for (const r of rows) out.set(r.sku, [...(out.get(r.sku) ?? []), entryOf(r)]);
    return out;
  },
} satisfies PriceListRepository;
