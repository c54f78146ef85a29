import { IncomingMessage, ServerResponse } from 'node:http';
import { platformRefusal } from './problem';

/** Probes and scrapes are always answered: a load balancer must see a busy instance as alive. */
const ALWAYS_ADMITTED = /^\/(health|metrics)(\/|\?|$)/;

/** The release of each admitted response, for a handler that stops working but keeps its response open. */
const releases = new WeakMap<ServerResponse, () => void>();

/**
 * A long-lived response that does no work while open (a server-sent event stream) leaves the count
 * of requests in progress, so that streams open by the thousand do not shed the requests that work.
 */
export function leaveAdmission(res: ServerResponse): void {
  releases.get(res)?.();
}

/** How long a refused caller is asked to wait, in seconds. */
export const OVERLOADED_RETRY_AFTER_S = 1;

/**
 * Sheds what the instance cannot serve in time: with `limit` requests in progress, the next one is
 * refused at once with 503 problem+json `SERVICE.OVERLOADED` and `Retry-After`, before its body is
 * read or anything else runs. A queue without a bound only makes every request late — a storefront
 * times out long before an order accepted behind a thousand others is answered — while a refusal
 * tells its caller to retry, or another instance to take it. `limit` 0 admits everything.
 */
export function admissionMiddleware(limit: number) {
  let inProgress = 0;
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (limit <= 0 || ALWAYS_ADMITTED.test(req.url ?? '')) return next();
    if (inProgress >= limit) {
      const problem = platformRefusal(
        'SERVICE.OVERLOADED',
        `${limit} requests are in progress, the most this instance takes at once; retry after ${OVERLOADED_RETRY_AFTER_S} s`,
      );
      res.writeHead(problem.status, { 'content-type': 'application/problem+json', 'retry-after': String(OVERLOADED_RETRY_AFTER_S), connection: 'keep-alive' });
      res.end(JSON.stringify(problem));
      return;
    }
    inProgress++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inProgress--;
    };
    releases.set(res, release);
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
