import { Metrics } from '@omni/platform';

/** The payment_requests_failed gauge (docs/operations.md, Runbook: PaymentRequestsFailed): refused requests waiting for an operator, per kind. */
export function registerPaymentGauges(metrics: Metrics, failedCounts: () => Promise<readonly { kind: string; count: number }[]>): void {
  metrics.gauge('payment_requests_failed', 'Captures and refunds the payment system refused, parked until an operator retries them', ['kind'], async (set) => {
    for (const c of await failedCounts()) set({ kind: c.kind }, c.count);
  });
}
