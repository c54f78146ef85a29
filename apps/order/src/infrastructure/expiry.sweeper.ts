import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ExpireOrdersUseCase } from '../application/expire-orders.use-case';
import { PreordersUseCase } from '../application/preorders.use-case';
import { OrderConfig } from '../order.config';

/**
 * Every EXPIRY_SWEEP_INTERVAL_MS, expires ready orders whose deadline has passed and releases
 * allocated preorders whose release date has come. Both dates live in the database, so a
 * restarted (or another) replica picks up where this one stopped.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ExpirySweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly expire: ExpireOrdersUseCase,
    private readonly preorders: PreordersUseCase,
    private readonly config: OrderConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep().finally(() => this.schedule(this.config.EXPIRY_SWEEP_INTERVAL_MS));
    }, delayMs);
  }

  private async sweep(): Promise<void> {
    try {
      const released = await this.preorders.releaseDue(this.config.EXPIRY_SWEEP_BATCH_SIZE);
      const n = await this.expire.expireDue(this.config.EXPIRY_SWEEP_BATCH_SIZE);
      if (n > 0 || released > 0) this.logger.log({ expired: n, released }, 'sweep');
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'expiry sweep failed, retrying next tick');
    }
  }
}
