import { Injectable } from '@nestjs/common';
import { expireOrder } from '../domain/pickup.machine';
import { orderRepository } from '../infrastructure/order.repository';
import { DueGroups, DueWork } from './due-groups';

const EXPIRY: DueWork = {
  done: 'pickup expired',
  next: (m, now) => orderRepository.lockNextExpired(m, now),
  decide: (f, ctx) => expireOrder(f, ctx),
};

/** Expires ready orders whose pickup deadline (kept in the database) has passed, one transaction each. */
@Injectable()
export class ExpireOrdersUseCase {
  constructor(private readonly due: DueGroups) {}

  /** Expires up to `limit` orders; returns how many. */
  expireDue(limit: number): Promise<number> {
    return this.due.handle(EXPIRY, limit);
  }
}
