import { DynamicModule, Module } from '@nestjs/common';
import { ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { Clock, clockFrom } from '@omni/platform';
import { Stock1700000002000 } from '../migrations/1700000002000-stock';
import { Locations1700000003000 } from '../migrations/1700000003000-locations';
import { TransfersAndExpiringReservations1700000004000 } from '../migrations/1700000004000-transfers-and-expiring-reservations';
import { InTransitReservations1700000005000 } from '../migrations/1700000005000-in-transit-reservations';
import { PreordersAndSupply1700000007000 } from '../migrations/1700000007000-preorders-and-supply';
import { ReturnedStock1700000010000 } from '../migrations/1700000010000-returned-stock';
import { LostTransfers1700000130000 } from '../migrations/1700000130000-lost-transfers';
import { PreorderUnits1700000140000 } from '../migrations/1700000140000-preorder-units';
import { ReturnsUseCase } from './application/returns.use-case';
import { ReturnedStockHttpController } from './infrastructure/returned-stock.http';
import { ReturnsEventsHandler } from './infrastructure/returns-events.handler';
import { AdjustStockUseCase } from './application/adjust-stock.use-case';
import { AvailabilityQuery } from './application/availability.query';
import { InventoryQueries } from './application/inventory.queries';
import { ExpireReservationsUseCase } from './application/expire-reservations.use-case';
import { LocationsUseCase } from './application/locations.use-case';
import { OrderLifecycleUseCase } from './application/order-lifecycle.use-case';
import { Placements } from './application/placement';
import { LocationRepository } from './application/ports/location.port';
import { PreorderRepository } from './application/ports/preorder.port';
import { ReservationRepository } from './application/ports/reservation.port';
import { ReturnedStockRepository } from './application/ports/returned-stock.port';
import { StockRepository } from './application/ports/stock.port';
import { TransferRepository } from './application/ports/transfer.port';
import { Preorders } from './application/preorders';
import { Releases } from './application/release';
import { ReserveStockUseCase } from './application/reserve-stock.use-case';
import { ReserveStockRunUseCase } from './application/reserve-stock-run.use-case';
import { SupplyUseCase } from './application/supply.use-case';
import { ResolveShortPickUseCase } from './application/resolve-short-pick.use-case';
import { TransfersUseCase } from './application/transfers.use-case';
import { AvailabilityHttpController } from './infrastructure/availability.http';
import { locationRepository } from './infrastructure/location.repository';
import { LocationsHttpController } from './infrastructure/locations.http';
import { OrderEventsHandler } from './infrastructure/order-events.handler';
import { preorderRepository } from './infrastructure/preorder.repository';
import { reservationRepository } from './infrastructure/reservation.repository';
import { ReservationSweeper } from './infrastructure/reservation.sweeper';
import { ReservationsHttpController } from './infrastructure/reservations.http';
import { returnedStockRepository } from './infrastructure/returned-stock.repository';
import { StockHttpController } from './infrastructure/stock.http';
import { stockRepository } from './infrastructure/stock.repository';
import { SupplyHttpController } from './infrastructure/supply.http';
import { transferRepository } from './infrastructure/transfer.repository';
import { TransfersHttpController } from './infrastructure/transfers.http';
import { InventoryConfig } from './inventory.config';

export const INVENTORY_MIGRATIONS = [
  Stock1700000002000,
  Locations1700000003000,
  TransfersAndExpiringReservations1700000004000,
  InTransitReservations1700000005000,
  PreordersAndSupply1700000007000,
  ReturnedStock1700000010000,
  LostTransfers1700000130000,
  PreorderUnits1700000140000,
];

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
          migrations: INVENTORY_MIGRATIONS,
          consumes: [ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC],
          api: {
            description:
              'Locations, stock per SKU per location, availability for promises, reservations, transfers between locations, incoming supply and preorder queues, exchange replacements and returned stock.',
            version: '0.3.2',
          },
        }),
      ],
      controllers: [
        LocationsHttpController,
        StockHttpController,
        AvailabilityHttpController,
        TransfersHttpController,
        ReservationsHttpController,
        SupplyHttpController,
        OrderEventsHandler,
        ReturnedStockHttpController,
        ReturnsEventsHandler,
      ],
      providers: [
        { provide: InventoryConfig, useValue: config },
        { provide: Clock, useValue: clockFrom(config) },
        // The application's ports, implemented over PostgreSQL.
        { provide: LocationRepository, useValue: locationRepository },
        { provide: StockRepository, useValue: stockRepository },
        { provide: ReservationRepository, useValue: reservationRepository },
        { provide: TransferRepository, useValue: transferRepository },
        { provide: PreorderRepository, useValue: preorderRepository },
        { provide: ReturnedStockRepository, useValue: returnedStockRepository },
        Placements,
        Releases,
        ReserveStockUseCase,
        ReserveStockRunUseCase,
        AdjustStockUseCase,
        LocationsUseCase,
        AvailabilityQuery,
        InventoryQueries,
        TransfersUseCase,
        OrderLifecycleUseCase,
        ResolveShortPickUseCase,
        ExpireReservationsUseCase,
        ReservationSweeper,
        Preorders,
        SupplyUseCase,
        ReturnsUseCase,
      ],
    };
  }
}
