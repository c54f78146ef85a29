import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ceTypeOf,
  EventEnvelope,
  OrderCancelledPayload,
  OrderCollectedPayload,
  OrderDeliveredPayload,
  OrderLineCancelledPayload,
  orderPlacedAsV2,
  OrderPlacedPayload,
  OrderPlacedV1,
  OrderPlacedV2Payload,
  OrderShippedPayload,
} from '@omni/contracts';
import { EventRun, InboxProcessor } from '@omni/messaging';
import { EntityManager } from 'typeorm';
import { ReturnsConfig } from '../returns.config';
import { OrderRecordRepository } from './ports/order-record.port';
import { StoreCreditRepository } from './ports/store-credit.port';

/**
 * Keeps the returns service's read model of orders from order events (never the order service's
 * tables). Each event applies once (inbox); events of one order arrive in order (key = orderId).
 */
@Injectable()
export class OrderReadModelUseCase {
  private readonly logger = new Logger('OrderReadModel');

  constructor(
    private readonly inbox: InboxProcessor,
    @Inject(ReturnsConfig) private readonly config: ReturnsConfig,
    private readonly orders: OrderRecordRepository,
    private readonly storeCredit: StoreCreditRepository,
  ) {}

  /**
   * Placements in runs (order.placed v1 read as v2, `orderPlacedAsV2`): the orders and their lines
   * in one statement, in the run's transaction. A store-credit tender's reference is the redemption
   * it spent: the ledger learns the order.
   */
  async placedRun(run: EventRun): Promise<void> {
    const placed = run.events.map((e) =>
      e.type === ceTypeOf(OrderPlacedV1) ? orderPlacedAsV2(e.data as OrderPlacedPayload) : (e.data as OrderPlacedV2Payload),
    );
    await this.orders.insertPlacedMany(run.manager, placed, this.config.PHONE_DEFAULT_COUNTRY);
    for (const o of placed) {
      for (const t of o.capturedTenders.filter((t) => t.tender === 'store-credit')) await this.storeCredit.attachOrder(run.manager, t.reference, o.orderId);
    }
  }

  collected(e: EventEnvelope<OrderCollectedPayload>): Promise<void> {
    return this.once(e, async (m) => {
      if (!(await this.known(m, e))) return;
      for (const l of e.data.lines) await this.orders.addReceived(m, e.data.orderId, l.lineId, l.quantity, new Date(e.data.collectedAt));
    });
  }

  shipped(e: EventEnvelope<OrderShippedPayload>): Promise<void> {
    return this.once(e, async (m) => {
      const { orderId, fulfilmentId, locationId, lines, shippedAt } = e.data;
      await this.orders.recordShipment(m, {
        orderId,
        fulfilmentId,
        locationId,
        lines: lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
        shippedAt,
      });
    });
  }

  /** Delivered units are the ones the group shipped with. */
  delivered(e: EventEnvelope<OrderDeliveredPayload>): Promise<void> {
    return this.once(e, async (m) => {
      const lines = await this.orders.markDelivered(m, e.data.orderId, e.data.fulfilmentId, e.data.deliveredAt);
      if (lines === null) {
        this.logger.warn({ orderId: e.data.orderId, eventId: e.id }, 'order.delivered without a shipment seen');
        return;
      }
      for (const l of lines) await this.orders.addReceived(m, e.data.orderId, l.lineId, l.quantity, new Date(e.data.deliveredAt));
    });
  }

  lineCancelled(e: EventEnvelope<OrderLineCancelledPayload>): Promise<void> {
    return this.once(e, (m) => this.orders.addCancelled(m, e.data.orderId, e.data.lineId, e.data.quantity));
  }

  cancelled(e: EventEnvelope<OrderCancelledPayload>): Promise<void> {
    return this.once(e, async (m) => {
      const { orderId, lineIds, fulfilmentId } = e.data;
      const lines = lineIds ?? (fulfilmentId ? await this.orders.lineIdsOfGroup(m, orderId, fulfilmentId) : null);
      await this.orders.cancelRemaining(m, orderId, lines);
    });
  }

  private async known(m: EntityManager, e: EventEnvelope<{ orderId: string }>): Promise<boolean> {
    if (await this.orders.exists(m, e.data.orderId)) return true;
    this.logger.warn({ orderId: e.data.orderId, eventId: e.id, type: e.type }, 'event of an order never seen placed');
    return false;
  }

  private async once(e: EventEnvelope, work: (m: EntityManager) => Promise<void>): Promise<void> {
    const outcome = await this.inbox.once(e, work);
    if (!outcome.applied) this.logger.log({ eventId: e.id, type: e.type }, 'event already processed');
  }
}
