import { Metrics } from '@omni/platform';

/** The transfers_overdue gauge (docs/operations.md, runbook TransfersOverdue): transfers past their expected arrival, per status. */
export function registerTransferGauges(metrics: Metrics, overdueCounts: () => Promise<readonly { status: string; count: number }[]>): void {
  metrics.gauge(
    'transfers_overdue',
    'Transfers past their expected arrival and not received: REQUESTED (the source has not shipped) or SHIPPED (not arrived)',
    ['status'],
    async (set) => {
      const counts = new Map((await overdueCounts()).map((c) => [c.status, c.count]));
      for (const status of ['REQUESTED', 'SHIPPED']) set({ status }, counts.get(status) ?? 0);
    },
  );
}
