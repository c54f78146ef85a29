import { ServiceConfig } from '@omni/platform';
import { IsInt, Max, Min } from 'class-validator';

export class InventoryConfig extends ServiceConfig {
  override PORT: number = 3002;

  /** How long an order's reservation holds before order.confirmed; unconfirmed ones are released. */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  RESERVATION_TTL_MINUTES: number = 30;

  /** How often the sweeper looks for expired reservations. */
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  RESERVATION_SWEEP_INTERVAL_MS: number = 30_000;
}
