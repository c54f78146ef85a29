/**
 * Shared by the outbox writer and the relay of one process: whether this process's relay leads
 * (so a committed write only has to wake it, in process, with no NOTIFY), and the wake-up itself.
 */
export class RelaySignal {
  leaderHere = false;
  private listener: (() => void) | null = null;

  onWake(listener: () => void): void {
    this.listener = listener;
  }

  wake(): void {
    this.listener?.();
  }
}
