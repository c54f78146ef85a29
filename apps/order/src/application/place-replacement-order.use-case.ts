import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, OrderReplacementPlacedV1, OrderReplacementRefusedV1, ReturnReplacementShipmentRequestedPayload } from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { createHash, randomUUID } from 'node:crypto';
import { mergeLines, placeOrder } from '../domain/order';
import { OrderRepository } from './ports/order.port';

/**
 * The order id of an exchange's replacement order, derived from the exchange: the same request
 * under another event id finds the order already placed (a UUID of version 5 form from SHA-1).
 */
export function replacementOrderIdOf(returnId: string): string {
  const h = createHash('sha1').update(`replacement-order:${returnId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * An exchange whose store had no replacement (docs/returns.md): a delivery order to the
 * customer's address, with the original order's contact (the customer service links it to the
 * same profile), placed at the returning store's POS (channel pos, placedAtStoreId), already
 * paid by the return: one captured `store-credit` tender of the replacements' value whose
 * reference is the return id. Inventory sources and reserves it like any delivery; the returns
 * service learns the order id from order.replacement-placed, or that none could be placed from
 * order.replacement-refused (the exchange then fails). Once per event (inbox) and once per
 * exchange (the order id is derived from the return id).
 */
@Injectable()
export class PlaceReplacementOrderUseCase {
  private readonly logger = new Logger('PlaceReplacementOrder');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly orders: OrderRepository,
  ) {}

  async execute(e: EventEnvelope<ReturnReplacementShipmentRequestedPayload>): Promise<void> {
    const p = e.data;
    const outcome = await this.inbox.once(e, async (m) => {
      const now = this.clock.now();
      const orderId = replacementOrderIdOf(p.returnId);
      const answer = { orderId, returnId: p.returnId, originalOrderId: p.orderId, placedAt: now.toISOString() };
      const earlier = await this.orders.find(m, orderId);
      if (earlier) {
        await this.outbox.append(m, OrderReplacementPlacedV1, { ...answer, placedAt: earlier.placedAt.toISOString() }, now);
        return;
      }
      const lines = p.replacements.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }));
      const decision = placeOrder(
        {
          channel: 'pos',
          placedAtStoreId: p.storeId,
          customerId: p.customerId,
          contact: p.contact,
          currency: p.currency,
          fulfilments: [{ type: 'delivery', address: p.address, lines }],
          capturedTenders: [{ tender: 'store-credit', amount: p.settledAmount, reference: p.returnId }],
        },
        { orderId, fulfilments: [{ fulfilmentId: randomUUID(), lineIds: mergeLines(lines).map(() => randomUUID()) }] },
        now,
      );
      if (!decision.ok) {
        this.logger.warn({ returnId: p.returnId, code: decision.code, detail: decision.detail, eventId: e.id }, 'replacement order refused');
        await this.outbox.append(
          m,
          OrderReplacementRefusedV1,
          {
            returnId: p.returnId,
            originalOrderId: p.orderId,
            reason: decision.code,
            detail: (decision.detail ?? decision.code).slice(0, 500),
            refusedAt: now.toISOString(),
          },
          now,
        );
        return;
      }
      await this.orders.insert(m, decision.state);
      for (const ev of decision.events) await this.outbox.append(m, ev.def, ev.payload, now);
      await this.outbox.append(m, OrderReplacementPlacedV1, answer, now);
    });
    if (!outcome.applied) this.logger.log({ returnId: p.returnId, eventId: e.id }, 'event already processed');
  }
}
