import { DynamicModule, Module } from '@nestjs/common';
import { CUSTOMER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, PAYMENT_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { Clock, clockFrom } from '@omni/platform';
import { Orders1700000001000 } from '../migrations/1700000001000-orders';
import { OrderPrices1700000001100 } from '../migrations/1700000001100-order-prices';
import { PickupLifecycle1700000001200 } from '../migrations/1700000001200-pickup-lifecycle';
import { FulfilmentGroups1700000006000 } from '../migrations/1700000006000-fulfilment-groups';
import { Preorders1700000007100 } from '../migrations/1700000007100-preorders';
import { Carts1700000030000 } from '../migrations/1700000030000-carts';
import { ReturnsTakenBack1700000050000 } from '../migrations/1700000050000-returns-taken-back';
import { ContactPreferences1700000060000 } from '../migrations/1700000060000-contact-preferences';
import { PickupReminders1700000070000 } from '../migrations/1700000070000-pickup-reminders';
import { RefundTenders1700000080000 } from '../migrations/1700000080000-refund-tenders';
import { ReturnRefundTenders1700000090000 } from '../migrations/1700000090000-return-refund-tenders';
import { PriceList1700000100000 } from '../migrations/1700000100000-price-list';
import { PaymentFailures1700000110000 } from '../migrations/1700000110000-payment-failures';
import { ChannelPrices1700000120000 } from '../migrations/1700000120000-channel-prices';
import { PlacementsWaiting1700000130000 } from '../migrations/1700000130000-placements-waiting';
import { CartsByStart1700000140000 } from '../migrations/1700000140000-carts-by-start';
import { PriceListAnnounced1700000150000 } from '../migrations/1700000150000-price-list-announced';
import { InventoryAnswers } from './application/inventory-answers';
import { PlacementAdmission } from './infrastructure/placement-admission';
import { AbandonCartsUseCase } from './application/abandon-carts.use-case';
import { CartsUseCase } from './application/carts.use-case';
import { CustomerPreferencesUseCase } from './application/customer-preferences.use-case';
import { AvailabilityClient } from './infrastructure/availability.client';
import { CartSweeper } from './infrastructure/cart.sweeper';
import { CartsHttpController, StoreCartsHttpController } from './infrastructure/carts.http';
import { KpisHttpController } from './infrastructure/kpis.http';
import { CustomerEventsHandler } from './infrastructure/customer-events.handler';
import { ActOnOrderUseCase } from './application/act-on-order.use-case';
import { EraseOrderContactUseCase } from './application/erase-order-contact.use-case';
import { ExpireOrdersUseCase } from './application/expire-orders.use-case';
import { DueGroups } from './application/due-groups';
import { OrderWriter } from './application/order-writer';
import { PlaceOrderUseCase } from './application/place-order.use-case';
import { PlaceReplacementOrderUseCase } from './application/place-replacement-order.use-case';
import { PaymentRequestsUseCase } from './application/payment-requests.use-case';
import { PaymentRequestsHttpController } from './infrastructure/payment-requests.http';
import { TellOfReturnsUseCase } from './application/tell-of-returns.use-case';
import { PreordersUseCase } from './application/preorders.use-case';
import { ReactToInventoryUseCase } from './application/react-to-inventory.use-case';
import { RecordPaymentResultUseCase } from './application/record-payment-result.use-case';
import { RemindPickupsUseCase } from './application/remind-pickups.use-case';
import { ExpirySweeper } from './infrastructure/expiry.sweeper';
import { InventoryEventsHandler } from './infrastructure/inventory-events.handler';
import { ChannelCreditHttpController } from './infrastructure/channel-credit.http';
import { DeliveriesHttpController } from './infrastructure/deliveries.http';
import { FulfilmentRecord, OrderLineRecord, OrderRecord, PaymentRequestRecord } from './infrastructure/order.records';
import { OrdersHttpController } from './infrastructure/orders.http';
import { PlacementOutcome } from './infrastructure/placement-outcome';
import { OrderStream } from './infrastructure/order-stream';
import { PaymentEventsHandler } from './infrastructure/payment-events.handler';
import { PreorderProductsHttpController } from './infrastructure/preorder-products.http';
import { ReturnsEventsHandler } from './infrastructure/returns-events.handler';
import { PriceListHttpController } from './infrastructure/price-list.http';
import { StoresHttpController } from './infrastructure/stores.http';
import { OrderConfig } from './order.config';
import { OrderQueries } from './application/order.queries';
import { CartKpiQueries } from './application/cart-kpis.query';
import { ChannelCreditKpiQueries } from './application/channel-credit-kpis.query';
import { OrderKpiGauges } from './application/order-kpi-gauges';
import { PriceListUseCase } from './application/price-list.use-case';
import { AvailabilityChecker } from './application/ports/availability.port';
import { CartRepository } from './application/ports/cart.port';
import { ChannelCreditRepository } from './application/ports/channel-credit.port';
import { ConsentRepository } from './application/ports/consent.port';
import { CustomerPreferencesRepository } from './application/ports/customer-preferences.port';
import { OrderRepository } from './application/ports/order.port';
import { PaymentRequestRepository } from './application/ports/payment-request.port';
import { PickupCodeGenerator } from './application/ports/pickup-code.port';
import { PreorderRepository } from './application/ports/preorder.port';
import { PriceListRepository } from './application/ports/price-list.port';
import { ReturnsTakenBackRepository } from './application/ports/returns-taken-back.port';
import { cartRepository, consentRepository } from './infrastructure/cart.repository';
import { channelCreditRepository } from './infrastructure/channel-credit.repository';
import { customerPreferencesRepository } from './infrastructure/customer-preferences.repository';
import { orderRepository, returnsTakenBackRepository } from './infrastructure/order.repository';
import { paymentRequestRepository } from './infrastructure/payment-request.repository';
import { pickupCodeGenerator } from './infrastructure/pickup-code.generator';
import { preorderRepository } from './infrastructure/preorder.repository';
import { priceListRepository } from './infrastructure/price-list.repository';

/** The order service's tables: its entities, and its own migrations (the shared messaging tables are added to them). */
export const ORDER_ENTITIES = [OrderRecord, FulfilmentRecord, OrderLineRecord, PaymentRequestRecord];
export const ORDER_MIGRATIONS = [
  Orders1700000001000,
  OrderPrices1700000001100,
  PickupLifecycle1700000001200,
  FulfilmentGroups1700000006000,
  Preorders1700000007100,
  Carts1700000030000,
  ReturnsTakenBack1700000050000,
  ContactPreferences1700000060000,
  PickupReminders1700000070000,
  RefundTenders1700000080000,
  ReturnRefundTenders1700000090000,
  PriceList1700000100000,
  PaymentFailures1700000110000,
  ChannelPrices1700000120000,
  PlacementsWaiting1700000130000,
  CartsByStart1700000140000,
  PriceListAnnounced1700000150000,
];

@Module({})
export class OrderModule {
  static register(config: OrderConfig): DynamicModule {
    return {
      module: OrderModule,
      imports: [
        ServiceInfrastructureModule.forRoot({
          service: 'order',
          config,
          entities: ORDER_ENTITIES,
          migrations: ORDER_MIGRATIONS,
          consumes: [INVENTORY_EVENTS_TOPIC, PAYMENT_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC, CUSTOMER_EVENTS_TOPIC],
          api: {
            description:
              "Orders across channels and their fulfilment groups: placing and cancelling orders (click & collect, home delivery, endless aisle from a POS), the location side (pick list, picking, picks, collection at the POS, shipping, cancellation) and carrier delivery reports, and preorders with store pickup (products, queue places, release); carts continued across channels (handoff to a store associate, guest cart merged on sign-in) and checked out into orders, and KPIs of carts across channels and of each store's channel credit; replacement orders for exchanges.",
            version: '0.4.1',
          },
        }),
      ],
      controllers: [
        OrdersHttpController,
        StoresHttpController,
        DeliveriesHttpController,
        PreorderProductsHttpController,
        PriceListHttpController,
        ChannelCreditHttpController,
        PaymentRequestsHttpController,
        CartsHttpController,
        StoreCartsHttpController,
        KpisHttpController,
        InventoryEventsHandler,
        PaymentEventsHandler,
        ReturnsEventsHandler,
        CustomerEventsHandler,
      ],
      providers: [
        { provide: OrderConfig, useValue: config },
        { provide: Clock, useValue: clockFrom(config) },
        // The application's ports, and what implements them here.
        { provide: OrderRepository, useValue: orderRepository },
        { provide: ReturnsTakenBackRepository, useValue: returnsTakenBackRepository },
        { provide: PaymentRequestRepository, useValue: paymentRequestRepository },
        { provide: CustomerPreferencesRepository, useValue: customerPreferencesRepository },
        { provide: CartRepository, useValue: cartRepository },
        { provide: ConsentRepository, useValue: consentRepository },
        { provide: PreorderRepository, useValue: preorderRepository },
        { provide: PriceListRepository, useValue: priceListRepository },
        { provide: ChannelCreditRepository, useValue: channelCreditRepository },
        { provide: PickupCodeGenerator, useValue: pickupCodeGenerator },
        { provide: AvailabilityChecker, useExisting: AvailabilityClient },
        OrderQueries,
        CartKpiQueries,
        ChannelCreditKpiQueries,
        OrderKpiGauges,
        PriceListUseCase,
        OrderWriter,
        PlacementOutcome,
        InventoryAnswers,
        PlacementAdmission,
        OrderStream,
        DueGroups,
        PlaceOrderUseCase,
        ActOnOrderUseCase,
        ReactToInventoryUseCase,
        RecordPaymentResultUseCase,
        ExpireOrdersUseCase,
        RemindPickupsUseCase,
        PreordersUseCase,
        ExpirySweeper,
        AvailabilityClient,
        CartsUseCase,
        AbandonCartsUseCase,
        CustomerPreferencesUseCase,
        CartSweeper,
        PlaceReplacementOrderUseCase,
        TellOfReturnsUseCase,
        PaymentRequestsUseCase,
        EraseOrderContactUseCase,
      ],
    };
  }
}
