import { ServiceConfig } from '@omni/platform';
import { IsInt, Max, Min } from 'class-validator';

export class OrderConfig extends ServiceConfig {
  override PORT: number = 3001;

  /** How often the sweeper looks for ready orders whose pickup deadline has passed. */
  @IsInt() @Min(100) @Max(3_600_000)
  EXPIRY_SWEEP_INTERVAL_MS: number = 5000;

  /** Most orders one sweep expires (each in its own transaction) before waiting for the next tick. */
  @IsInt() @Min(1) @Max(10_000)
  EXPIRY_SWEEP_BATCH_SIZE: number = 100;
}
