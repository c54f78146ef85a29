/**
 * Failpoints for the fault-injection tests (docs/testing/fault-injection.md, Kill points): `FAILPOINT` names one
 * place where the process kills itself with SIGKILL the first time it gets there — no shutdown
 * hook, no flush, exactly as a power cut or the OOM killer would stop it. Unset (always, in a
 * deployment), a failpoint costs one comparison.
 */
export const FAILPOINTS = [
  /** A transaction has written its outbox rows and not committed. */
  'outbox.before-commit',
  /** A transaction with outbox rows has committed; the relay has not published them. */
  'outbox.after-commit',
  /** A request's transaction (its Idempotency-Key marked committed) has committed; it has not answered. */
  'request.after-commit',
  /** The relay has published a batch to Kafka and not marked it sent. */
  'relay.after-publish',
  /** A consumer has committed what it applied and not its offsets. */
  'consumer.after-commit',
] as const;

export type Failpoint = (typeof FAILPOINTS)[number];

export function failpoint(name: Failpoint): void {
  if (process.env.FAILPOINT !== name) return;
  // Synchronous on Linux for files and pipes: the line is out before the process is gone.
  process.stderr.write(
    `${JSON.stringify({ level: 50, time: new Date().toISOString(), failpoint: name, msg: 'failpoint reached: killing this process (SIGKILL)' })}\n`,
  );
  process.kill(process.pid, 'SIGKILL');
}
