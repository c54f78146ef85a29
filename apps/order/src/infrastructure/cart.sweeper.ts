import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AbandonCartsUseCase } from '../application/abandon-carts.use-case';
import { OrderConfig } from '../order.config';

/** Every CART_SWEEP_INTERVAL_MS, abandons open carts untouched for CART_ABANDON_AFTER_MINUTES (a twin of the expiry sweeper). */
@Injectable()
export class CartSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CartSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly carts: AbandonCartsUseCase,
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
      this.running = this.sweep().finally(() => this.schedule(this.config.CART_SWEEP_INTERVAL_MS));
    }, delayMs);
  }

  private async sweep(): Promise<void> {
    try {
      const n = await this.carts.abandonIdle(this.config.CART_ABANDON_AFTER_MINUTES, this.config.EXPIRY_SWEEP_BATCH_SIZE);
      if (n > 0) this.logger.log({ abandoned: n }, 'cart sweep');
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'cart sweep failed, retrying next tick');
    }
  }
}
