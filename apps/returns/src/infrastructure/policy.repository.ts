import { EntityManager } from 'typeorm';
import { PolicyRepository, PublishedPolicy } from '../application/ports/policy.port';
import { ReturnPolicyDocument } from '../domain/policy';

interface PolicyRow {
  version: number;
  effective_from: Date;
  document: ReturnPolicyDocument;
  published_at: Date;
  published_by: string;
}

const toPolicy = (r: PolicyRow): PublishedPolicy => ({
  version: r.version,
  effectiveFrom: r.effective_from,
  document: r.document,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

export const policyRepository = {
  async all(m: EntityManager): Promise<PublishedPolicy[]> {
    return ((await m.query(`SELECT * FROM return_policies ORDER BY version`)) as PolicyRow[]).map(toPolicy);
  },

  /** The next version, numbered under a table lock so two publications never take one number. */
  async publish(m: EntityManager, effectiveFrom: Date, document: ReturnPolicyDocument, by: string, now: Date): Promise<PublishedPolicy> {
    await m.query(`LOCK TABLE return_policies IN EXCLUSIVE MODE`);
    const rows: PolicyRow[] = await m.query(
      `INSERT INTO return_policies (version, effective_from, document, published_at, published_by)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4 FROM return_policies RETURNING *`,
      [effectiveFrom, JSON.stringify(document), now, by],
    );
    return toPolicy(rows[0]);
  },
} satisfies PolicyRepository;
