import { distanceKm, Location } from './location';

/** A line the pickup store cannot cover itself. */
export interface SourcingLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
}

/** A location that could send units to the store, as read (without locks) when sourcing. */
export interface Candidate {
  readonly location: Pick<Location, 'id' | 'kind' | 'transferDays' | 'latitude' | 'longitude'>;
  /** Units available to promise, per SKU. */
  readonly available: Readonly<Record<string, number>>;
}

export interface SourcingPlan {
  /** Each sourced line comes whole from one location. */
  readonly assignments: readonly { readonly line: SourcingLine; readonly locationId: string }[];
  readonly unavailable: readonly SourcingLine[];
}

/** Total units per SKU that `lines` ask for: two lines of one SKU must both fit at a location covering all. */
function demand(lines: readonly SourcingLine[]): Map<string, number> {
  const d = new Map<string, number>();
  for (const l of lines) d.set(l.sku, (d.get(l.sku) ?? 0) + l.quantity);
  return d;
}

function coversAll(c: Candidate, lines: readonly SourcingLine[]): boolean {
  return [...demand(lines)].every(([sku, qty]) => (c.available[sku] ?? 0) >= qty);
}

/**
 * Orders candidates by preference: one that covers all the lines (a single transfer); fewer
 * transfer days; shorter distance to the store when both sides have coordinates; location id,
 * so the choice is deterministic.
 */
export function rankCandidates(store: Pick<Location, 'latitude' | 'longitude'>, candidates: readonly Candidate[], lines: readonly SourcingLine[]): Candidate[] {
  const keyed = candidates.map((c) => ({ c, all: coversAll(c, lines), km: distanceKm(c.location, store) }));
  keyed.sort((a, b) => {
    if (a.all !== b.all) return a.all ? -1 : 1;
    if (a.c.location.transferDays !== b.c.location.transferDays) return a.c.location.transferDays - b.c.location.transferDays;
    if (a.km !== null && b.km !== null && a.km !== b.km) return a.km - b.km;
    return a.c.location.id < b.c.location.id ? -1 : a.c.location.id > b.c.location.id ? 1 : 0;
  });
  return keyed.map((k) => k.c);
}

/**
 * The sourcing rule: each line goes whole to the most preferred candidate that still has its
 * units after the lines placed before it. Lines no candidate can cover are unavailable.
 * Pure and replaceable; the caller reserves each assignment with a conditional UPDATE and, when
 * that loses a race, zeroes that SKU at that location in the snapshot and plans again.
 */
export function planSourcing(store: Pick<Location, 'latitude' | 'longitude'>, candidates: readonly Candidate[], lines: readonly SourcingLine[]): SourcingPlan {
  return assignInOrder(rankCandidates(store, candidates, lines), lines);
}

/** Each line, in turn, whole to the first of `ranked` that still has its units after the lines before it. */
function assignInOrder(ranked: readonly Candidate[], lines: readonly SourcingLine[]): SourcingPlan {
  const left = new Map(ranked.map((c) => [c.location.id, { ...c.available }]));
  const assignments: { line: SourcingLine; locationId: string }[] = [];
  const unavailable: SourcingLine[] = [];
  for (const line of lines) {
    const chosen = ranked.find((c) => (left.get(c.location.id)![line.sku] ?? 0) >= line.quantity);
    if (!chosen) {
      unavailable.push(line);
      continue;
    }
    const stock = left.get(chosen.location.id)!;
    stock[line.sku] = (stock[line.sku] ?? 0) - line.quantity;
    assignments.push({ line, locationId: chosen.location.id });
  }
  return { assignments, unavailable };
}

/** The snapshot after losing a race for `sku` at `locationId`: that location no longer counts for it. */
export function withoutStock(candidates: readonly Candidate[], locationId: string, sku: string): Candidate[] {
  return candidates.map((c) => (c.location.id === locationId ? { ...c, available: { ...c.available, [sku]: 0 } } : c));
}

/**
 * Orders candidates for a delivery to a customer: one that covers all the lines (one parcel);
 * a warehouse before a store (ship-from-store when the warehouses lack it); then location id,
 * so the choice is deterministic.
 */
export function rankForDelivery(candidates: readonly Candidate[], lines: readonly SourcingLine[]): Candidate[] {
  const keyed = candidates.map((c) => ({ c, all: coversAll(c, lines) }));
  keyed.sort((a, b) => {
    if (a.all !== b.all) return a.all ? -1 : 1;
    if (a.c.location.kind !== b.c.location.kind) return a.c.location.kind === 'warehouse' ? -1 : 1;
    return a.c.location.id < b.c.location.id ? -1 : a.c.location.id > b.c.location.id ? 1 : 0;
  });
  return keyed.map((k) => k.c);
}

/**
 * The delivery sourcing rule: like planSourcing, each line goes whole to the most preferred
 * location that still has its units, so an order no single location can cover is split across
 * locations (each ships its own parcel). Pure and replaceable.
 */
export function planDelivery(candidates: readonly Candidate[], lines: readonly SourcingLine[]): SourcingPlan {
  return assignInOrder(rankForDelivery(candidates, lines), lines);
}
