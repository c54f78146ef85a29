import { Injectable } from '@nestjs/common';
import { Channel, isUuid } from '@omni/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { likelyDuplicates, DuplicateCandidate, ProfileFacts } from '../domain/duplicates';
import { IdentityKind } from '../domain/identity';
import { OrderSummary, pickupsOf, summariseOrder } from '../domain/order-summary';
import { Profile } from '../domain/profile';
import { TimelineFact } from '../domain/timeline';
import { ProfileRepository } from './ports/profile.port';

export interface ProfileView {
  customerId: string;
  status: Profile['status'];
  /** Profiles merged into this one. */
  mergedCustomerIds: string[];
  name: string | null;
  postcode: string | null;
  identities: { kind: IdentityKind; channel: string | null; value: string }[];
  homeStoreId: string | null;
  preferredContactChannel: string | null;
  marketingConsents: {
    contactChannel: string;
    granted: boolean;
    recordedAt: string;
    source: { channel: string | null; storeId: string | null; recordedBy: string };
  }[];
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
}

export interface TimelineItem {
  eventId: string;
  kind: string;
  orderId: string;
  fulfilmentId: string | null;
  channel: string | null;
  storeId: string | null;
  occurredAt: string;
}

export interface TimelinePage {
  customerId: string;
  entries: TimelineItem[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface LookupKey {
  email?: string;
  phone?: string;
  loyaltyId?: string;
  name?: string;
  postcode?: string;
}

interface EntryRow {
  event_id: string;
  kind: string;
  order_id: string;
  fulfilment_id: string | null;
  channel: Channel | null;
  store_id: string | null;
  occurred_at: Date;
  details: Record<string, unknown>;
}

export function encodeCursor(occurredAt: string, eventId: string): string {
  return Buffer.from(JSON.stringify([occurredAt, eventId])).toString('base64url');
}

/** The position a cursor stands for, or null when it is not one this API gave out. */
export function decodeCursor(cursor: string): { occurredAt: string; eventId: string } | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string') return null;
    if (Number.isNaN(Date.parse(v[0])) || !isUuid(v[1])) return null;
    return { occurredAt: v[0], eventId: v[1] };
  } catch {
    return null;
  }
}

/** Reads: profiles, their timeline, open orders and pickups, POS lookup, likely duplicates. */
@Injectable()
export class CustomerQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileRepository,
  ) {}

  /** The profile an id stands for (a merged id answers with its survivor), or null. */
  async profile(id: string, m: EntityManager = this.dataSource.manager): Promise<ProfileView | null> {
    const p = await this.profiles.resolve(m, id);
    if (!p) return null;
    const merged = await this.profiles.mergedInto(m, p.id);
    const identities = await this.profiles.identitiesOf(m, [p.id]);
    return {
      customerId: p.id,
      status: p.status,
      mergedCustomerIds: merged,
      name: p.name,
      postcode: p.postcode,
      identities: identities.map((i) => ({ kind: i.kind, channel: i.kind === 'account' ? i.scope : null, value: i.value })),
      homeStoreId: p.homeStoreId,
      preferredContactChannel: p.preferredContactChannel,
      marketingConsents: p.consents.map((c) => ({ ...c, recordedAt: c.recordedAt.toISOString() })),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      erasedAt: p.erasedAt?.toISOString() ?? null,
    };
  }

  /** The profile and every profile merged into it: whose orders make up its history. */
  private async closure(m: EntityManager, id: string): Promise<string[]> {
    return [id, ...(await this.profiles.mergedInto(m, id))];
  }

  /**
   * Newest first; `after` is a cursor position. The channel of a system step is the order's. An
   * order placed again under another event id (a replay) shows once: its first placement.
   */
  async timeline(customerId: string, limit: number, after: { occurredAt: string; eventId: string } | null): Promise<TimelinePage> {
    const m = this.dataSource.manager;
    const ids = await this.closure(m, customerId);
    const rows: (EntryRow & { order_channel: Channel })[] = await m.query(
      `SELECT e.*, l.channel AS order_channel FROM timeline_entries e JOIN order_links l ON l.order_id = e.order_id
       WHERE l.profile_id = ANY($1::uuid[]) AND ($2::timestamptz IS NULL OR (e.occurred_at, e.event_id) < ($2::timestamptz, $3::uuid))
         AND NOT (e.kind = 'order.placed' AND EXISTS (SELECT 1 FROM timeline_entries d WHERE d.order_id = e.order_id AND d.kind = 'order.placed'
               AND (d.occurred_at, d.event_id) < (e.occurred_at, e.event_id)))
       ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT $4`,
      [ids, after?.occurredAt ?? null, after?.eventId ?? null, limit + 1],
    );
    const page = rows.slice(0, limit).map((r) => ({
      eventId: r.event_id,
      kind: r.kind,
      orderId: r.order_id,
      fulfilmentId: r.fulfilment_id,
      channel: r.channel ?? r.order_channel,
      storeId: r.store_id,
      occurredAt: r.occurred_at.toISOString(),
    }));
    const last = page[page.length - 1];
    return { customerId, entries: page, nextCursor: rows.length > limit && last ? encodeCursor(last.occurredAt, last.eventId) : null };
  }

  /**
   * Every order of the customer as the open-order view sees it, most recent first. An order's events
   * are folded in the order of its partition (one key, one partition), not by their clocks.
   */
  async orders(customerId: string): Promise<OrderSummary[]> {
    const m = this.dataSource.manager;
    const rows: EntryRow[] = await m.query(
      `SELECT e.* FROM timeline_entries e JOIN order_links l ON l.order_id = e.order_id
       WHERE l.profile_id = ANY($1::uuid[]) ORDER BY e.order_id, e.kafka_offset NULLS FIRST, e.occurred_at, e.event_id`,
      [await this.closure(m, customerId)],
    );
    const byOrder = new Map<string, TimelineFact[]>();
    for (const r of rows) {
      const facts = byOrder.get(r.order_id) ?? [];
      facts.push({
        kind: r.kind,
        orderId: r.order_id,
        fulfilmentId: r.fulfilment_id,
        channel: r.channel,
        storeId: r.store_id,
        occurredAt: r.occurred_at.toISOString(),
        details: r.details,
      });
      byOrder.set(r.order_id, facts);
    }
    return [...byOrder.entries()].map(([orderId, facts]) => summariseOrder(orderId, facts)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async openOrders(customerId: string) {
    const open = (await this.orders(customerId)).filter((o) => o.open);
    return { openOrders: open, pickups: pickupsOf(open) };
  }

  /** Active profiles holding the identity, or named so at the postcode (already normalised). */
  async find(key: { kind: 'email' | 'phone' | 'loyalty-id'; value: string } | { kind: 'name'; nameKey: string; postcode: string }): Promise<string[]> {
    const m = this.dataSource.manager;
    if (key.kind === 'name') {
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM customer_profiles WHERE status = 'ACTIVE' AND name_key = $1 AND postcode = $2 ORDER BY updated_at DESC LIMIT 20`,
        [key.nameKey, key.postcode],
      );
      return rows.map((r) => r.id);
    }
    const owners = await this.profiles.owners(m, [{ kind: key.kind, scope: '', value: key.value }]);
    return [...owners.values()];
  }

  async duplicates(customerId: string): Promise<DuplicateCandidate[]> {
    const m = this.dataSource.manager;
    // Each signal's candidates by an indexed lookup, then scored by the domain rules.
    const candidates: { id: string; shared: boolean }[] = await m.query(
      `WITH me AS (SELECT * FROM customer_profiles WHERE id = $1),
            mine AS (SELECT * FROM customer_identities WHERE profile_id = $1),
            hinted AS (SELECT CASE WHEN profile_a = $1 THEN profile_b ELSE profile_a END AS id FROM duplicate_hints WHERE profile_a = $1 OR profile_b = $1),
            found AS (
              SELECT id FROM hinted
              UNION SELECT p.id FROM customer_profiles p JOIN me ON p.name_key = me.name_key AND p.postcode = me.postcode
              UNION SELECT i.profile_id FROM customer_identities i JOIN customer_profiles p ON p.id = i.profile_id JOIN me ON p.name_key = me.name_key
                    WHERE i.kind = 'phone' AND right(i.value, 4) IN (SELECT right(value, 4) FROM mine WHERE kind = 'phone')
              UNION SELECT i.profile_id FROM customer_identities i JOIN mine ON mine.mailbox_key IS NOT NULL AND i.mailbox_key = mine.mailbox_key
              UNION SELECT i.profile_id FROM customer_identities i JOIN mine ON mine.kind = 'account' AND i.kind = 'account' AND i.value = mine.value)
       SELECT f.id, (f.id IN (SELECT id FROM hinted)) AS shared FROM found f JOIN customer_profiles p ON p.id = f.id
       WHERE p.status = 'ACTIVE' AND f.id <> $1 LIMIT 50`,
      [customerId],
    );
    const facts = await this.facts(m, [customerId, ...candidates.map((c) => c.id)]);
    const me = facts.find((f) => f.id === customerId);
    if (!me) return [];
    return likelyDuplicates(me, facts, new Set(candidates.filter((c) => c.shared).map((c) => c.id)));
  }

  private async facts(m: EntityManager, ids: string[]): Promise<ProfileFacts[]> {
    const rows: { id: string; name: string | null; postcode: string | null }[] = await m.query(
      `SELECT id, name, postcode FROM customer_profiles WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const identities = await this.profiles.identitiesOf(m, ids);
    return rows.map((r) => ({
      ...r,
      emails: identities.filter((i) => i.profileId === r.id && i.kind === 'email').map((i) => i.value),
      phones: identities.filter((i) => i.profileId === r.id && i.kind === 'phone').map((i) => i.value),
      accountIds: identities.filter((i) => i.profileId === r.id && i.kind === 'account').map((i) => i.value),
    }));
  }
}
