import { EntityManager } from 'typeorm';
import { AuthorisationRepository, ReturnAuthorisation } from '../application/ports/authorisation.port';
import { Parcel, ParcelStatus, ReturnMethod } from '../domain/parcel.machine';

/** How a parcel is kept in its jsonb column: dates as ISO strings. */
interface ParcelJson extends Omit<Parcel, 'history' | 'receivedAt'> {
  history: { status: ParcelStatus; at: string }[];
  receivedAt: string | null;
}

const parcelToJson = (p: Parcel): ParcelJson => ({
  ...p,
  history: p.history.map((h) => ({ status: h.status, at: h.at.toISOString() })),
  receivedAt: p.receivedAt?.toISOString() ?? null,
});
const parcelFromJson = (p: ParcelJson): Parcel => ({
  ...p,
  history: p.history.map((h) => ({ status: h.status, at: new Date(h.at) })),
  receivedAt: p.receivedAt === null ? null : new Date(p.receivedAt),
});

interface Row {
  id: string;
  code: string;
  order_id: string;
  customer_id: string | null;
  lines: ReturnAuthorisation['lines'];
  status: 'OPEN' | 'USED';
  return_id: string | null;
  expires_at: Date;
  created_at: Date;
  method: ReturnMethod;
  parcel: ParcelJson | null;
}

const toAuthorisation = (r: Row): ReturnAuthorisation => ({
  id: r.id,
  code: r.code,
  orderId: r.order_id,
  customerId: r.customer_id,
  lines: r.lines,
  status: r.status,
  returnId: r.return_id,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  method: r.method,
  parcel: r.parcel === null ? null : parcelFromJson(r.parcel),
});

export const authorisationRepository = {
  /** False when the code is taken (the caller draws another). */
  async tryInsert(m: EntityManager, a: ReturnAuthorisation): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO return_authorisations (id, code, order_id, customer_id, lines, status, expires_at, created_at, method)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [a.id, a.code, a.orderId, a.customerId, JSON.stringify(a.lines), a.expiresAt, a.createdAt, a.method],
    );
    return rows.length === 1;
  },

  async findByCode(m: EntityManager, code: string, lock = false): Promise<ReturnAuthorisation | null> {
    const rows: Row[] = await m.query(`SELECT * FROM return_authorisations WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`, [code]);
    return rows[0] ? toAuthorisation(rows[0]) : null;
  },

  /** The authorisation whose parcel has this tracking number (locked: tracking and receipt of one parcel run one after the other). */
  async findByTracking(m: EntityManager, trackingNumber: string): Promise<ReturnAuthorisation | null> {
    const rows: Row[] = await m.query(`SELECT * FROM return_authorisations WHERE parcel->>'trackingNumber' = $1 FOR UPDATE`, [trackingNumber]);
    return rows[0] ? toAuthorisation(rows[0]) : null;
  },

  async saveParcel(m: EntityManager, id: string, parcel: Parcel): Promise<void> {
    await m.query(`UPDATE return_authorisations SET parcel = $2 WHERE id = $1`, [id, JSON.stringify(parcelToJson(parcel))]);
  },

  async markUsed(m: EntityManager, id: string, returnId: string): Promise<void> {
    await m.query(`UPDATE return_authorisations SET status = 'USED', return_id = $2 WHERE id = $1`, [id, returnId]);
  },

  async reopen(m: EntityManager, returnId: string): Promise<void> {
    await m.query(`UPDATE return_authorisations SET status = 'OPEN', return_id = NULL WHERE return_id = $1`, [returnId]);
  },
} satisfies AuthorisationRepository;
