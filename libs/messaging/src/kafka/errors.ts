// Whether a failure means the database is out of reach is the HTTP edge's question too (503
// DATABASE.UNAVAILABLE rather than 500), so the rule lives in the platform library.
export { isDatabaseUnavailable } from '@omni/platform';

/**
 * An error that retrying cannot fix (the event contradicts what this service knows, say).
 * The consumer dead-letters it at once instead of retrying.
 */
export class PermanentEventError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
