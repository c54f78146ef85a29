import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { Location } from '../domain/location';
import { Reservation } from '../domain/reservation.machine';
import { StockLevel } from '../domain/stock';
import { Transfer, TransferStatus } from '../domain/transfer.machine';
import { LocationRepository } from './ports/location.port';
import { PreorderRepository, StoredEntry, Supply } from './ports/preorder.port';
import { ReservationRepository } from './ports/reservation.port';
import { ReturnedStockItem, ReturnedStockRepository } from './ports/returned-stock.port';
import { StockRepository } from './ports/stock.port';
import { TransferRepository } from './ports/transfer.port';

/**
 * What the inventory API reads — locations, a stock level, reservations, transfers, supply and
 * preorder queues, returned stock — read-only and without locks, so that the controllers call the
 * application and never a repository. (Availability has its own query: AvailabilityQuery.)
 */
@Injectable()
export class InventoryQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly locationRepository: LocationRepository,
    private readonly stockRepository: StockRepository,
    private readonly reservationRepository: ReservationRepository,
    private readonly transferRepository: TransferRepository,
    private readonly preorderRepository: PreorderRepository,
    private readonly returnedStockRepository: ReturnedStockRepository,
  ) {}

  locations(): Promise<Location[]> {
    return this.locationRepository.list(this.dataSource.manager);
  }

  location(id: string): Promise<Location | null> {
    return this.locationRepository.find(this.dataSource.manager, id);
  }

  stock(locationId: string, sku: string): Promise<StockLevel | null> {
    return this.stockRepository.find(this.dataSource.manager, locationId, sku);
  }

  reservationsOf(orderId: string): Promise<Reservation[]> {
    return this.reservationRepository.ofOrder(this.dataSource.manager, orderId);
  }

  transfer(id: string): Promise<Transfer | null> {
    return this.transferRepository.find(this.dataSource.manager, id);
  }

  /** A transfer with the reserved lines it carries. */
  async transferWithLines(id: string): Promise<{ transfer: Transfer; lines: Reservation[] } | null> {
    const transfer = await this.transfer(id);
    return transfer ? { transfer, lines: await this.reservationRepository.ofTransfer(this.dataSource.manager, id) } : null;
  }

  transfersOf(locationId: string, direction: 'inbound' | 'outbound'): Promise<Transfer[]> {
    return this.transferRepository.ofLocation(this.dataSource.manager, locationId, direction);
  }

  /** Transfers past their expected arrival and not received (nor cancelled), the longest overdue first. */
  overdueTransfers(locationId: string | null, limit = 500): Promise<Transfer[]> {
    return this.transferRepository.overdue(this.dataSource.manager, this.clock.now(), locationId, limit);
  }

  overdueTransferCounts(): Promise<{ status: TransferStatus; count: number }[]> {
    return this.transferRepository.overdueCounts(this.dataSource.manager, this.clock.now());
  }

  supply(id: string): Promise<Supply | null> {
    return this.preorderRepository.findSupply(this.dataSource.manager, id);
  }

  preorderQueue(storeId: string, sku: string): Promise<StoredEntry[]> {
    return this.preorderRepository.queueOf(this.dataSource.manager, storeId, sku);
  }

  returnedStock(locationId: string, sku: string | null): Promise<ReturnedStockItem[]> {
    return this.returnedStockRepository.ofLocation(this.dataSource.manager, locationId, sku);
  }
}
