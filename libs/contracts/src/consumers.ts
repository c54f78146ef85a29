import { EventDefinition } from './define-event';
import {
  InventoryRejectedV1,
  InventoryReservedForDeliveryV1,
  InventoryReservedV1,
  ReservationReleasedV1,
  ShortPickResolvedV1,
  TransferLostV1,
  TransferReceivedV1,
} from './events/inventory.events';
import {
  NotificationRequestedV1,
  OrderCancelledV1,
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderExpiredV1,
  OrderLineCancelledV1,
  OrderPartiallyReadyV1,
  OrderPickingStartedV1,
  OrderPickupUnlockedV1,
  OrderPlacedV1,
  OrderReadyForPickupV1,
  OrderRejectedV1,
  OrderShortPickedV1,
  OrderTransferArrivedV1,
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV1,
} from './events/order.events';
import {
  NotificationRequestedV2,
  OrderDeliveredV1,
  OrderDeliveryAssignedV1,
  OrderDeliveryFailedV1,
  OrderPackedV1,
  OrderPlacedV2,
  OrderShippedV1,
  PaymentRefundRequestedV2,
} from './events/fulfilment.events';
import { PaymentCaptureFailedV1, PaymentCapturedV1, PaymentRefundedV1, PaymentRefundFailedV1 } from './events/payment.events';
import {
  InventoryPreorderAllocatedV1,
  InventoryPreorderEstimatedV1,
  InventoryPreorderQueuedV1,
  OrderPreorderAllocatedV1,
  OrderPreorderedV1,
  OrderPreorderRescheduledV1,
} from './events/preorder.events';
import { ReplacementIssuedV1, ReplacementRefusedV1 } from './events/inventory-returns.events';
import { ReturnParcelReceivedV1 } from './events/mail-return.events';
import { ReturnCompletedV1, ReturnExchangeRequestedV1, ReturnRefundRequestedV1, StoreCreditIssuedV1, StoreCreditReinstatedV1 } from './events/returns.events';
import { OrderReplacementPlacedV1, OrderReplacementRefusedV1, ReturnReplacementShipmentRequestedV1 } from './events/replacement-shipment.events';
import { CustomerErasedV1, CustomerMergedV1, CustomerOrderLinkedV1, CustomerPreferencesChangedV1 } from './events/customer.events';
import { CartAbandonedV1 } from './events/cart.events';
import { PriceListChangedV1 } from './events/price-list.events';

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
    events: [
      OrderPlacedV1,
      OrderPlacedV2,
      OrderConfirmedV1,
      OrderDeliveryAssignedV1,
      OrderShortPickedV1,
      OrderCancelledV1,
      OrderExpiredV1,
      OrderCollectedV1,
      OrderShippedV1,
      ReturnExchangeRequestedV1,
      ReturnCompletedV1,
    ],
    description:
      "Reserves (pickup and delivery groups), re-sources, releases and consumes (collected or shipped) stock as orders move on; hands exchange replacements over from a store's shelves and restocks returned units by disposition.",
  },
  {
    service: 'order',
    events: [
      InventoryReservedV1,
      InventoryReservedForDeliveryV1,
      InventoryPreorderQueuedV1,
      InventoryPreorderAllocatedV1,
      InventoryPreorderEstimatedV1,
      InventoryRejectedV1,
      TransferReceivedV1,
      TransferLostV1,
      ShortPickResolvedV1,
      ReservationReleasedV1,
      PaymentCapturedV1,
      PaymentRefundedV1,
      PaymentCaptureFailedV1,
      PaymentRefundFailedV1,
      ReturnReplacementShipmentRequestedV1,
      ReturnCompletedV1,
      ReturnRefundRequestedV1,
      ReturnParcelReceivedV1,
      StoreCreditIssuedV1,
      StoreCreditReinstatedV1,
      CustomerOrderLinkedV1,
      CustomerMergedV1,
      CustomerErasedV1,
      CustomerPreferencesChangedV1,
    ],
    description:
      "Moves orders on from reservation, transfer and payment results (a refused capture or refund parked for an operator to retry) (a store-credit part of a refund settled by the returns service included); places the delivery order shipping an exchange's replacement when the store had none; keeps what return refunds paid back of each tender of an order paid at placing, so its own later refunds leave that out; tells the customer of their returns (received, exchanged, refunded, credited); anonymises an erased customer's orders; keeps each customer profile's preferred contact channel and marketing consent, and the profile of each order (re-keyed on merges), so notification requests name the preferred channel and an abandoned cart is announced only with consent, naming the channels it is granted on.",
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
      OrderPreorderedV1,
      OrderPreorderAllocatedV1,
      OrderPreorderRescheduledV1,
      ReturnCompletedV1,
      StoreCreditIssuedV1,
      StoreCreditReinstatedV1,
    ],
    description:
      "Matches each order to a customer profile (order.placed) and builds the customer's cross-channel timeline and open-order view from every order event, returns and store credit.",
  },
  {
    service: 'returns',
    events: [
      OrderPlacedV1,
      OrderPlacedV2,
      OrderCollectedV1,
      OrderShippedV1,
      OrderDeliveredV1,
      OrderLineCancelledV1,
      OrderCancelledV1,
      OrderReplacementPlacedV1,
      OrderReplacementRefusedV1,
      ReplacementIssuedV1,
      ReplacementRefusedV1,
      PaymentRefundedV1,
      PaymentRefundFailedV1,
      PaymentRefundRequestedV2,
      CustomerErasedV1,
      PriceListChangedV1,
    ],
    description:
      "Keeps a read model of orders (what was bought, at what price, what the customer received) for lookups and returns; completes exchanges from inventory's answers, or from the order service's when the replacement is shipped (and fails them when it cannot be); settles return refunds from the payment system's answers, or parks a refused one for an operator to send again; credits back to the customer's balance the store-credit part of the order service's refunds (and remembers every tender those refunds took, so a later return does not refund it again); anonymises an erased customer's contact and shipping addresses; keeps the price list, to price an exchange's replacements as the order service prices a sale.",
  },
  {
    service: 'payment (external)',
    events: [PaymentCaptureRequestedV1, PaymentRefundRequestedV1, PaymentRefundRequestedV2, ReturnRefundRequestedV1],
    description:
      "Captures and refunds (orders, and returns to their original tenders, an amount per tender; a store-credit part is not the payment system's: the returns service credits it back); answers on payment.events.v1.",
  },
  {
    service: 'marketing (external)',
    events: [CartAbandonedV1],
    description: 'Reminds consenting customers of the carts they left (raised only with marketing consent).',
  },
  {
    service: 'store audit (external)',
    events: [OrderPickupUnlockedV1],
    description: 'Keeps the store operations audit trail: which supervisor lifted a pickup lock, when, and what they checked.',
  },
  {
    service: 'notifier (external)',
    events: [NotificationRequestedV1, NotificationRequestedV2],
    description: 'Sends notifications to customers; the only reader of pickup codes.',
  },
] as ConsumerSpec[];
