import { byKey, prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { Location } from '../domain/location';
import { LocationRepository } from '../application/ports/location.port';

export interface LocationRow {
  id: string;
  name: string;
  kind: 'store' | 'warehouse';
  time_zone: string;
  offers_pickup: boolean;
  pick_time_minutes: number;
  pickup_hold_days: number;
  transfer_days: number;
  latitude: number | null;
  longitude: number | null;
}

/** The columns of a LocationRow, for statements that name what they read (prepared ones must: a column added later would change their result). */
export const LOCATION_COLUMNS = [
  'id',
  'name',
  'kind',
  'time_zone',
  'offers_pickup',
  'pick_time_minutes',
  'pickup_hold_days',
  'transfer_days',
  'latitude',
  'longitude',
] as const;

export const toLocation = (r: LocationRow): Location => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  timeZone: r.time_zone,
  offersPickup: r.offers_pickup,
  pickTimeMinutes: r.pick_time_minutes,
  pickupHoldDays: r.pickup_hold_days,
  transferDays: r.transfer_days,
  latitude: r.latitude,
  longitude: r.longitude,
});

export const locationRepository = {
  async find(m: EntityManager, id: string): Promise<Location | null> {
    const rows: LocationRow[] = await m.query(`SELECT * FROM locations WHERE id = $1`, [id]);
    return rows[0] ? toLocation(rows[0]) : null;
  },

  async findMany(m: EntityManager, ids: readonly string[]): Promise<Location[]> {
    if (ids.length === 0) return [];
    const { rows } = await prepared<LocationRow>(m, 'locations-find-many', `SELECT l.* FROM ${byKey('locations', '*', 'id', 'l', { type: 'text' })}`, [
      [...ids],
    ]);
    return rows.map(toLocation);
  },

  async list(m: EntityManager): Promise<Location[]> {
    const rows: LocationRow[] = await m.query(`SELECT * FROM locations ORDER BY id`);
    return rows.map(toLocation);
  },

  async exists(m: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM locations WHERE id = $1`, [id]);
    return rows.length === 1;
  },

  /** Creates or replaces; true when the location is new. */
  async upsert(m: EntityManager, l: Location): Promise<boolean> {
    const rows: { created: boolean }[] = await m.query(
      `INSERT INTO locations (id, name, kind, time_zone, offers_pickup, pick_time_minutes, pickup_hold_days, transfer_days, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET name = $2, kind = $3, time_zone = $4, offers_pickup = $5, pick_time_minutes = $6,
         pickup_hold_days = $7, transfer_days = $8, latitude = $9, longitude = $10, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [l.id, l.name, l.kind, l.timeZone, l.offersPickup, l.pickTimeMinutes, l.pickupHoldDays, l.transferDays, l.latitude, l.longitude],
    );
    return rows[0].created;
  },
} satisfies LocationRepository;
