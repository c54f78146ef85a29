import { DynamicModule, Module } from '@nestjs/common';
import { INVENTORY_EVENTS_TOPIC } from '@omni/contracts';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { Orders1700000001000 } from '../migrations/1700000001000-orders';
import { OrderPrices1700000001100 } from '../migrations/1700000001100-order-prices';
import { ApplyReservationResultUseCase } from './application/apply-reservation-result.use-case';
import { PlaceOrderUseCase } from './application/place-order.use-case';
import { InventoryEventsHandler } from './infrastructure/inventory-events.handler';
import { OrderLineRecord, OrderRecord } from './infrastructure/order.records';
import { OrdersHttpController } from './infrastructure/orders.http';
import { OrderConfig } from './order.config';

@Module({})
export class OrderModule {
  static register(config: OrderConfig): DynamicModule {
    return {
      module: OrderModule,
      imports: [
        ServiceInfrastructureModule.forRoot({
          service: 'order',
          config,
          entities: [OrderRecord, OrderLineRecord],
          migrations: [Orders1700000001000, OrderPrices1700000001100],
          consumes: [INVENTORY_EVENTS_TOPIC],
        }),
      ],
      controllers: [OrdersHttpController, InventoryEventsHandler],
      providers: [PlaceOrderUseCase, ApplyReservationResultUseCase],
    };
  }
}
