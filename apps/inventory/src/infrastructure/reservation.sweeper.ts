import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@omni/platform';
import { ExpireReservationsUseCase } from '../application/expire-reservations.use-case';
import { InventoryConfig } from '../inventory.config';

/** Runs the reservation expiry every RESERVATION_SWEEP_INTERVAL_MS; one sweep at a time per process. */
@Injectable()
export class ReservationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReservationSweeper');
  private readonly task: PeriodicTask;

  constructor(
    private readonly expire: ExpireReservationsUseCase,
    @Inject(InventoryConfig) private readonly config: InventoryConfig,
  ) {
    this.task = new PeriodicTask('reservation sweep', config.RESERVATION_SWEEP_INTERVAL_MS, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start(this.config.RESERVATION_SWEEP_INTERVAL_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async sweep(): Promise<void> {
    const orders = await this.expire.sweepOnce();
    if (orders.length > 0) this.logger.log({ orderIds: orders }, 'expired reservations released');
  }
}
