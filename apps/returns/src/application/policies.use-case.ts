import { Injectable } from '@nestjs/common';
import { ReturnPolicyPublishedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock, FieldProblem } from '@omni/platform';
import { DataSource } from 'typeorm';
import { policyProblems, ReturnPolicyDocument } from '../domain/policy';
import { PolicyRepository, PublishedPolicy } from './ports/policy.port';

/** Publishing may not rewrite the past: a version takes effect now or later (a minute of clock skew allowed). */
const SKEW_MS = 60_000;

export type PublishPolicyRefusal = 'POLICY.INVALID' | 'POLICY.EFFECTIVE_IN_PAST';

/**
 * A new version of the return policy (docs/returns.md): its rules checked, numbered after the last
 * one, in force from `effectiveFrom`, announced by return-policy.published in the same transaction.
 */
@Injectable()
export class PoliciesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly policies: PolicyRepository,
  ) {}

  async publish(
    effectiveFrom: Date,
    document: ReturnPolicyDocument,
    by: string,
  ): Promise<{ ok: true; policy: PublishedPolicy } | { ok: false; code: PublishPolicyRefusal; detail: string; errors?: FieldProblem[] }> {
    const problems = policyProblems(document).map((p) => ({ field: `document.${p.field}`, rule: 'policy', message: `document.${p.field}: ${p.message}` }));
    if (problems.length > 0) return { ok: false, code: 'POLICY.INVALID', detail: problems.map((p) => p.message).join('; '), errors: problems };
    const now = this.clock.now();
    if (effectiveFrom.getTime() < now.getTime() - SKEW_MS)
      return { ok: false, code: 'POLICY.EFFECTIVE_IN_PAST', detail: `effectiveFrom ${effectiveFrom.toISOString()} is in the past` };
    const policy = await this.dataSource.transaction(async (m) => {
      const p = await this.policies.publish(m, effectiveFrom, document, by, now);
      await this.outbox.append(
        m,
        ReturnPolicyPublishedV1,
        { version: p.version, effectiveFrom: p.effectiveFrom.toISOString(), publishedBy: p.publishedBy, publishedAt: now.toISOString() },
        now,
      );
      return p;
    });
    return { ok: true, policy };
  }
}
