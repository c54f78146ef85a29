import { Injectable } from '@nestjs/common';
import { accept, Decision, refuse, StockAdjustedV1, SupplyChangedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock, noteCreated } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LocationRepository } from './ports/location.port';
import { PreorderRepository, Supply } from './ports/preorder.port';
import { StockRepository } from './ports/stock.port';
import { Preorders } from './preorders';

export type SupplyRefusal = 'LOCATION.NOT_FOUND' | 'SUPPLY.NOT_FOUND' | 'SUPPLY.NOT_EXPECTED' | 'SUPPLY.OVER_RECEIVED';

/**
 * Incoming supply: purchase order lines and inbound shipments per SKU and destination. Planning,
 * re-dating and receiving it moves every preorder estimate of the SKU; received units go to the
 * preorder queues in order before anything else can take them.
 */
@Injectable()
export class SupplyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly preorders: Preorders,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
    private readonly supply: PreorderRepository,
  ) {}

  announce(input: { sku: string; locationId: string; quantity: number; expectedAt: Date; reference: string }): Promise<Decision<Supply, SupplyRefusal>> {
    return this.dataSource.transaction(async (m) => {
      if (!(await this.locations.exists(m, input.locationId))) return refuse('LOCATION.NOT_FOUND', `no location ${input.locationId}`);
      const now = this.clock.now();
      const supply: Supply = { id: randomUUID(), ...input, status: 'EXPECTED', receivedQuantity: 0 };
      noteCreated(`/supply/${supply.id}`);
      await this.supply.insertSupply(m, supply, now);
      await this.changed(m, supply, now);
      return accept(supply);
    });
  }

  /** A new expected date: a delay moves the estimates of the preorders waiting for it. */
  redate(id: string, expectedAt: Date): Promise<Decision<Supply, SupplyRefusal>> {
    return this.onExpected(id, async (m, s, now) => {
      const next = { ...s, expectedAt };
      await this.supply.updateSupply(m, next, now);
      await this.changed(m, next, now);
      return accept(next);
    });
  }

  cancel(id: string): Promise<Decision<Supply, SupplyRefusal>> {
    return this.onExpected(id, async (m, s, now) => {
      const next: Supply = { ...s, status: 'CANCELLED' };
      await this.supply.updateSupply(m, next, now);
      await this.changed(m, next, now);
      return accept(next);
    });
  }

  /** The units arrived: on hand at the destination, then to the preorder queues in order. */
  receive(id: string, quantity: number): Promise<Decision<Supply, SupplyRefusal>> {
    return this.onExpected(id, async (m, s, now) => {
      if (quantity > s.quantity) return refuse('SUPPLY.OVER_RECEIVED', `supply ${id} announced ${s.quantity} units, ${quantity} were reported`);
      const next: Supply = { ...s, status: 'RECEIVED', receivedQuantity: quantity };
      await this.supply.updateSupply(m, next, now);
      if (quantity > 0) {
        await this.stock.addUnits(m, s.locationId, s.sku, quantity, false);
        const level = await this.stock.find(m, s.locationId, s.sku);
        await this.outbox.append(
          m,
          StockAdjustedV1,
          { locationId: s.locationId, sku: s.sku, delta: quantity, onHand: level!.onHand, reason: 'receipt', adjustedAt: now.toISOString() },
          now,
        );
      }
      await this.changed(m, next, now);
      return accept(next);
    });
  }

  private onExpected(
    id: string,
    act: (m: EntityManager, s: Supply, now: Date) => Promise<Decision<Supply, SupplyRefusal>>,
  ): Promise<Decision<Supply, SupplyRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.supply.findSupplyForUpdate(m, id);
      if (!s) return refuse('SUPPLY.NOT_FOUND', `no supply ${id}`);
      if (s.status !== 'EXPECTED') return refuse('SUPPLY.NOT_EXPECTED', `supply ${id} is ${s.status}`);
      return act(m, s, this.clock.now());
    });
  }

  /** Announces the change and brings the preorders of the SKU up to date (allocating what arrived). */
  private async changed(m: EntityManager, s: Supply, now: Date): Promise<void> {
    await this.outbox.append(
      m,
      SupplyChangedV1,
      {
        supplyId: s.id,
        sku: s.sku,
        locationId: s.locationId,
        quantity: s.quantity,
        expectedAt: s.expectedAt.toISOString(),
        reference: s.reference,
        status: s.status,
        receivedQuantity: s.receivedQuantity,
        at: now.toISOString(),
      },
      now,
    );
    await this.preorders.unitsArrived(m, s.sku, s.locationId, now);
  }
}
