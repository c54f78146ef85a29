import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { Location } from '../domain/location';
import { StockLevel } from '../domain/stock';
import { Transfer, TransferStatus } from '../domain/transfer.machine';
import { locationRepository } from '../infrastructure/location.repository';
import { preorderRepository, StoredEntry, Supply } from '../infrastructure/preorder.repository';
import { Reservation, reservationRepository } from '../infrastructure/reservation.repository';
import { ReturnedStockItem, returnedStockRepository } from '../infrastructure/returned-stock.repository';
import { stockRepository } from '../infrastructure/stock.repository';
import { transferRepository } from '../infrastructure/transfer.repository';

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
  ) {}

  locations(): Promise<Location[]> {
    return locationRepository.list(this.dataSource.manager);
  }

  location(id: string): Promise<Location | null> {
    return locationRepository.find(this.dataSource.manager, id);
  }

  stock(locationId: string, sku: string): Promise<StockLevel | null> {
    return stockRepository.find(this.dataSource.manager, locationId, sku);
  }

  reservationsOf(orderId: string): Promise<Reservation[]> {
    return reservationRepository.ofOrder(this.dataSource.manager, orderId);
  }

  transfer(id: string): Promise<Transfer | null> {
    return transferRepository.find(this.dataSource.manager, id);
  }

  /** A transfer with the reserved lines it carries. */
  async transferWithLines(id: string): Promise<{ transfer: Transfer; lines: Reservation[] } | null> {
    const transfer = await this.transfer(id);
    return transfer ? { transfer, lines: await reservationRepository.ofTransfer(this.dataSource.manager, id) } : null;
  }

  transfersOf(locationId: string, direction: 'inbound' | 'outbound'): Promise<Transfer[]> {
    return transferRepository.ofLocation(this.dataSource.manager, locationId, direction);
  }

  /** Transfers past their expected arrival and not received (nor cancelled), the longest overdue first. */
  overdueTransfers(locationId: string | null, limit = 500): Promise<Transfer[]> {
    return transferRepository.overdue(this.dataSource.manager, this.clock.now(), locationId, limit);
  }

  overdueTransferCounts(): Promise<{ status: TransferStatus; count: number }[]> {
    return transferRepository.overdueCounts(this.dataSource.manager, this.clock.now());
  }

  supply(id: string): Promise<Supply | null> {
    return preorderRepository.findSupply(this.dataSource.manager, id);
  }

  preorderQueue(storeId: string, sku: string): Promise<StoredEntry[]> {
    return preorderRepository.queueOf(this.dataSource.manager, storeId, sku);
  }

  returnedStock(locationId: string, sku: string | null): Promise<ReturnedStockItem[]> {
    return returnedStockRepository.ofLocation(this.dataSource.manager, locationId, sku);
  }
}
