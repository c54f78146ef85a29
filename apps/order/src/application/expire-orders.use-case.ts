import { Injectable } from '@nestjs/common';
import { expireOrder } from '../domain/pickup.machine';
import { DueGroups, DueWork } from './due-groups';
import { OrderRepository } from './ports/order.port';

/** Expires ready orders whose pickup deadline (kept in the database) has passed, one transaction each. */
@Injectable()
export class ExpireOrdersUseCase {
  private readonly expiry: DueWork = {
    done: 'pickup expired',
    next: (m, now) => this.orders.lockNextExpired(m, now),
    decide: (f, ctx) => expireOrder(f, ctx),
  };

  constructor(
    private readonly due: DueGroups,
    private readonly orders: OrderRepository,
  ) {}

  /** Expires up to `limit` orders; returns how many. */
  expireDue(limit: number): Promise<number> {
    return this.due.handle(this.expiry, limit);
  }
}
