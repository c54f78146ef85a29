import { Logger } from '@nestjs/common';

/**
 * Background work on a timer, as the sweepers need it: `work` runs after `firstDelayMs`, then
 * `intervalMs` after each run ends, never two at once. A failed run is logged and the next tick
 * tries again. `stop()` cancels the next run and waits for the one in progress, so a service
 * shutting down does not close its database under a sweep.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
  ) {
    this.logger = new Logger(name);
  }

  start(firstDelayMs = 0): void {
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.runOnce().finally(() => this.schedule(this.intervalMs));
    }, delayMs);
  }

  private async runOnce(): Promise<void> {
    try {
      await this.work();
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, `${this.name} failed, retrying next tick`);
    }
  }
}
