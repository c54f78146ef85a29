import { Injectable } from '@nestjs/common';
import { accept, Decision, refuse, TransferReceivedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { shipTransfer, Transfer, TransferRefusal, transition } from '../domain/transfer.machine';
import { reservationRepository } from '../infrastructure/reservation.repository';
import { stockRepository } from '../infrastructure/stock.repository';
import { transferRepository } from '../infrastructure/transfer.repository';

export type TransferCommandRefusal = TransferRefusal | 'TRANSFER.NOT_FOUND';

@Injectable()
export class TransfersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  ship(id: string): Promise<Decision<Transfer, TransferCommandRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const t = await transferRepository.findForUpdate(m, id);
      if (!t) return refuse('TRANSFER.NOT_FOUND', `no transfer ${id}`);
      const d = shipTransfer(t, now);
      if (!d.ok) return d;
      // The units leave the source now: on hand and reserved go down there, and the reservation
      // travels with them (IN_TRANSIT) until the store receives it.
      const lines = (await reservationRepository.ofTransferForUpdate(m, id)).filter((r) => r.status === 'ACTIVE');
      for (const r of lines) await stockRepository.removeReserved(m, t.fromLocationId, r.sku, r.quantity);
      await reservationRepository.setStatus(m, lines.map((r) => r.id), 'IN_TRANSIT', now);
      await transferRepository.setStatus(m, [id], d.state.status, now);
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
      const t = await transferRepository.findForUpdate(m, id);
      if (!t) return refuse('TRANSFER.NOT_FOUND', `no transfer ${id}`);
      const d = transition(t, 'receive');
      if (!d.ok) return d;
      const lines = await reservationRepository.ofTransferForUpdate(m, id);
      for (const r of lines) {
        // ACTIVE: shipped before units left sources at shipping time (migration 1700000005000).
        if (r.status === 'ACTIVE') await stockRepository.removeReserved(m, t.fromLocationId, r.sku, r.quantity);
        const stillReserved = r.status === 'IN_TRANSIT' || r.status === 'ACTIVE';
        await stockRepository.addUnits(m, t.toLocationId, r.sku, r.quantity, stillReserved);
        if (stillReserved) {
          await reservationRepository.setStatus(m, [r.id], 'CONSUMED', now);
          await reservationRepository.insert(
            m,
            { id: randomUUID(), orderId: t.orderId, lineId: r.lineId, locationId: t.toLocationId, sku: r.sku, quantity: r.quantity, transferId: null, expiresAt: r.expiresAt },
            now,
          );
        }
      }
      await transferRepository.setStatus(m, [id], d.state.status, now);
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
      return accept(d.state);
    });
  }
}
