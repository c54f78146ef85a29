import { Injectable } from '@nestjs/common';
import { EventEnvelope, PendingEvent } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Order } from '../domain/order';
import { DecisionContext } from '../domain/group-effects';
import { DecisionContexts } from './decision-contexts';
import { CustomerPreferencesRepository } from './ports/customer-preferences.port';
import { OrderRepository } from './ports/order.port';
import { PaymentRequestRepository } from './ports/payment-request.port';

/**
 * What every use case does around a decision: reads what the decision needs from outside
 * (`contexts`), and saves the order, its payment requests and its events as decided, in the
 * caller's transaction.
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

  /**
   * The contexts of decisions about `orders`, read in the caller's transaction: the customers'
   * preferred contact channels in one statement and, when one of the orders was paid at placing,
   * what its refunds took of each tender in another.
   */
  async contexts(m: EntityManager, orders: Iterable<Order>, now = this.now()): Promise<DecisionContexts> {
    const all = [...orders];
    const prepaid = all.filter((o) => o.capturedTenders.length > 0).map((o) => o.id);
    const [channels, refunded] = await Promise.all([
      this.preferences.preferredChannels(
        m,
        all.map((o) => ({ orderId: o.id, accountId: o.customerId })),
      ),
      prepaid.length > 0 ? this.paymentRequests.refundedByReference(m, prepaid) : new Map<string, Map<string, number>>(),
    ]);
    return DecisionContexts.read(now, randomUUID, { channels, refunded });
  }

  /**
   * Decides a consumed run's orders, reading what the decisions need from outside only when one
   * asks: the run is decided first with contexts that know nothing and note what is asked; if a
   * decision asked (a notice's channel, a refund of an order paid at placing), the facts are read
   * for the run's orders (`contexts`) and the run is decided again from the start, which decisions,
   * being pure, allow. Most runs (reservations confirmed) ask for nothing and read nothing.
   */
  async decideRun<R>(m: EntityManager, orders: Iterable<Order>, decide: (contexts: DecisionContexts) => R): Promise<R> {
    const now = this.now();
    const unread = DecisionContexts.unread(now, randomUUID);
    const first = decide(unread);
    return unread.askedUnread ? decide(await this.contexts(m, orders, now)) : first;
  }

  /** The context of one decision about `order` (`contexts` for one order). */
  async context(m: EntityManager, order: Order, now = this.now()): Promise<DecisionContext> {
    return (await this.contexts(m, [order], now)).for(order);
  }

  now(): Date {
    return this.clock.now();
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
    await this.paymentRequests.recordRequested(
      m,
      decisions.flatMap((d) => d.events),
    );
    await this.outbox.appendMany(
      m,
      decisions.flatMap((d) => d.events.map((e) => ({ def: e.def, payload: e.payload, cause: d.cause, now }))),
    );
  }

  /** Events about an order that change nothing of it (a notice), in the caller's transaction. */
  async publish(m: EntityManager, events: readonly PendingEvent[], now: Date, cause?: EventEnvelope): Promise<void> {
    await this.outbox.appendMany(
      m,
      events.map((e) => ({ def: e.def, payload: e.payload, cause, now })),
    );
  }
}
