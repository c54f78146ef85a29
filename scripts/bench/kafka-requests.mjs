// Requests the services sent to the broker, by client and API, read from each service's
// kafka_requests_total (docs/operations.md#metrics). Per order placed, they show what the broker
// is asked for an order's events: fetches that bring them, produces that publish them, offset
// commits, heartbeats.
import { request } from './client.mjs';

const SAMPLE = /^kafka_requests_total\{(.*)\} (\S+)$/;

/** Parses the counter's samples of one scrape into `client api` → count. */
export function kafkaRequestCounts(text) {
  const counts = {};
  for (const line of text.split('\n')) {
    const m = SAMPLE.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    const key = `${labels.client} ${labels.api}`;
    counts[key] = (counts[key] ?? 0) + Number(m[2]);
  }
  return counts;
}

/** A reader of every service's counts, summed: `read()` returns `client api` → count. */
export function kafkaRequestReader(serviceUrls) {
  return async () => {
    const total = {};
    for (const url of serviceUrls) {
      const res = await request('GET', `${url}/metrics`);
      if (res.status !== 200) throw new Error(`${url}/metrics: HTTP ${res.status}`);
      for (const [key, n] of Object.entries(kafkaRequestCounts(res.text))) total[key] = (total[key] ?? 0) + n;
    }
    return total;
  };
}

/** Requests per order between two readings, largest first. */
export function requestsPerOrder(before, after, orders) {
  return Object.fromEntries(
    Object.entries(after)
      .map(([key, n]) => [key, (n - (before[key] ?? 0)) / Math.max(1, orders)])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]),
  );
}
