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
