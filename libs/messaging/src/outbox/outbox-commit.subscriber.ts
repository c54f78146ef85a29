import { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { RelaySignal } from './relay-signal';

/** Wakes this process's relay when a transaction that appended outbox rows has committed. */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly signal: RelaySignal) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as { outboxRows?: number; outboxNotified?: boolean };
    if (!data.outboxRows) return;
    data.outboxRows = 0;
    data.outboxNotified = false;
    this.signal.wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const data = event.queryRunner.data as { outboxRows?: number; outboxNotified?: boolean };
    data.outboxRows = 0;
    data.outboxNotified = false;
  }
}
