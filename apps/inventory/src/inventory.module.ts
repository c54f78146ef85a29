import { DynamicModule, Module } from '@nestjs/common';
import { ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { Stock1700000002000 } from '../migrations/1700000002000-stock';
import { AdjustStockUseCase } from './application/adjust-stock.use-case';
import { ReserveStockUseCase } from './application/reserve-stock.use-case';
import { OrderEventsHandler } from './infrastructure/order-events.handler';
import { ReservationsHttpController } from './infrastructure/reservations.http';
import { StockHttpController } from './infrastructure/stock.http';
import { InventoryConfig } from './inventory.config';

@Module({})
export class InventoryModule {
  static register(config: InventoryConfig): DynamicModule {
    return {
      module: InventoryModule,
      imports: [
        ServiceInfrastructureModule.forRoot({
          service: 'inventory',
          config,
          entities: [],
          migrations: [Stock1700000002000],
          consumes: [ORDER_EVENTS_TOPIC],
        }),
      ],
      controllers: [StockHttpController, ReservationsHttpController, OrderEventsHandler],
      providers: [ReserveStockUseCase, AdjustStockUseCase],
    };
  }
}
