import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@omni/platform';
import { ExpireOrdersUseCase } from '../application/expire-orders.use-case';
import { PreordersUseCase } from '../application/preorders.use-case';
import { RemindPickupsUseCase } from '../application/remind-pickups.use-case';
import { OrderConfig } from '../order.config';

/**
 * Every EXPIRY_SWEEP_INTERVAL_MS, releases allocated preorders whose release date has come,
 * reminds customers of ready pickups nearing their deadline, and expires ready orders whose
 * deadline has passed. Every date lives in the database, so a restarted (or another) replica
 * picks up where this one stopped.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ExpirySweeper');
  private readonly task: PeriodicTask;

  constructor(
    private readonly expire: ExpireOrdersUseCase,
    private readonly preorders: PreordersUseCase,
    private readonly reminders: RemindPickupsUseCase,
    private readonly config: OrderConfig,
  ) {
    this.task = new PeriodicTask('expiry sweep', config.EXPIRY_SWEEP_INTERVAL_MS, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async sweep(): Promise<void> {
    const released = await this.preorders.releaseDue(this.config.EXPIRY_SWEEP_BATCH_SIZE);
    const reminded = await this.reminders.remindDue(this.config.PICKUP_REMINDER_BEFORE_HOURS * 3_600_000, this.config.EXPIRY_SWEEP_BATCH_SIZE);
    const n = await this.expire.expireDue(this.config.EXPIRY_SWEEP_BATCH_SIZE);
    if (n > 0 || released > 0 || reminded > 0) this.logger.log({ expired: n, released, reminded }, 'sweep');
  }
}
