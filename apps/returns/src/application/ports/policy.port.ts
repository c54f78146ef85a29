import type { EntityManager } from 'typeorm';
import { ReturnPolicy, ReturnPolicyDocument } from '../../domain/policy';

/** A version of the return policy with who published it and when. */
export interface PublishedPolicy extends ReturnPolicy {
  readonly publishedAt: Date;
  readonly publishedBy: string;
}

/**
 * The published versions of the return policy, in the caller's transaction (implemented by
 * infrastructure/policy.repository.ts).
 */
export abstract class PolicyRepository {
  /** Every version, oldest first. */
  abstract all(m: EntityManager): Promise<PublishedPolicy[]>;

  /** The next version, numbered so that two publications never take one number. */
  abstract publish(m: EntityManager, effectiveFrom: Date, document: ReturnPolicyDocument, by: string, now: Date): Promise<PublishedPolicy>;
}
