import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  ReturnCompletedPayload,
  ReturnCompletedV1,
  ReturnParcelReceivedPayload,
  ReturnParcelReceivedV1,
  ReturnRefundRequestedPayload,
  ReturnRefundRequestedV1,
  ReturnReplacementShipmentRequestedPayload,
  ReturnReplacementShipmentRequestedV1,
  StoreCreditIssuedPayload,
  StoreCreditIssuedV1,
} from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { PlaceReplacementOrderUseCase } from '../application/place-replacement-order.use-case';
import { TellOfReturnsUseCase } from '../application/tell-of-returns.use-case';
import { returnRefundRepository } from './order.repository';

/**
 * Returns-service events the order service acts on: shipping an exchange's replacement, returns
 * finished at a store (channel credit), what return refunds paid back of the order's tenders, and
 * the notices that tell the customer of each (docs/notifications.md).
 */
@Controller()
export class ReturnsEventsHandler {
  constructor(
    private readonly placeReplacement: PlaceReplacementOrderUseCase,
    private readonly tellOfReturns: TellOfReturnsUseCase,
    private readonly inbox: InboxProcessor,
  ) {}

  /** What a store took back or exchanged, valued at the order's prices, kept once per return. */
  @EventPattern(ceTypeOf(ReturnCompletedV1))
  async onReturnCompleted(@Payload() e: EventEnvelope<ReturnCompletedPayload>): Promise<void> {
    const p = e.data;
    const value = p.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    await this.inbox.once(e, async (m) => {
      await m.query(
        `INSERT INTO returns_taken_back (return_id, order_id, store_id, kind, order_channel, order_placed_at_store_id, currency, returned_value, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (return_id) DO NOTHING`,
        [p.returnId, p.orderId, p.storeId, p.kind, p.orderChannel, p.orderPlacedAtStoreId, p.currency, value, p.completedAt],
      );
      // Received and accepted, at a store or at a returns centre after inspection.
      const template = p.kind === 'exchange' ? 'exchange-completed' : 'return-received';
      await this.tellOfReturns.tell(m, e, p.orderId, { template, returnId: p.returnId, storeId: p.storeId, lineIds: p.lines.map((l) => l.lineId) });
    });
  }

  /** A parcel sent back by mail reached its returns centre (or store); it is inspected next. */
  @EventPattern(ceTypeOf(ReturnParcelReceivedV1))
  async onParcelReceived(@Payload() e: EventEnvelope<ReturnParcelReceivedPayload>): Promise<void> {
    const p = e.data;
    await this.inbox.once(e, (m) =>
      this.tellOfReturns.tell(m, e, p.orderId, { template: 'return-parcel-received', storeId: p.locationId, trackingNumber: p.trackingNumber }),
    );
  }

  /** The payment system's tenders a return refunds (ADR 0011): a later refund of the order leaves them out. */
  @EventPattern(ceTypeOf(ReturnRefundRequestedV1))
  async onReturnRefundRequested(@Payload() e: EventEnvelope<ReturnRefundRequestedPayload>): Promise<void> {
    const p = e.data;
    await this.inbox.once(e, async (m) => {
      await returnRefundRepository.record(m, { refundId: p.refundId, orderId: p.orderId, returnId: p.returnId, at: p.requestedAt, tenders: p.tenders });
      const amount = p.tenders.reduce((sum, t) => sum + t.amount, 0);
      await this.tellOfReturns.tell(m, e, p.orderId, { template: 'refund-issued', returnId: p.returnId, amount: { amount, currency: p.currency } });
    });
  }

  /** Store credit a return gave back; when it pays back the order's store-credit tender, that tender has that much less left. */
  @EventPattern(ceTypeOf(StoreCreditIssuedV1))
  async onStoreCreditIssued(@Payload() e: EventEnvelope<StoreCreditIssuedPayload>): Promise<void> {
    const p = e.data;
    await this.inbox.once(e, async (m) => {
      if (p.tenderReference === undefined) {
        // Store credit was the refund method: no tender of the order paid back; the customer is told of the credit.
        await this.tellOfReturns.tell(m, e, p.orderId, {
          template: 'store-credit-issued',
          returnId: p.returnId,
          amount: { amount: p.amount, currency: p.currency },
        });
        return;
      }
      await returnRefundRepository.record(m, {
        refundId: p.entryId,
        orderId: p.orderId,
        returnId: p.returnId,
        at: p.issuedAt,
        tenders: [{ tender: 'store-credit', amount: p.amount, reference: p.tenderReference }],
      });
    });
  }

  @EventPattern(ceTypeOf(ReturnReplacementShipmentRequestedV1))
  onShipmentRequested(@Payload() e: EventEnvelope<ReturnReplacementShipmentRequestedPayload>): Promise<void> {
    return this.placeReplacement.execute(e);
  }
}
