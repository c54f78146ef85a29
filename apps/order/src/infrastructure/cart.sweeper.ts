import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@omni/platform';
import { AbandonCartsUseCase } from '../application/abandon-carts.use-case';
import { OrderConfig } from '../order.config';

/** Every CART_SWEEP_INTERVAL_MS, abandons open carts untouched for CART_ABANDON_AFTER_MINUTES. */
@Injectable()
export class CartSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CartSweeper');
  private readonly task: PeriodicTask;

  constructor(
    private readonly carts: AbandonCartsUseCase,
    private readonly config: OrderConfig,
  ) {
    this.task = new PeriodicTask('cart sweep', config.CART_SWEEP_INTERVAL_MS, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async sweep(): Promise<void> {
    const n = await this.carts.abandonIdle(this.config.CART_ABANDON_AFTER_MINUTES, this.config.EXPIRY_SWEEP_BATCH_SIZE);
    if (n > 0) this.logger.log({ abandoned: n }, 'cart sweep');
  }
}
