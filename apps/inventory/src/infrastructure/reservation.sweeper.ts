import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ExpireReservationsUseCase } from '../application/expire-reservations.use-case';
import { InventoryConfig } from '../inventory.config';

/** Runs the reservation expiry every RESERVATION_SWEEP_INTERVAL_MS; one sweep at a time per process. */
@Injectable()
export class ReservationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReservationSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly expire: ExpireReservationsUseCase,
    @Inject(InventoryConfig) private readonly config: InventoryConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sweep());
    }, this.config.RESERVATION_SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const orders = await this.expire.sweepOnce();
      if (orders.length > 0) this.logger.log({ orderIds: orders }, 'expired reservations released');
    } catch (err) {
      this.logger.error({ err }, 'reservation sweep failed');
    }
  }
}
