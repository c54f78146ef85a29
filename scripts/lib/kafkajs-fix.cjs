// The fix of kafkajs's 1 ms polling loop for the scripts and the test runner (loaded by
// scripts/lib/kafkajs.mjs and as a Jest setup file); why, and the services' copy:
// libs/messaging/src/kafka/request-queue-fix.ts.
const RequestQueue = require('kafkajs/src/network/requestQueue');

RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests() {
  if (this.throttleCheckTimeoutId) return;
  let delay = this.throttledUntil - Date.now();
  if (this.pending.length > 0) delay = delay > 0 ? delay : 10;
  else if (delay <= 0) return;
  this.throttleCheckTimeoutId = setTimeout(() => ((this.throttleCheckTimeoutId = null), this.checkPendingRequests()), delay);
};
