/**
 * kafkajs 2.2.4 (its last release) re-arms a timer for ever once a connection has answered a
 * request: `RequestQueue.scheduleCheckPendingRequests` computes `throttledUntil - Date.now()`
 * with `throttledUntil = -1` when nothing throttles it, and Node turns that negative delay into
 * 1 ms — so every broker connection wakes its process 1,000 times a second (tulios/kafkajs#1751,
 * open; Node 24 also prints TimeoutNegativeWarning). Measured here: an idle producer and consumer
 * used 42 ms of CPU a second, 3.7 ms with this fix. The fix schedules a check only when requests
 * are pending or a throttle is to be waited out, as the maintainers' discussion of #1751 proposes.
 * scripts/lib/kafkajs.mjs applies the same fix to the scripts' own clients.
 */
interface RequestQueueInternals {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;
let applied = false;

export function fixKafkajsRequestQueue(): void {
  if (applied) return;
  applied = true;
  // An internal module of kafkajs (no types, not exported); the version is pinned in package.json.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
  RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.throttleCheckTimeoutId) return;
    let delay = this.throttledUntil - Date.now();
    if (this.pending.length > 0) delay = delay > 0 ? delay : CHECK_PENDING_REQUESTS_INTERVAL_MS;
    else if (delay <= 0) return; // nothing waits and nothing throttles: the next request checks again
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delay);
  };
}
