import { ServiceConfig } from '@omni/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class OrderConfig extends ServiceConfig {
  override PORT: number = 3001;

  /** How often the sweeper looks for ready orders whose pickup deadline has passed. */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  EXPIRY_SWEEP_INTERVAL_MS: number = 5000;

  /** Most orders one sweep expires (each in its own transaction) before waiting for the next tick. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  EXPIRY_SWEEP_BATCH_SIZE: number = 100;

  /**
   * A ready pickup not collected this many hours before its deadline gets one pickup-reminder
   * notice (when it became ready earlier than that); 0: no reminders.
   */
  @IsInt()
  @Min(0)
  @Max(720)
  PICKUP_REMINDER_BEFORE_HOURS: number = 24;

  /** An open cart untouched for this long becomes ABANDONED (docs/carts.md). */
  @IsInt()
  @Min(1)
  @Max(525_600)
  CART_ABANDON_AFTER_MINUTES: number = 1440;

  /** How often the cart sweeper looks for idle carts. */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CART_SWEEP_INTERVAL_MS: number = 30_000;

  /** Base URL of the inventory service, for the availability re-check of a continued cart; unset: the check is reported as skipped. */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'INVENTORY_URL must be an http(s) URL' })
  INVENTORY_URL: string = '';

  /** Bearer token (scope inventory:read) the order service sends to the inventory service. */
  @IsString()
  INVENTORY_TOKEN: string = '';

  /**
   * Admission by backlog (docs/operations.md#overload): with this many placements waiting longer
   * than PLACEMENT_ADMISSION_BUDGET_MS for inventory's answer, while inventory is answering, the next
   * placement is refused with 503 and Retry-After. 0 admits every placement.
   */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  PLACEMENT_ADMISSION_LIMIT: number = 25;

  /** How long a placement may wait for inventory's answer before it counts as late. */
  @IsInt()
  @Min(50)
  @Max(600_000)
  PLACEMENT_ADMISSION_BUDGET_MS: number = 1000;

  /** No answer from inventory for this long is an outage, not a backlog: placements are admitted and wait as PLACED. */
  @IsInt()
  @Min(100)
  @Max(600_000)
  PLACEMENT_ADMISSION_ANSWERING_WITHIN_MS: number = 5000;
}
