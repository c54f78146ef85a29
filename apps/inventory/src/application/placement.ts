import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { expectedArrival, Location } from '../domain/location';
import { Candidate, planDelivery, planSourcing, SourcingLine, SourcingPlan, withoutStock } from '../domain/sourcing';
import { Transfer } from '../domain/transfer.machine';
import { LocationRepository } from './ports/location.port';
import { ReservationRepository } from './ports/reservation.port';
import { StockRepository } from './ports/stock.port';
import { TransferRepository } from './ports/transfer.port';

export interface Placement {
  readonly line: SourcingLine;
  readonly locationId: string;
}

export interface PlacedReservation {
  readonly line: SourcingLine;
  readonly locationId: string;
  readonly transfer: Transfer | null;
}

const byLockOrder = (a: Placement, b: Placement) => a.locationId.localeCompare(b.locationId) || a.line.sku.localeCompare(b.line.sku);

/**
 * Where an order's lines are reserved — at the store, or at sources chosen by the sourcing rule —
 * and how those placements are recorded, in the caller's transaction. Shared by placing an order,
 * resolving a short pick, re-sourcing a lost transfer and allocating preorders.
 */
@Injectable()
export class Placements {
  constructor(
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
    private readonly transfers: TransferRepository,
  ) {}

  /**
   * Reserves `lines` away from the store by the sourcing rule. The snapshot is read without locks;
   * each placement is a conditional UPDATE, and a placement that loses a race takes that location
   * out of the snapshot for its SKU before the rule runs again, so this ends.
   */
  async reserveAtSources(m: EntityManager, store: Location, lines: readonly SourcingLine[]): Promise<{ placed: Placement[]; unavailable: SourcingLine[] }> {
    const candidates = await this.stock.candidates(m, store.id, [...new Set(lines.map((l) => l.sku))]);
    return this.reserveByRule(m, candidates, lines, (c, ls) => planSourcing(store, c, ls));
  }

  /**
   * Reserves `lines` at the store where it has the units, and the rest away from it by the sourcing
   * rule (`reserveAtSources`). A fixed lock order (by SKU) keeps two multi-line orders from
   * deadlocking on each other's rows.
   */
  async reserveAtStoreThenSources(
    m: EntityManager,
    store: Location,
    lines: readonly SourcingLine[],
  ): Promise<{ placed: Placement[]; unavailable: SourcingLine[] }> {
    const placed: Placement[] = [];
    const elsewhere: SourcingLine[] = [];
    for (const l of [...lines].sort((a, b) => a.sku.localeCompare(b.sku))) {
      if (await this.stock.tryReserve(m, store.id, l.sku, l.quantity)) placed.push({ line: l, locationId: store.id });
      else elsewhere.push(l);
    }
    const sourced = elsewhere.length > 0 ? await this.reserveAtSources(m, store, elsewhere) : { placed: [], unavailable: [] };
    return { placed: [...placed, ...sourced.placed], unavailable: sourced.unavailable };
  }

  /** Reserves a delivery's lines where they will ship from, by the delivery sourcing rule (any location). */
  async reserveForDelivery(m: EntityManager, lines: readonly SourcingLine[]): Promise<{ placed: Placement[]; unavailable: SourcingLine[] }> {
    const candidates = await this.stock.candidates(m, '', [...new Set(lines.map((l) => l.sku))]);
    return this.reserveByRule(m, candidates, lines, planDelivery);
  }

  private async reserveByRule(
    m: EntityManager,
    snapshot: Candidate[],
    lines: readonly SourcingLine[],
    plan: (candidates: readonly Candidate[], lines: readonly SourcingLine[]) => SourcingPlan,
  ): Promise<{ placed: Placement[]; unavailable: SourcingLine[] }> {
    let candidates = snapshot;
    let remaining = [...lines];
    const placed: Placement[] = [];
    const unavailable: SourcingLine[] = [];
    while (remaining.length > 0) {
      const planned = plan(candidates, remaining);
      unavailable.push(...planned.unavailable);
      remaining = [];
      for (const a of [...planned.assignments].sort(byLockOrder)) {
        if (await this.stock.tryReserve(m, a.locationId, a.line.sku, a.line.quantity)) {
          placed.push(a);
        } else {
          candidates = withoutStock(candidates, a.locationId, a.line.sku);
          remaining.push(a.line);
        }
      }
    }
    return { placed, unavailable };
  }

  /**
   * Records placements as reservations, with one REQUESTED transfer per source location to the
   * pickup store (arriving after that source's transfer days). A delivery has no store: its units
   * ship from where they are reserved.
   */
  async recordPlacements(
    m: EntityManager,
    orderId: string,
    store: Location | null,
    placements: readonly Placement[],
    expiresAt: Date | null,
    now: Date,
  ): Promise<PlacedReservation[]> {
    const transfers = new Map<string, Transfer>();
    for (const source of store ? [...new Set(placements.map((p) => p.locationId).filter((id) => id !== store.id))].sort() : []) {
      const from = await this.locations.find(m, source);
      if (!from) throw new Error(`source location ${source} vanished while sourcing`);
      const t: Transfer = {
        id: randomUUID(),
        orderId,
        fromLocationId: source,
        toLocationId: store!.id,
        status: 'REQUESTED',
        expectedArrivalAt: expectedArrival(from, now),
      };
      await this.transfers.insert(m, t, now);
      transfers.set(source, t);
    }
    const out: PlacedReservation[] = [];
    for (const p of placements) {
      const transfer = transfers.get(p.locationId) ?? null;
      await this.reservations.insert(
        m,
        {
          id: randomUUID(),
          orderId,
          lineId: p.line.lineId,
          locationId: p.locationId,
          sku: p.line.sku,
          quantity: p.line.quantity,
          transferId: transfer?.id ?? null,
          expiresAt,
        },
        now,
      );
      out.push({ line: p.line, locationId: p.locationId, transfer });
    }
    return out;
  }
}
