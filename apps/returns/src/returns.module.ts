import { DynamicModule, Module } from '@nestjs/common';
import { CUSTOMER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC, PAYMENT_EVENTS_TOPIC } from '@omni/contracts';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { Clock, clockFrom } from '@omni/platform';
import { Returns1700000010000 } from '../migrations/1700000010000-returns';
import { ReplacementShipmentsMailErasure1700000040000 } from '../migrations/1700000040000-replacement-shipments-mail-erasure';
import { AuthoriseReturnUseCase } from './application/authorise-return.use-case';
import { ErasureUseCase } from './application/erasure.use-case';
import { ExchangeRepliesUseCase } from './application/exchange-replies.use-case';
import { OpenReturnUseCase } from './application/open-return.use-case';
import { OrderReadModelUseCase } from './application/order-read-model.use-case';
import { PaymentResultsUseCase } from './application/payment-results.use-case';
import { StoreCreditUseCase } from './application/store-credit.use-case';
import { AuthorisationsHttpController } from './infrastructure/authorisations.http';
import { CustomerEventsHandler } from './infrastructure/customer-events.handler';
import { InventoryEventsHandler } from './infrastructure/inventory-events.handler';
import { LookupHttpController } from './infrastructure/lookup.http';
import { OrderEventsHandler } from './infrastructure/order-events.handler';
import { PaymentEventsHandler } from './infrastructure/payment-events.handler';
import { PoliciesHttpController } from './infrastructure/policies.http';
import { ReplacementShipmentHandler } from './infrastructure/replacement-shipment.handler';
import { ReturnsHttpController } from './infrastructure/returns.http';
import { StoreCreditHttpController } from './infrastructure/store-credit.http';
import { OrderRefundsUseCase } from './application/order-refunds.use-case';
import { OrderRefunds1700000050000 } from '../migrations/1700000050000-order-refunds';
import { ReturnsConfig } from './returns.config';
import { MailReturnParcels1700000060000 } from '../migrations/1700000060000-mail-return-parcels';
import { CarrierPort } from './application/ports/carrier.port';
import { ParcelUseCase } from './application/parcel.use-case';
import { ParcelsHttpController } from './infrastructure/parcels.http';
import { StandInCarrier } from './infrastructure/stand-in-carrier';
import { RefundFailures1700000070000 } from '../migrations/1700000070000-refund-failures';
import { RefundRequestsUseCase } from './application/refund-requests.use-case';
import { RefundRequestsHttpController } from './infrastructure/refund-requests.http';
import { PoliciesUseCase } from './application/policies.use-case';
import { ReturnsQueries } from './application/returns.queries';
import { PriceList1700000080000 } from '../migrations/1700000080000-price-list';
import { PriceListProjection } from './application/price-list.use-case';
import { PriceListEventsHandler } from './infrastructure/price-list-events.handler';
import { RefundSettlement } from './application/settlement';
import { AuthorisationRepository } from './application/ports/authorisation.port';
import { OrderRecordRepository } from './application/ports/order-record.port';
import { PolicyRepository } from './application/ports/policy.port';
import { PriceListRepository } from './application/ports/price-list.port';
import { ReturnRepository } from './application/ports/return.port';
import { StoreCreditRepository } from './application/ports/store-credit.port';
import { authorisationRepository } from './infrastructure/authorisation.repository';
import { orderRecordRepository } from './infrastructure/order-record.repository';
import { policyRepository } from './infrastructure/policy.repository';
import { priceListRepository } from './infrastructure/price-list.repository';
import { returnRepository } from './infrastructure/return.repository';
import { storeCreditRepository } from './infrastructure/store-credit.repository';

/**
 * The returns service (journey 3, docs/returns.md): a read model of orders fed by order events,
 * the versioned return policy, returns and exchanges at any store, refunds to the original
 * tenders or as store credit (ADR 0009), and returns started online, dropped at a store or sent
 * by mail with a carrier's label.
 */
@Module({})
export class ReturnsModule {
  static register(config: ReturnsConfig): DynamicModule {
    return {
      module: ReturnsModule,
      imports: [
        ServiceInfrastructureModule.forRoot({
          service: 'returns',
          config,
          entities: [],
          migrations: [
            Returns1700000010000,
            ReplacementShipmentsMailErasure1700000040000,
            OrderRefunds1700000050000,
            MailReturnParcels1700000060000,
            RefundFailures1700000070000,
            PriceList1700000080000,
          ],
          consumes: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, PAYMENT_EVENTS_TOPIC, CUSTOMER_EVENTS_TOPIC],
          api: {
            description:
              "Order lookup at any POS, the versioned return policy, returns and exchanges at any store (replacements priced from the order service's price list), refunds and store credit, returns started online.",
            version: '0.4.0',
          },
        }),
      ],
      controllers: [
        LookupHttpController,
        ReturnsHttpController,
        AuthorisationsHttpController,
        ParcelsHttpController,
        PoliciesHttpController,
        StoreCreditHttpController,
        RefundRequestsHttpController,
        OrderEventsHandler,
        InventoryEventsHandler,
        PaymentEventsHandler,
        ReplacementShipmentHandler,
        CustomerEventsHandler,
        PriceListEventsHandler,
      ],
      providers: [
        { provide: ReturnsConfig, useValue: config },
        { provide: Clock, useValue: clockFrom(config) },
        OrderReadModelUseCase,
        OpenReturnUseCase,
        ExchangeRepliesUseCase,
        AuthoriseReturnUseCase,
        StoreCreditUseCase,
        PaymentResultsUseCase,
        ErasureUseCase,
        OrderRefundsUseCase,
        ParcelUseCase,
        RefundRequestsUseCase,
        PoliciesUseCase,
        ReturnsQueries,
        PriceListProjection,
        RefundSettlement,
        // The application's ports, each implemented by a repository over the caller's transaction.
        { provide: ReturnRepository, useValue: returnRepository },
        { provide: OrderRecordRepository, useValue: orderRecordRepository },
        { provide: AuthorisationRepository, useValue: authorisationRepository },
        { provide: StoreCreditRepository, useValue: storeCreditRepository },
        { provide: PolicyRepository, useValue: policyRepository },
        { provide: PriceListRepository, useValue: priceListRepository },
        // The only carrier adapter yet (CARRIER=stand-in); a real one implements CarrierPort.
        { provide: CarrierPort, useClass: StandInCarrier },
      ],
    };
  }
}
