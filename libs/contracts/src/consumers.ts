import { EventDefinition } from './define-event';
import { InventoryRejectedV1, InventoryReservedV1, ReservationReleasedV1, ShortPickResolvedV1, TransferReceivedV1 } from './events/inventory.events';
import {
  NotificationRequestedV1,
  OrderCancelledV1,
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderExpiredV1,
  OrderLineCancelledV1,
  OrderPartiallyReadyV1,
  OrderPickingStartedV1,
  OrderPlacedV1,
  OrderReadyForPickupV1,
  OrderRejectedV1,
  OrderShortPickedV1,
  OrderTransferArrivedV1,
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV1,
} from './events/order.events';
import { OrderDeliveredV1, OrderDeliveryAssignedV1, OrderDeliveryFailedV1, OrderPackedV1, OrderPlacedV2, OrderShippedV1 } from './events/fulfilment.events';
import { PaymentCapturedV1, PaymentRefundedV1 } from './events/payment.events';

/** Who reads which events, for the AsyncAPI document; the producer of a topic is its owner in topics.json. */
export interface ConsumerSpec {
  /** A service of this codebase, or a system outside it, marked `(external)`. */
  readonly service: string;
  readonly events: readonly EventDefinition[];
  readonly description: string;
}

/**
 * Every consumer of our topics. Services of this codebase must list exactly the events their Kafka
 * handlers subscribe to (tools/contracts/consumers-match-handlers.spec.ts checks it).
 */
export const CONSUMERS: readonly ConsumerSpec[] = [
  {
    service: 'inventory',
    events: [OrderPlacedV1, OrderConfirmedV1, OrderShortPickedV1, OrderCancelledV1, OrderExpiredV1, OrderCollectedV1],
    description: 'Reserves, re-sources, releases and consumes stock as orders move on.',
  },
  {
    service: 'order',
    events: [InventoryReservedV1, InventoryRejectedV1, TransferReceivedV1, ShortPickResolvedV1, ReservationReleasedV1, PaymentCapturedV1, PaymentRefundedV1],
    description: 'Moves orders on from reservation, transfer and payment results.',
  },
  {
    service: 'customer',
    events: [
      OrderPlacedV1,
      OrderPlacedV2,
      OrderConfirmedV1,
      OrderRejectedV1,
      OrderPickingStartedV1,
      OrderShortPickedV1,
      OrderReadyForPickupV1,
      OrderCollectedV1,
      OrderCancelledV1,
      OrderExpiredV1,
      OrderLineCancelledV1,
      OrderTransferArrivedV1,
      OrderPartiallyReadyV1,
      OrderDeliveryAssignedV1,
      OrderPackedV1,
      OrderShippedV1,
      OrderDeliveredV1,
      OrderDeliveryFailedV1,
    ],
    description: "Matches each order to a customer profile (order.placed) and builds the customer's cross-channel timeline and open-order view from every order event.",
  },
  {
    service: 'payment (external)',
    events: [PaymentCaptureRequestedV1, PaymentRefundRequestedV1],
    description: 'Captures and refunds; answers on payment.events.v1.',
  },
  { service: 'notifier (external)', events: [NotificationRequestedV1], description: 'Sends notifications to customers; the only reader of pickup codes.' },
] as ConsumerSpec[];
