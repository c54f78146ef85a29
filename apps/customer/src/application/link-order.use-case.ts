import { Injectable, Logger } from '@nestjs/common';
import { CustomerOrderLinkedV1, EventEnvelope, MatchRule, OrderPlacedV2Payload } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock, prepared } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { identitiesOfOrder } from '../domain/identity';
import { matchOrder, TombstoneHit } from '../domain/matching';
import { completeFacts, newProfile } from '../domain/profile';
import { CustomerSettings } from './customer-settings';
import { ProfileRepository } from './ports/profile.port';
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
   * rows are already claimed): the orders linked before and the erasure tombstones of all their
   * identities are read once for the run, each order is matched against the profiles as the orders
   * before it left them, and the links and customer.order-linked events (each naming its order's
   * event as the cause) are written in one statement each.
   */
  async linkPlacedRun(m: EntityManager, placed: readonly { event: EventEnvelope; order: OrderPlacedV2Payload }[]): Promise<void> {
    if (placed.length === 0) return;
    const now = this.clock.now();
    // Linked already: the tombstone of an erased customer's orders, or the same order under another event id.
    const linkedBefore = await prepared<{ order_id: string }>(m, 'order-links-known', `SELECT order_id FROM order_links WHERE order_id = ANY($1::uuid[])`, [
      placed.map((p) => p.order.orderId),
    ]);
    const known = new Set(linkedBefore.rows.map((r) => r.order_id));
    const orders = placed.map((p) => ({ ...p, ...identitiesOfOrder(p.order, this.settings.phoneDefaultRegion) }));
    const hitsOf = await this.tombstones.hitsOfMany(
      m,
      orders.flatMap((o) => o.identities),
    );
    const links: { order: OrderPlacedV2Payload; customerId: string; rule: MatchRule; created: boolean; cause: EventEnvelope }[] = [];
    for (const o of orders) {
      if (known.has(o.order.orderId)) continue;
      known.add(o.order.orderId);
      const linked = await this.link(m, o.order, o, hitsOf(o.identities), now);
      if (linked) links.push({ order: o.order, ...linked, cause: o.event });
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

  /** The profile an order belongs to (made now if it is new), or null for an order naming nobody. */
  private async link(
    m: EntityManager,
    o: OrderPlacedV2Payload,
    { identities, name, postcode }: ReturnType<typeof identitiesOfOrder>,
    tombstones: TombstoneHit[],
    now: Date,
  ): Promise<{ customerId: string; rule: MatchRule; created: boolean } | null> {
    const owners = await this.profiles.owners(m, identities);
    const locked = await this.profiles.lock(m, [...owners.values()]);
    for (const id of owners.values()) if (locked.get(id)?.status !== 'ACTIVE') throw new ProfileMovedError(id);
    const decision = matchOrder({ identities, owners, tombstones, placedAt: new Date(o.placedAt) });

    switch (decision.kind) {
      case 'unidentified':
        return null;
      case 'link-erased':
        return { customerId: decision.profileId, rule: 'erased-profile', created: false };
      case 'create': {
        const profile = newProfile(randomUUID(), { name, postcode }, now);
        await this.profiles.insert(m, profile);
        await this.profiles.addIdentities(m, profile.id, decision.identities, now);
        return { customerId: profile.id, rule: 'new-profile', created: true };
      }
      case 'link': {
        const profile = locked.get(decision.profileId)!;
        await this.profiles.addIdentities(m, profile.id, decision.newIdentities, now);
        const completed = completeFacts(profile, { name, postcode }, now);
        if (completed !== profile) await this.profiles.save(m, completed);
        for (const other of decision.alsoMatched) {
          const [a, b] = [profile.id, other].sort();
          await m.query(`INSERT INTO duplicate_hints (profile_a, profile_b, order_id, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
            a,
            b,
            o.orderId,
            now,
          ]);
        }
        return { customerId: profile.id, rule: decision.rule, created: false };
      }
    }
  }
}
