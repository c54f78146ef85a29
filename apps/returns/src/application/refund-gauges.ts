import { Metrics } from '@omni/platform';

/** The return_refunds_failed gauge (docs/operations.md, Runbook: ReturnRefundsFailed): refused refunds of returns waiting for an operator. */
export function registerRefundGauges(metrics: Metrics, failedCount: () => Promise<number>): void {
  metrics.gauge('return_refunds_failed', 'Refunds of returns the payment system refused, parked until an operator sends them again', [], async (set) =>
    set({}, await failedCount()),
  );
}
