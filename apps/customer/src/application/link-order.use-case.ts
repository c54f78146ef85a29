import { Injectable, Logger } from '@nestjs/common';
import { CustomerOrderLinkedV1, EventEnvelope, MatchRule, OrderPlacedV2Payload } from '@omni/contracts';
import { asConsumed, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { identitiesOfOrder } from '../domain/identity';
import { matchOrder } from '../domain/matching';
import { completeFacts, newProfile } from '../domain/profile';
import { profileRepository as profiles } from '../infrastructure/profile.repository';
import { CustomerSettings } from './customer-settings';
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
  ) {}

  /**
   * Matches a placed order in the transaction of a run of consumed events (its inbox row is
   * already claimed); runs as if that event had been consumed alone, so what it publishes names it
   * as the cause.
   */
  async linkPlaced(m: EntityManager, e: EventEnvelope, order: OrderPlacedV2Payload): Promise<void> {
    const linked = await asConsumed(e, () => this.link(m, order));
    if (linked) this.logger.log({ orderId: order.orderId, customerId: linked.customerId, matchedBy: linked.rule }, 'order linked');
  }

  private async link(m: EntityManager, o: OrderPlacedV2Payload): Promise<{ customerId: string; rule: MatchRule } | null> {
    // Linked already (the tombstone of an erased customer's orders, or the same order under another event id).
    const known: unknown[] = await m.query(`SELECT 1 FROM order_links WHERE order_id = $1`, [o.orderId]);
    if (known.length > 0) return null;

    const now = this.clock.now();
    const { identities, name, postcode } = identitiesOfOrder(o, this.settings.phoneDefaultRegion);
    const owners = await profiles.owners(m, identities);
    const locked = await profiles.lock(m, [...owners.values()]);
    for (const id of owners.values()) if (locked.get(id)?.status !== 'ACTIVE') throw new ProfileMovedError(id);
    const decision = matchOrder({ identities, owners, tombstones: await this.tombstones.hits(m, identities), placedAt: new Date(o.placedAt) });

    switch (decision.kind) {
      case 'unidentified':
        return null;
      case 'link-erased':
        return this.recordLink(m, o, decision.profileId, 'erased-profile', false, now);
      case 'create': {
        const profile = newProfile(randomUUID(), { name, postcode }, now);
        await profiles.insert(m, profile);
        await profiles.addIdentities(m, profile.id, decision.identities, now);
        return this.recordLink(m, o, profile.id, 'new-profile', true, now);
      }
      case 'link': {
        const profile = locked.get(decision.profileId)!;
        await profiles.addIdentities(m, profile.id, decision.newIdentities, now);
        const completed = completeFacts(profile, { name, postcode }, now);
        if (completed !== profile) await profiles.save(m, completed);
        for (const other of decision.alsoMatched) {
          const [a, b] = [profile.id, other].sort();
          await m.query(`INSERT INTO duplicate_hints (profile_a, profile_b, order_id, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [a, b, o.orderId, now]);
        }
        return this.recordLink(m, o, profile.id, decision.rule, false, now);
      }
    }
  }

  private async recordLink(m: EntityManager, o: OrderPlacedV2Payload, customerId: string, rule: MatchRule, created: boolean, now: Date) {
    await m.query(`INSERT INTO order_links (order_id, profile_id, matched_by, channel, linked_at) VALUES ($1, $2, $3, $4, $5)`, [o.orderId, customerId, rule, o.channel, now]);
    await this.outbox.append(m, CustomerOrderLinkedV1, { orderId: o.orderId, customerId, matchedBy: rule, profileCreated: created, channel: o.channel, linkedAt: now.toISOString() }, now);
    return { customerId, rule };
  }
}

