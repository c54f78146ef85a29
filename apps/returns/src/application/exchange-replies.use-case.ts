import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope,
  OrderReplacementPlacedPayload,
  OrderReplacementRefusedPayload,
  PendingEvent,
  ReplacementIssuedPayload,
  ReplacementRefusedPayload,
} from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { replacementIssued, replacementRefused, Return, shipmentPlaced, shipmentRefused } from '../domain/return.machine';
import { AuthorisationRepository } from './ports/authorisation.port';
import { OrderRecordRepository } from './ports/order-record.port';
import { ReturnRepository } from './ports/return.port';
import { RefundSettlement } from './settlement';

/**
 * Inventory's answers to return.exchange-requested. Issued: the exchange completes (restock and
 * any refund of the difference follow). Refused: with an address to ship to, the order service is
 * asked for a delivery order (return.replacement-shipment-requested) and its answer
 * (order.replacement-placed) completes the exchange; without one, or when the order service
 * cannot place that order (order.replacement-refused), the exchange is abandoned and its units
 * are returnable again, the authorisation (if any) open again.
 */
@Injectable()
export class ExchangeRepliesUseCase {
  private readonly logger = new Logger('ExchangeReplies');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly returns: ReturnRepository,
    private readonly orders: OrderRecordRepository,
    private readonly authorisations: AuthorisationRepository,
    private readonly settlement: RefundSettlement,
  ) {}

  issued(e: EventEnvelope<ReplacementIssuedPayload>): Promise<void> {
    return this.apply(e, e.data.returnId, async (m, r, now) => {
      const d = replacementIssued(r, now);
      if (!d.ok) return this.logger.warn({ returnId: r.id, status: r.status, eventId: e.id }, 'replacement issued for a return not waiting for one');
      await this.returns.saveStatus(m, d.state);
      for (const ev of d.events) await this.outbox.append(m, ev.def, ev.payload, now);
      const order = await this.orders.find(m, r.orderId, true);
      await this.settlement.settleRefund(m, d.state, order!, now);
    });
  }

  refused(e: EventEnvelope<ReplacementRefusedPayload>): Promise<void> {
    return this.apply(e, e.data.returnId, async (m, r, now) => {
      const order = r.shipTo === null ? null : await this.orders.find(m, r.orderId);
      const d = replacementRefused(r, e.data.reason, now, order);
      if (!d.ok) return this.logger.warn({ returnId: r.id, status: r.status, eventId: e.id }, 'replacement refused for a return not waiting for one');
      if (d.state.status === 'AWAITING_SHIPMENT') {
        // The units stay returned: the replacement is shipped instead.
        await this.returns.saveStatus(m, d.state);
        for (const ev of d.events) await this.outbox.append(m, ev.def, ev.payload, now);
        return;
      }
      await this.abandon(m, r, d.state, d.events, now);
    });
  }

  /** The order service placed the delivery order shipping the replacements. */
  shipmentPlaced(e: EventEnvelope<OrderReplacementPlacedPayload>): Promise<void> {
    return this.apply(e, e.data.returnId, async (m, r, now) => {
      const d = shipmentPlaced(r, e.data.orderId, now);
      if (!d.ok) return this.logger.warn({ returnId: r.id, status: r.status, eventId: e.id }, 'replacement order for a return not waiting for one');
      await this.returns.saveStatus(m, d.state);
      for (const ev of d.events) await this.outbox.append(m, ev.def, ev.payload, now);
      const order = await this.orders.find(m, r.orderId, true);
      await this.settlement.settleRefund(m, d.state, order!, now);
    });
  }

  /** The order service could not place the delivery order shipping the replacements. */
  shipmentRefused(e: EventEnvelope<OrderReplacementRefusedPayload>): Promise<void> {
    return this.apply(e, e.data.returnId, async (m, r, now) => {
      const d = shipmentRefused(r, e.data.reason, now);
      if (!d.ok) return this.logger.warn({ returnId: r.id, status: r.status, eventId: e.id }, 'replacement order refused for a return not waiting for one');
      this.logger.warn({ returnId: r.id, reason: e.data.reason, detail: e.data.detail }, 'exchange failed: its replacement order was refused');
      await this.abandon(m, r, d.state, d.events, now);
    });
  }

  /** A failed exchange: its units are returnable again and its authorisation open again. */
  private async abandon(m: EntityManager, r: Return, failed: Return, events: readonly PendingEvent[], now: Date): Promise<void> {
    await this.orders.find(m, r.orderId, true);
    await this.returns.saveStatus(m, failed);
    await this.orders.addReturned(m, r.orderId, r.lines, -1);
    await this.authorisations.reopen(m, r.id);
    for (const ev of events) await this.outbox.append(m, ev.def, ev.payload, now);
  }

  private async apply(e: EventEnvelope, returnId: string, work: (m: EntityManager, r: Return, now: Date) => Promise<void>): Promise<void> {
    const outcome = await this.inbox.once(e, async (m) => {
      const r = await this.returns.find(m, returnId, true);
      if (!r) return this.logger.warn({ returnId, eventId: e.id }, 'reply for an unknown return');
      await work(m, r, this.clock.now());
    });
    if (!outcome.applied) this.logger.log({ returnId, eventId: e.id }, 'event already processed');
  }
}
