import { Injectable } from '@nestjs/common';
import { bucketSql, KpiWindow } from '@omni/platform';
import { DataSource } from 'typeorm';
import { CartKpis, cartKpis } from '../domain/cart-kpis';

/**
 * The carts started in the window ($1, $2), per bucket ($5), started channel and last channel,
 * by how they stand now. A store ($3) counts the carts started or last continued there; a
 * channel ($4) is the one they were started in.
 */
const CARTS_SQL = `
  SELECT ${bucketSql('created_at', '$5')} AS bucket,
         started_channel, current_channel,
         count(*)::int AS started,
         count(*) FILTER (WHERE status = 'CHECKED_OUT')::int AS checked_out,
         count(*) FILTER (WHERE status = 'ABANDONED')::int AS abandoned,
         count(*) FILTER (WHERE status = 'MERGED')::int AS merged,
         count(*) FILTER (WHERE status = 'OPEN')::int AS open
  FROM carts
  WHERE created_at >= $1 AND created_at < $2
    AND ($3::text IS NULL OR started_store_id = $3 OR current_store_id = $3)
    AND ($4::text IS NULL OR started_channel = $4)
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3`;

interface CartRow {
  bucket: string;
  started_channel: string;
  current_channel: string;
  started: number;
  checked_out: number;
  abandoned: number;
  merged: number;
  open: number;
}

/** Cart KPIs, read from the order service's own carts (ADR 0028). */
@Injectable()
export class CartKpiQueries {
  constructor(private readonly dataSource: DataSource) {}

  async carts(w: KpiWindow): Promise<CartKpis[]> {
    const rows = (await this.dataSource.query(CARTS_SQL, [w.from, w.to, w.storeId, w.channel, w.granularity])) as CartRow[];
    return rows.map((r) =>
      cartKpis({
        bucket: r.bucket,
        startedChannel: r.started_channel,
        lastChannel: r.current_channel,
        started: r.started,
        checkedOut: r.checked_out,
        abandoned: r.abandoned,
        merged: r.merged,
        open: r.open,
      }),
    );
  }
}
