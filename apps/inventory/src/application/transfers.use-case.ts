import { Injectable } from '@nestjs/common';
import { accept, Decision, refuse, TransferLostPayload, TransferLostV1, TransferReceivedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { shipTransfer, Transfer, TransferRefusal, transition } from '../domain/transfer.machine';
import { Placements } from './placement';
import { LocationRepository } from './ports/location.port';
import { ReservationRepository } from './ports/reservation.port';
import { StockRepository } from './ports/stock.port';
import { TransferRepository } from './ports/transfer.port';
import { Preorders } from './preorders';

export type TransferCommandRefusal = TransferRefusal | 'TRANSFER.NOT_FOUND';

@Injectable()
export class TransfersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly preorders: Preorders,
    private readonly placements: Placements,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
    private readonly transfers: TransferRepository,
  ) {}

  ship(id: string): Promise<Decision<Transfer, TransferCommandRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const t = await this.transfers.findForUpdate(m, id);
      if (!t) return refuse('TRANSFER.NOT_FOUND', `no transfer ${id}`);
      const d = shipTransfer(t, now);
      if (!d.ok) return d;
      // The units leave the source now: on hand and reserved go down there, and the reservation
      // travels with them (IN_TRANSIT) until the store receives it.
      const lines = (await this.reservations.ofTransferForUpdate(m, id)).filter((r) => r.status === 'ACTIVE');
      for (const r of lines) await this.stock.removeReserved(m, t.fromLocationId, r.sku, r.quantity);
      await this.reservations.setStatus(
        m,
        lines.map((r) => r.id),
        'IN_TRANSIT',
        now,
      );
      await this.transfers.setStatus(m, [id], d.state.status, now);
      for (const e of d.events) await this.outbox.append(m, e.def, e.payload, now);
      return d;
    });
  }

  /**
   * The store received the units: they are on hand there, reserved for the order by a new
   * reservation (the travelling one is consumed) — or unreserved when the order was released
   * while they travelled. The source gave them up when they were shipped.
   */
  receive(id: string): Promise<Decision<Transfer, TransferCommandRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const t = await this.transfers.findForUpdate(m, id);
      if (!t) return refuse('TRANSFER.NOT_FOUND', `no transfer ${id}`);
      const d = transition(t, 'receive');
      if (!d.ok) return d;
      const lines = await this.reservations.ofTransferForUpdate(m, id);
      // Preorder work on these lines' SKUs waits: it too locks the SKU before any stock (docs/preorders.md).
      await this.preorders.lockQueuesOf(
        m,
        lines.map((r) => r.lineId),
      );
      for (const r of lines) {
        // ACTIVE: shipped before units left sources at shipping time (migration 1700000005000).
        if (r.status === 'ACTIVE') await this.stock.removeReserved(m, t.fromLocationId, r.sku, r.quantity);
        const stillReserved = r.status === 'IN_TRANSIT' || r.status === 'ACTIVE';
        await this.stock.addUnits(m, t.toLocationId, r.sku, r.quantity, stillReserved);
        if (stillReserved) {
          await this.reservations.setStatus(m, [r.id], 'CONSUMED', now);
          await this.reservations.insert(
            m,
            {
              id: randomUUID(),
              orderId: t.orderId,
              lineId: r.lineId,
              locationId: t.toLocationId,
              sku: r.sku,
              quantity: r.quantity,
              transferId: null,
              expiresAt: r.expiresAt,
            },
            now,
          );
        }
      }
      await this.transfers.setStatus(m, [id], d.state.status, now);
      await this.outbox.append(
        m,
        TransferReceivedV1,
        {
          transferId: id,
          orderId: t.orderId,
          fromLocationId: t.fromLocationId,
          toLocationId: t.toLocationId,
          lines: lines.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity })),
          receivedAt: now.toISOString(),
        },
        now,
      );
      // A preorder line whose units came from several warehouses may now wait for one transfer only.
      await this.preorders.transferArrived(m, [...new Set(lines.map((r) => r.lineId))], now);
      return accept(d.state);
    });
  }

  /**
   * A shipped transfer that never arrived, declared lost: its units are written off (they left the
   * source when shipped and reach no one), and what it carried for a live order is looked for
   * again by the sourcing rule — at the destination itself, or elsewhere with a new transfer — or
   * reported unavailable; all in one inventory.transfer-lost, which the order service follows.
   */
  declareLost(id: string, reason: string): Promise<Decision<Transfer, TransferCommandRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const t = await this.transfers.findForUpdate(m, id);
      if (!t) return refuse('TRANSFER.NOT_FOUND', `no transfer ${id}`);
      const d = transition(t, 'lose');
      if (!d.ok) return d;
      const lines = await this.reservations.ofTransferForUpdate(m, id);
      // ACTIVE: shipped before units left sources at shipping time (migration 1700000005000).
      for (const r of lines.filter((x) => x.status === 'ACTIVE')) await this.stock.removeReserved(m, t.fromLocationId, r.sku, r.quantity);
      // Released while travelling: the order had given the units up, nobody waits for them.
      const awaited = lines.filter((r) => r.status === 'IN_TRANSIT' || r.status === 'ACTIVE');
      await this.reservations.setStatus(
        m,
        awaited.map((r) => r.id),
        'RELEASED',
        now,
      );
      await this.transfers.setStatus(m, [id], d.state.status, now);
      const found = await this.resource(
        m,
        t,
        awaited.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity })),
        now,
      );
      await this.outbox.append(
        m,
        TransferLostV1,
        {
          transferId: id,
          orderId: t.orderId,
          fromLocationId: t.fromLocationId,
          toLocationId: t.toLocationId,
          lines: lines.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity })),
          reason,
          ...found,
          lostAt: now.toISOString(),
        },
        now,
      );
      return accept(d.state);
    });
  }

  private async resource(
    m: EntityManager,
    t: Transfer,
    wanted: { lineId: string; sku: string; quantity: number }[],
    now: Date,
  ): Promise<Pick<TransferLostPayload, 'resourced' | 'unavailable'>> {
    if (wanted.length === 0) return { resourced: [], unavailable: [] };
    const destination = await this.locations.find(m, t.toLocationId);
    if (!destination) return { resourced: [], unavailable: wanted };
    const sourced = await this.placements.reserveAtStoreThenSources(m, destination, wanted);
    // The order is confirmed by now (its units were on their way): what is reserved again does not expire.
    const recorded = await this.placements.recordPlacements(m, t.orderId, destination, sourced.placed, null, now);
    return {
      resourced: recorded.map((r) => ({
        lineId: r.line.lineId,
        sku: r.line.sku,
        quantity: r.line.quantity,
        fromLocationId: r.locationId,
        transferId: r.transfer?.id ?? null,
        expectedArrivalAt: r.transfer?.expectedArrivalAt.toISOString() ?? null,
      })),
      unavailable: sourced.unavailable.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity })),
    };
  }
}
