/**
 * Admission by backlog (docs/adr/0016-throughput.md): whether a new placement is taken, from what
 * the service last saw of the placements before it. A placement accepted behind a backlog that
 * inventory is working through waits as long as the backlog takes — a storefront times out long
 * before — so while inventory is answering but `late` placements have waited longer than the
 * budget, the next one is refused at once and its caller retries. While inventory is not answering
 * at all (an outage, not a backlog), placements are still taken: they wait as PLACED and are
 * reserved when it is back, as at-least-once delivery promises.
 */
export interface PlacementBacklog {
  /** Placements waiting for inventory's first answer for longer than the budget (counted up to the limit). */
  late: number;
  /** Milliseconds since this instance last applied an answer of inventory's; null: none yet. */
  sinceLastAnswerMs: number | null;
}

export interface AdmissionPolicy {
  /** How many late placements make the service refuse the next; 0: every placement is admitted. */
  limit: number;
  /** Answers older than this mean inventory is not answering: placements are admitted. */
  answeringWithinMs: number;
}

export type Admission = { admitted: true } | { admitted: false; late: number };

export function admitPlacement(backlog: PlacementBacklog, policy: AdmissionPolicy): Admission {
  if (policy.limit <= 0 || backlog.late < policy.limit) return { admitted: true };
  const answering = backlog.sinceLastAnswerMs !== null && backlog.sinceLastAnswerMs <= policy.answeringWithinMs;
  return answering ? { admitted: false, late: backlog.late } : { admitted: true };
}
