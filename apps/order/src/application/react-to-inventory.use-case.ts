import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope,
  InventoryRejectedPayload,
  InventoryReservedPayload,
  ReservationReleasedPayload,
  ShortPickResolvedPayload,
  TransferReceivedPayload,
} from '@omni/contracts';
import { InboxProcessor, PermanentEventError } from '@omni/messaging';
import { Metrics } from '@omni/platform';
import { Order } from '../domain/order';
import { cancelOrder, confirmReservation, DecisionContext, isFinal, rejectOrder, resolveShortPick, transferArrived } from '../domain/pickup.machine';
import { orderRepository } from '../infrastructure/order.repository';
import { newPickupCode } from '../infrastructure/pickup-code.generator';
import { OrderWriter } from './order-writer';

type Decide = (o: Order, ctx: DecisionContext) => ReturnType<typeof confirmReservation>;

/** Moves an order on when inventory answers; each event is applied once (inbox), a late one changes nothing. */
@Injectable()
export class ReactToInventoryUseCase {
  private readonly logger = new Logger('ReactToInventory');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly writer: OrderWriter,
    private readonly metrics: Metrics,
  ) {}

  reserved(e: EventEnvelope<InventoryReservedPayload>) {
    const r = e.data;
    return this.apply(e, r.orderId, (o, ctx) => confirmReservation(o, { lines: r.lines, readyBy: new Date(r.readyBy), pickupHoldDays: r.pickupHoldDays }, ctx.now));
  }

  rejected(e: EventEnvelope<InventoryRejectedPayload>) {
    return this.apply(e, e.data.orderId, (o, ctx) => rejectOrder(o, e.data.reason, ctx));
  }

  transferReceived(e: EventEnvelope<TransferReceivedPayload>) {
    return this.apply(e, e.data.orderId, (o, ctx) => transferArrived(o, e.data.transferId, ctx.now));
  }

  shortPickResolved(e: EventEnvelope<ShortPickResolvedPayload>) {
    const r = e.data;
    const resolution = { resourced: r.resourced.map((x) => ({ lineId: x.lineId, transferId: x.transferId, expectedArrivalAt: new Date(x.expectedArrivalAt) })), unavailable: r.unavailable };
    return this.apply(e, r.orderId, (o, ctx) => resolveShortPick(o, resolution, newPickupCode(), ctx));
  }

  /**
   * Only an expired reservation is news here: the other reasons answer this service's own
   * order.cancelled / order.expired. A reservation that expired before confirmation cancels the order.
   */
  reservationReleased(e: EventEnvelope<ReservationReleasedPayload>) {
    if (e.data.reason !== 'RESERVATION.EXPIRED') return Promise.resolve();
    return this.apply(e, e.data.orderId, (o, ctx) => cancelOrder(o, 'system', 'RESERVATION.EXPIRED', ctx));
  }

  private async apply(e: EventEnvelope, orderId: string, decide: Decide): Promise<void> {
    const outcome = await this.inbox.once(e, async (m) => {
      const order = await orderRepository.findForUpdate(m, orderId);
      if (!order) throw new PermanentEventError('ORDER.NOT_FOUND', `no order ${orderId}`);
      const ctx = this.writer.context();
      const d = decide(order, ctx);
      if (!d.ok) {
        // A late or repeated answer for an order already past that point changes nothing.
        this.logger.warn({ orderId, eventId: e.id, eventType: e.type, status: order.status, final: isFinal(order.status), code: d.code, detail: d.detail }, 'inventory event ignored');
        return { status: order.status };
      }
      await this.writer.save(m, d.state, d.events, ctx.now);
      return { status: d.state.status, from: order.status, placedAt: order.placedAt, at: ctx.now };
    });
    if (!outcome.applied) return;
    const r = outcome.result;
    this.logger.log({ orderId, eventId: e.id, eventType: e.type, status: r.status }, 'inventory event applied');
    // Recorded after commit, so a rolled-back attempt is never counted.
    if (r.from === 'PLACED' && r.placedAt && r.at && (r.status === 'RESERVED' || r.status === 'AWAITING_TRANSFER')) {
      this.metrics.journeyStep('placed_to_reserved', r.placedAt, r.at);
    }
  }
}
