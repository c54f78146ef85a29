import { Injectable, Logger } from '@nestjs/common';
import { CustomerOrderLinkedV1, EventEnvelope, MatchRule, OrderPlacedV2Payload } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { byKey, Clock, prepared } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { identitiesOfOrder, Identity, identityKey } from '../domain/identity';
import { matchOrder, TombstoneHit } from '../domain/matching';
import { completeFacts, newProfile, Profile } from '../domain/profile';
import { CustomerSettings } from './customer-settings';
import { IdentityClaim, ProfileRepository } from './ports/profile.port';
import { Tombstones } from './tombstones';

/** A profile read before its lock changed meanwhile (merged, erased): the consumer retries and reads afresh. */
class ProfileMovedError extends Error {
  constructor(id: string) {
    super(`profile ${id} was merged or erased while the order was matched; retrying`);
  }
}

/**
 * Matches each placed order (v1 read as v2) to a profile, or creates one, in the transaction of
 * the inbox row (docs/customers.md, Matching rules). A profile
 * that moved under it (ProfileMovedError) or an identity another transaction took first
 * (IdentityRaceError from the repository) rolls everything back; the consumer retries with backoff
 * and the next attempt sees the winner.
 */
@Injectable()
export class LinkOrderUseCase {
  private readonly logger = new Logger('LinkOrder');

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly settings: CustomerSettings,
    private readonly tombstones: Tombstones,
    private readonly profiles: ProfileRepository,
  ) {}

  /**
   * Matches a run's placed orders, in publication order, in the run's transaction (their inbox
   * rows are already claimed). What they match against is read once for the run: the orders
   * linked before, the erasure tombstones of all their identities, the profiles holding any of
   * those identities (locked, in id order). Each order is then matched in memory against the
   * profiles as the orders before it left them (a profile one creates, an identity one adds, the
   * facts one completes), and what the run changed is written at its end: the new profiles, the
   * identities gained, the profiles completed, the links and customer.order-linked events (each
   * naming its order's event as the cause) — one statement each (docs/adr/0016-throughput.md).
   */
  async linkPlacedRun(m: EntityManager, placed: readonly { event: EventEnvelope; order: OrderPlacedV2Payload }[]): Promise<void> {
    if (placed.length === 0) return;
    const now = this.clock.now();
    // Linked already: the tombstone of an erased customer's orders, or the same order under another event id.
    const linkedBefore = await prepared<{ order_id: string }>(
      m,
      'order-links-known',
      `SELECT l.order_id FROM ${byKey('order_links', 'order_id', 'order_id', 'l')}`,
      [placed.map((p) => p.order.orderId)],
    );
    const known = new Set(linkedBefore.rows.map((r) => r.order_id));
    const orders = placed
      .filter((p) => !known.has(p.order.orderId) && (known.add(p.order.orderId), true))
      .map((p) => ({ ...p, ...identitiesOfOrder(p.order, this.settings.phoneDefaultRegion) }));
    if (orders.length === 0) return;
    const everyIdentity = orders.flatMap((o) => o.identities);
    const hitsOf = await this.tombstones.hitsOfMany(m, everyIdentity);
    const owners = await this.profiles.owners(m, everyIdentity);
    const held = [...new Set(owners.values())];
    const profiles = await this.profiles.lock(m, held);
    for (const id of held) if (profiles.get(id)?.status !== 'ACTIVE') throw new ProfileMovedError(id);

    const run: RunChanges = { owners, profiles, created: new Set(), completed: new Set(), claims: [], duplicates: [] };
    const links: { order: OrderPlacedV2Payload; customerId: string; rule: MatchRule; created: boolean; cause: EventEnvelope }[] = [];
    for (const o of orders) {
      const linked = this.link(run, o.order, o, hitsOf(o.identities), now);
      if (linked) links.push({ order: o.order, ...linked, cause: o.event });
    }
    await this.profiles.insertMany(
      m,
      [...run.created].map((id) => run.profiles.get(id)!),
    );
    await this.profiles.addIdentities(m, run.claims, now);
    for (const id of run.completed) if (!run.created.has(id)) await this.profiles.save(m, run.profiles.get(id)!);
    for (const d of run.duplicates) {
      await m.query(`INSERT INTO duplicate_hints (profile_a, profile_b, order_id, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        d.a,
        d.b,
        d.orderId,
        now,
      ]);
    }
    if (links.length === 0) return;
    await prepared(
      m,
      'order-links-insert-many',
      `INSERT INTO order_links (order_id, profile_id, matched_by, channel, linked_at) SELECT o, p, r, c, $5 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS l(o, p, r, c)`,
      [links.map((l) => l.order.orderId), links.map((l) => l.customerId), links.map((l) => l.rule), links.map((l) => l.order.channel), now],
    );
    await this.outbox.appendMany(
      m,
      links.map((l) => ({
        def: CustomerOrderLinkedV1,
        payload: {
          orderId: l.order.orderId,
          customerId: l.customerId,
          matchedBy: l.rule,
          profileCreated: l.created,
          channel: l.order.channel,
          linkedAt: now.toISOString(),
        },
        cause: l.cause,
        now,
      })),
    );
    for (const l of links) this.logger.log({ orderId: l.order.orderId, customerId: l.customerId, matchedBy: l.rule }, 'order linked');
  }

  /**
   * The profile an order belongs to (made now if it is new), or null for an order naming nobody,
   * decided against the run as the orders before it left it; what it changes is noted in `run`.
   */
  private link(
    run: RunChanges,
    o: OrderPlacedV2Payload,
    { identities, name, postcode }: ReturnType<typeof identitiesOfOrder>,
    tombstones: TombstoneHit[],
    now: Date,
  ): { customerId: string; rule: MatchRule; created: boolean } | null {
    const decision = matchOrder({ identities, owners: run.owners, tombstones, placedAt: new Date(o.placedAt) });
    const claim = (profileId: string, gained: readonly Identity[]) => {
      for (const identity of gained) {
        run.owners.set(identityKey(identity), profileId);
        run.claims.push({ profileId, identity });
      }
    };
    switch (decision.kind) {
      case 'unidentified':
        return null;
      case 'link-erased':
        return { customerId: decision.profileId, rule: 'erased-profile', created: false };
      case 'create': {
        const profile = newProfile(randomUUID(), { name, postcode }, now);
        run.profiles.set(profile.id, profile);
        run.created.add(profile.id);
        claim(profile.id, decision.identities);
        return { customerId: profile.id, rule: 'new-profile', created: true };
      }
      case 'link': {
        const profile = run.profiles.get(decision.profileId)!;
        claim(profile.id, decision.newIdentities);
        const completed = completeFacts(profile, { name, postcode }, now);
        if (completed !== profile) {
          run.profiles.set(profile.id, completed);
          run.completed.add(profile.id);
        }
        for (const other of decision.alsoMatched) {
          const [a, b] = [profile.id, other].sort();
          run.duplicates.push({ a, b, orderId: o.orderId });
        }
        return { customerId: profile.id, rule: decision.rule, created: false };
      }
    }
  }
}

/** What a run's orders have matched against and changed so far, written at the run's end. */
interface RunChanges {
  /** The profile holding each identity (identityKey), as the run's orders left it. */
  readonly owners: Map<string, string>;
  /** The profiles the run reads and changes: those holding its identities (locked), and those it created. */
  readonly profiles: Map<string, Profile>;
  readonly created: Set<string>;
  readonly completed: Set<string>;
  readonly claims: IdentityClaim[];
  readonly duplicates: { a: string; b: string; orderId: string }[];
}
