import { Injectable } from '@nestjs/common';
import { EventEnvelope, PaymentRefundRequestedV2, PendingEvent } from '@omni/contracts';
import { OutboxEntry, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { addressedTo, requestsNotification } from '../domain/notifications';
import { Order } from '../domain/order';
import { DecisionContext } from '../domain/group-effects';
import { splitRefundsOverTenders } from '../domain/refund-tenders';
import { CustomerPreferencesRepository } from './ports/customer-preferences.port';
import { OrderRepository } from './ports/order.port';
import { PaymentRequestRepository } from './ports/payment-request.port';

/**
 * What every use case does after a decision: save the order, its payment requests and its events,
 * in the caller's transaction. Refunds of an order paid at placing are split over its tenders;
 * notification requests are addressed to the customer's preferred contact channel as the customer
 * service last reported it.
 */
@Injectable()
export class OrderWriter {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly orders: OrderRepository,
    private readonly paymentRequests: PaymentRequestRepository,
    private readonly preferences: CustomerPreferencesRepository,
  ) {}

  context(): DecisionContext {
    return { now: this.clock.now(), newId: randomUUID };
  }

  async save(m: EntityManager, order: Order, decided: readonly PendingEvent[], now: Date): Promise<void> {
    await this.saveAll(m, [{ order, events: decided }], now);
  }

  /**
   * Saves several decisions in the caller's transaction (a consumed run's, in the order they were
   * taken): each order once, as the last decision left it, and all their events in one statement;
   * an event answering a consumed one carries it as its cause.
   */
  async saveAll(m: EntityManager, decisions: readonly { order: Order; events: readonly PendingEvent[]; cause?: EventEnvelope }[], now: Date): Promise<void> {
    const last = new Map(decisions.map((d) => [d.order.id, d.order]));
    await this.orders.updateMany(m, [...last.values()]);
    const entries: OutboxEntry[] = [];
    for (const d of decisions) {
      const events = await this.tendered(m, d.order, d.events);
      await this.paymentRequests.recordRequested(m, events);
      for (const e of await this.addressed(m, d.order, events)) entries.push({ def: e.def, payload: e.payload, cause: d.cause, now });
    }
    await this.outbox.appendMany(m, entries);
  }

  /** Events about an order that change nothing of it (a notice), in the caller's transaction, addressed like every notice. */
  async publish(m: EntityManager, order: Order, events: readonly PendingEvent[], now: Date, cause?: EventEnvelope): Promise<void> {
    await this.outbox.appendMany(
      m,
      (await this.addressed(m, order, events)).map((e) => ({ def: e.def, payload: e.payload, cause, now })),
    );
  }

  /** Refunds of an order paid at placing say which of its tenders pay them back (ADR 0011). */
  private async tendered(m: EntityManager, order: Order, events: readonly PendingEvent[]): Promise<readonly PendingEvent[]> {
    if (order.capturedTenders.length === 0 || !events.some((e) => e.def === PaymentRefundRequestedV2)) return events;
    return splitRefundsOverTenders(events, order.capturedTenders, await this.paymentRequests.refundedByReference(m, order.id));
  }

  private async addressed(m: EntityManager, order: Order, events: readonly PendingEvent[]): Promise<readonly PendingEvent[]> {
    if (!requestsNotification(events)) return events;
    const preferences = await this.preferences.forOrder(m, order.id, order.customerId);
    return addressedTo(events, preferences?.preferredContactChannel ?? null);
  }
}
