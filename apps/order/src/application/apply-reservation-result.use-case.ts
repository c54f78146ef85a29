import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, InventoryRejectedPayload, InventoryReservedPayload } from '@omni/contracts';
import { InboxProcessor, OutboxWriter, PermanentEventError } from '@omni/messaging';
import { confirmOrder, rejectOrder } from '../domain/order';
import { orderRepository } from '../infrastructure/order.repository';

/** Moves an order on when inventory answers its reservation request; each answer is applied once. */
@Injectable()
export class ApplyReservationResultUseCase {
  private readonly logger = new Logger('ApplyReservationResult');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
  ) {}

  reserved(e: EventEnvelope<InventoryReservedPayload>) {
    return this.apply(e, e.data.orderId, (o, now) => confirmOrder(o, new Date(e.data.readyBy), now));
  }

  rejected(e: EventEnvelope<InventoryRejectedPayload>) {
    return this.apply(e, e.data.orderId, (o, now) => rejectOrder(o, e.data.reason, now));
  }

  private async apply(e: EventEnvelope, orderId: string, decide: (o: NonNullable<Awaited<ReturnType<typeof orderRepository.find>>>, now: Date) => ReturnType<typeof confirmOrder>) {
    return this.inbox.once(e, async (m) => {
      const order = await orderRepository.findForUpdate(m, orderId);
      if (!order) throw new PermanentEventError('ORDER.NOT_FOUND', `no order ${orderId}`);
      const d = decide(order, new Date());
      if (!d.ok) {
        // A late or repeated answer for an order already decided changes nothing.
        this.logger.warn({ orderId, eventId: e.id, code: d.code }, 'reservation result ignored');
        return order;
      }
      await orderRepository.updateState(m, d.state);
      for (const ev of d.events) await this.outbox.append(m, ev.def, ev.payload);
      return d.state;
    });
  }
}
