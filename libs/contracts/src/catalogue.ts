import { ceTypeOf, EventDefinition } from './define-event';
import {
  InventoryRejectedV1,
  InventoryReservedForDeliveryV1,
  InventoryReservedV1,
  ReservationConsumedV1,
  ReservationReleasedV1,
  ShortPickResolvedV1,
  StockAdjustedV1,
  TransferReceivedV1,
  TransferShippedV1,
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
import { PaymentCapturedV1, PaymentRefundedV1 } from './events/payment.events';
import {
  InventoryPreorderAllocatedV1,
  InventoryPreorderEstimatedV1,
  InventoryPreorderQueuedV1,
  OrderPreorderAllocatedV1,
  OrderPreorderedV1,
  OrderPreorderRescheduledV1,
  SupplyChangedV1,
} from './events/preorder.events';
import { ReplacementIssuedV1, ReplacementRefusedV1, ReturnRestockedV1 } from './events/inventory-returns.events';
import {
  ReturnAuthorisedV1,
  ReturnCompletedV1,
  ReturnExchangeFailedV1,
  ReturnExchangeRequestedV1,
  ReturnPolicyPublishedV1,
  ReturnRefundRequestedV1,
  StoreCreditIssuedV1,
  StoreCreditRedeemedV1,
} from './events/returns.events';
import { CartAbandonedV1 } from './events/cart.events';
import { OrderReplacementPlacedV1, OrderReplacementRefusedV1, ReturnReplacementShipmentRequestedV1 } from './events/replacement-shipment.events';
import { CustomerErasedV1, CustomerMergedV1, CustomerOrderLinkedV1, CustomerPreferencesChangedV1 } from './events/customer.events';

/** Every event the system publishes or accepts. A consumer meeting a type not listed here dead-letters it. */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [
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
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV1,
  PaymentRefundRequestedV2,
  NotificationRequestedV1,
  NotificationRequestedV2,
  InventoryReservedV1,
  InventoryReservedForDeliveryV1,
  InventoryPreorderQueuedV1,
  InventoryPreorderAllocatedV1,
  InventoryPreorderEstimatedV1,
  SupplyChangedV1,
  InventoryRejectedV1,
  StockAdjustedV1,
  TransferShippedV1,
  TransferReceivedV1,
  ShortPickResolvedV1,
  ReservationReleasedV1,
  ReservationConsumedV1,
  PaymentCapturedV1,
  PaymentRefundedV1,
  ReturnAuthorisedV1,
  ReturnCompletedV1,
  ReturnExchangeRequestedV1,
  ReturnExchangeFailedV1,
  ReturnRefundRequestedV1,
  ReturnPolicyPublishedV1,
  StoreCreditIssuedV1,
  StoreCreditRedeemedV1,
  ReplacementIssuedV1,
  ReplacementRefusedV1,
  ReturnRestockedV1,
  ReturnReplacementShipmentRequestedV1,
  OrderReplacementPlacedV1,
  OrderReplacementRefusedV1,
  CustomerOrderLinkedV1,
  CustomerMergedV1,
  CustomerPreferencesChangedV1,
  CustomerErasedV1,
  CartAbandonedV1,
] as EventDefinition[];

const byCeType = new Map(EVENT_CATALOGUE.map((d) => [ceTypeOf(d), d]));

export function findEventDefinition(ceType: string): EventDefinition | undefined {
  return byCeType.get(ceType);
}
