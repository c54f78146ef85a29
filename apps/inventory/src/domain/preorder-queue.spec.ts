import { estimateQueue, fifoServed, inPlacementOrder, QueueEntry, SupplyChunk } from './preorder-queue';

const t0 = new Date('2026-12-01T00:00:00.000Z');
const day = (n: number) => new Date(t0.getTime() + n * 24 * 3600 * 1000);
let n = 0;
const entry = (storeId: string, sequence: number, quantity = 1, placedDay = sequence, status: QueueEntry['status'] = 'WAITING'): QueueEntry => ({
  lineId: `L-${storeId}-${sequence}-${++n}`,
  orderId: `O-${storeId}-${sequence}`,
  fulfilmentId: `F-${storeId}-${sequence}`,
  sku: 'CONSOLE',
  storeId,
  quantity,
  sequence,
  placedAt: day(-10 + placedDay),
  status,
});
const chunk = (locationId: string, kind: 'store' | 'warehouse', quantity: number, at: number): SupplyChunk => ({ locationId, kind, quantity, availableAt: day(at) });

describe('preorder queue', () => {
  describe('first come, first served', () => {
    it('serves entries in sequence order, each whole', () => {
      const q = [entry('S', 3), entry('S', 1), entry('S', 2)];
      expect(fifoServed(q, 2).map((e) => e.sequence)).toEqual([1, 2]);
    });

    it('stops at the first entry the units cannot serve: nobody is overtaken', () => {
      const q = [entry('S', 1, 3), entry('S', 2, 1)];
      expect(fifoServed(q, 2)).toEqual([]);
    });

    it('serves nothing without units and everyone with enough', () => {
      const q = [entry('S', 1), entry('S', 2, 2)];
      expect(fifoServed(q, 0)).toEqual([]);
      expect(fifoServed(q, 5).map((e) => e.sequence)).toEqual([1, 2]);
    });
  });

  describe('placement order across stores', () => {
    it('keeps each store in sequence order and interleaves stores by who placed first', () => {
      const s1 = entry('S', 1, 1, 5);
      const s2 = entry('S', 2, 1, 1);
      const t1 = entry('T', 1, 1, 3);
      expect(inPlacementOrder([s2, t1, s1]).map((e) => `${e.storeId}${e.sequence}`)).toEqual(['T1', 'S1', 'S2']);
    });
  });

  describe('estimates', () => {
    it('positions count per store among waiting entries; allocated and cancelled ones are not in line', () => {
      const q = [entry('S', 1, 1, 1, 'ALLOCATED'), entry('S', 2), entry('S', 3, 1, 3, 'CANCELLED'), entry('S', 4), entry('T', 1)];
      const est = estimateQueue(q, []);
      expect(q.map((e) => est.get(e.lineId)?.position ?? null)).toEqual([null, 1, null, 2, 1]);
    });

    it('partial supply: the first in line get the early units, the rest a later date or none', () => {
      const q = [entry('S', 1), entry('S', 2), entry('S', 3)];
      const est = estimateQueue(q, [chunk('S', 'store', 1, 2), chunk('S', 'store', 1, 9)]);
      expect(q.map((e) => est.get(e.lineId)?.estimatedAt)).toEqual([day(2), day(9), null]);
    });

    it("a store's own supply serves only its queue; a warehouse's serves any store, in placement order", () => {
      const s = entry('S', 1, 1, 1);
      const t = entry('T', 1, 1, 2);
      const est = estimateQueue([t, s], [chunk('T', 'store', 1, 5), chunk('W', 'warehouse', 1, 3)]);
      expect(est.get(s.lineId)?.estimatedAt).toEqual(day(3)); // S placed first, takes the warehouse units
      expect(est.get(t.lineId)?.estimatedAt).toEqual(day(5)); // T waits for its own store's delivery
    });

    it('a delay moves every estimate that depended on it', () => {
      const q = [entry('S', 1), entry('S', 2)];
      const before = estimateQueue(q, [chunk('S', 'store', 2, 3)]);
      const after = estimateQueue(q, [chunk('S', 'store', 2, 10)]);
      expect(q.map((e) => [before.get(e.lineId)?.estimatedAt, after.get(e.lineId)?.estimatedAt])).toEqual([
        [day(3), day(10)],
        [day(3), day(10)],
      ]);
    });

    it("within a store the sequence rules even when placement clocks disagree with it", () => {
      const second = entry('S', 2, 1, 1); // placed "earlier" by its clock, but committed second
      const first = entry('S', 1, 1, 2);
      const est = estimateQueue([second, first], [chunk('S', 'store', 1, 1)]);
      expect(est.get(first.lineId)?.estimatedAt).toEqual(day(1));
      expect(est.get(second.lineId)?.estimatedAt).toBeNull();
    });

    it('an entry needing more units than any chunk holds gets no date, and does not use them up', () => {
      const big = entry('S', 1, 5);
      const small = entry('S', 2, 1);
      const est = estimateQueue([big, small], [chunk('S', 'store', 2, 1)]);
      expect(est.get(big.lineId)?.estimatedAt).toBeNull();
      expect(est.get(small.lineId)?.estimatedAt).toEqual(day(1));
    });
  });
});
