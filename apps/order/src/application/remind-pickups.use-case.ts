import { Injectable } from '@nestjs/common';
import { remindPickup } from '../domain/pickup.machine';
import { DueGroups } from './due-groups';
import { OrderRepository } from './ports/order.port';

/**
 * Reminds customers of ready pickups not collected `beforeMs` before their deadline (kept in the
 * database, like the reminder itself), one transaction each: a pickup-reminder notification
 * request, addressed like every other to the customer's preferred contact channel.
 */
@Injectable()
export class RemindPickupsUseCase {
  constructor(
    private readonly due: DueGroups,
    private readonly orders: OrderRepository,
  ) {}

  /** Reminds up to `limit` groups; returns how many. */
  remindDue(beforeMs: number, limit: number): Promise<number> {
    if (beforeMs <= 0) return Promise.resolve(0);
    return this.due.handle(
      {
        done: 'pickup reminder requested',
        next: (m, now) => this.orders.lockNextReminderDue(m, now, beforeMs),
        decide: (f, ctx) => remindPickup(f, beforeMs, ctx),
      },
      limit,
    );
  }
}
