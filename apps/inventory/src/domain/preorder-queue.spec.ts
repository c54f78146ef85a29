import fc from 'fast-check';
import { estimateQueue, fifoUnits, inPlacementOrder, QueueEntry, queueWarehouse, SupplyChunk } from './preorder-queue';

const t0 = new Date('2026-12-01T00:00:00.000Z');
const day = (n: number) => new Date(t0.getTime() + n * 24 * 3600 * 1000);
let n = 0;
const entry = (storeId: string, sequence: number, quantity = 1, placedDay = sequence, status: QueueEntry['status'] = 'WAITING', allocated = 0): QueueEntry => ({
  lineId: `L-${storeId}-${sequence}-${++n}`,
  orderId: `O-${storeId}-${sequence}`,
  fulfilmentId: `F-${storeId}-${sequence}`,
  sku: 'CONSOLE',
  storeId,
  quantity,
  allocated,
  sequence,
  placedAt: day(-10 + placedDay),
  status,
});
const chunk = (locationId: string, kind: 'store' | 'warehouse', quantity: number, at: number): SupplyChunk => ({
  locationId,
  kind,
  quantity,
  availableAt: day(at),
});

describe('preorder queue', () => {
  describe('first come, first served, unit by unit', () => {
    const served = (q: QueueEntry[], available: number) => fifoUnits(q, available).map((s) => [s.entry.sequence, s.units, s.complete]);

    it('serves entries in sequence order', () => {
      const q = [entry('S', 3), entry('S', 1), entry('S', 2)];
      expect(served(q, 2)).toEqual([
        [1, 1, true],
        [2, 1, true],
      ]);
    });

    it('gives the first in line the units there are, short of all it needs; nobody behind is served before it is complete', () => {
      const q = [entry('S', 1, 3), entry('S', 2, 1)];
      expect(served(q, 2)).toEqual([[1, 2, false]]);
    });

    it('completes a line from what it holds already, then serves the next', () => {
      const q = [entry('S', 1, 3, 1, 'WAITING', 2), entry('S', 2, 2)];
      expect(served(q, 2)).toEqual([
        [1, 1, true],
        [2, 1, false],
      ]);
    });

    it('serves nothing without units and everyone with enough', () => {
      const q = [entry('S', 1), entry('S', 2, 2)];
      expect(served(q, 0)).toEqual([]);
      expect(served(q, 5)).toEqual([
        [1, 1, true],
        [2, 2, true],
      ]);
    });

    it('never gives a line more than it asked for, nor more units than arrived', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 })), { maxLength: 8 }),
          fc.integer({ min: 0, max: 30 }),
          (lines, available) => {
            const q = lines.map(([quantity, held], i) => entry('S', i + 1, quantity, i + 1, 'WAITING', Math.min(held, quantity - 1)));
            const s = fifoUnits(q, available);
            expect(s.reduce((n, x) => n + x.units, 0)).toBeLessThanOrEqual(available);
            for (const x of s) expect(x.entry.allocated + x.units).toBeLessThanOrEqual(x.entry.quantity);
            // Only the last one served may be short of complete, and then every unit went to the lines up to it.
            expect(s.slice(0, -1).every((x) => x.complete)).toBe(true);
            if (s.length > 0 && !s[s.length - 1].complete) expect(s.reduce((n, x) => n + x.units, 0)).toBe(available);
          },
        ),
      );
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

    it('within a store the sequence rules even when placement clocks disagree with it', () => {
      const second = entry('S', 2, 1, 1); // placed "earlier" by its clock, but committed second
      const first = entry('S', 1, 1, 2);
      const est = estimateQueue([second, first], [chunk('S', 'store', 1, 1)]);
      expect(est.get(first.lineId)?.estimatedAt).toEqual(day(1));
      expect(est.get(second.lineId)?.estimatedAt).toBeNull();
    });

    it("a line takes its store's units from several deliveries, dated by the one that completes it; the line behind waits for it", () => {
      const big = entry('S', 1, 5, 1, 'WAITING', 1);
      const small = entry('S', 2, 1);
      expect(estimateQueue([big, small], [chunk('S', 'store', 2, 1), chunk('S', 'store', 3, 4)]).get(big.lineId)?.estimatedAt).toEqual(day(4));
      const short = estimateQueue([big, small], [chunk('S', 'store', 2, 1)]);
      expect([short.get(big.lineId)?.estimatedAt, short.get(small.lineId)?.estimatedAt]).toEqual([null, null]);
    });

    it('a line takes units from several warehouses as they come, dated by the one that completes it; the line behind waits for it', () => {
      const s = entry('S', 1, 3, 1, 'WAITING', 1);
      const behind = entry('S', 2, 1);
      const est = estimateQueue([s, behind], [chunk('W', 'warehouse', 1, 2), chunk('W2', 'warehouse', 2, 6)]);
      expect([est.get(s.lineId)?.estimatedAt, est.get(behind.lineId)?.estimatedAt]).toEqual([day(6), day(6)]);
      const short = estimateQueue([s, behind], [chunk('W', 'warehouse', 1, 2)]);
      expect([short.get(s.lineId)?.estimatedAt, short.get(behind.lineId)?.estimatedAt]).toEqual([null, null]);
    });

    it("a delivery waiting at a warehouse takes that warehouse's units from their arrival; other warehouses' after the transfer", () => {
      const delivery = entry('W', 1, 3);
      const own = estimateQueue(
        [delivery],
        [
          { ...chunk('W', 'warehouse', 2, 4), arrivesAt: day(1) },
          { ...chunk('W', 'warehouse', 1, 5), arrivesAt: day(2) },
        ],
      );
      expect(own.get(delivery.lineId)?.estimatedAt).toEqual(day(2));
      const other = estimateQueue(
        [delivery],
        [
          { ...chunk('W', 'warehouse', 1, 4), arrivesAt: day(1) },
          { ...chunk('W2', 'warehouse', 1, 3), arrivesAt: day(1) },
          { ...chunk('W2', 'warehouse', 3, 6), arrivesAt: day(4) },
        ],
      );
      // One unit at its own warehouse on day 1, one from W2 on day 3, the last from W2's next chunk on day 6.
      expect(other.get(delivery.lineId)?.estimatedAt).toEqual(day(6));
    });

    it("a warehouse's deliveries and the stores it supplies share its units in placement order", () => {
      const store = entry('S', 1, 1, 1);
      const delivery = entry('W', 1, 1, 2);
      const est = estimateQueue([delivery, store], [{ ...chunk('W', 'warehouse', 1, 3), arrivesAt: day(1) }]);
      expect([est.get(store.lineId)?.estimatedAt, est.get(delivery.lineId)?.estimatedAt]).toEqual([day(3), null]);
      expect([est.get(store.lineId)?.position, est.get(delivery.lineId)?.position]).toEqual([1, 1]);
    });
  });

  describe('the warehouse a delivery preorder waits at', () => {
    const lines = [
      { sku: 'CONSOLE', quantity: 2 },
      { sku: 'GAME', quantity: 1 },
    ];

    it('is the one with the most of its units planned, each line counting up to what it asks', () => {
      const planned = [
        { warehouseId: 'W1', sku: 'CONSOLE', quantity: 50 },
        { warehouseId: 'W2', sku: 'CONSOLE', quantity: 2 },
        { warehouseId: 'W2', sku: 'GAME', quantity: 1 },
      ];
      expect(queueWarehouse(['W1', 'W2', 'W3'], lines, planned)).toBe('W2');
    });

    it('counts on-hand units and supply still due alike; ties go to the first id; nothing planned means the first warehouse', () => {
      expect(
        queueWarehouse(['W2', 'W1'], lines, [
          { warehouseId: 'W2', sku: 'CONSOLE', quantity: 1 },
          { warehouseId: 'W2', sku: 'CONSOLE', quantity: 1 },
          { warehouseId: 'W1', sku: 'CONSOLE', quantity: 2 },
        ]),
      ).toBe('W1');
      expect(queueWarehouse(['W2', 'W1'], lines, [])).toBe('W1');
    });

    it('is none without a warehouse', () => {
      expect(queueWarehouse([], lines, [])).toBeNull();
    });
  });
});
