import { Injectable } from '@nestjs/common';
import { ReturnAuthorisedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock, noteCreated } from '@omni/platform';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { returnable } from '../domain/order-record';
import { issueLabel } from '../domain/parcel.machine';
import { judgeReturn, PolicyRefusal, policyInForce } from '../domain/policy';
import { CarrierPort } from './ports/carrier.port';
import { AuthorisationRepository, ReturnAuthorisation } from './ports/authorisation.port';
import { OrderRecordRepository } from './ports/order-record.port';
import { PolicyRepository } from './ports/policy.port';

/** How long a return started online can be dropped at a store. */
export const AUTHORISATION_DAYS = 14;
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Dropped at any store, or sent by mail to `returnTo` (a warehouse or store) with the carrier's label. */
export type HowReturned = { readonly method: 'drop-off' } | { readonly method: 'mail'; readonly returnTo: string };

export type AuthoriseResult =
  | { ok: true; authorisation: ReturnAuthorisation }
  | { ok: false; code: 'ORDER.NOT_FOUND' | 'RETURN.UNKNOWN_LINE' | 'RETURN.REFUSED_BY_POLICY'; detail: string; refusals?: readonly PolicyRefusal[] };

/**
 * A customer starts a return online: the policy is checked now (all but the condition, which the
 * store sees), and a code lets any store take the lines back within AUTHORISATION_DAYS. Units are
 * counted as returned only when a store takes them. Sent by mail, the carrier's label is asked for
 * at once and answered with the authorisation (return.label-issued); its units are refunded only
 * once the parcel is received and inspected (OpenReturnUseCase).
 */
@Injectable()
export class AuthoriseReturnUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly carrier: CarrierPort,
    private readonly orders: OrderRecordRepository,
    private readonly policies: PolicyRepository,
    private readonly authorisations: AuthorisationRepository,
  ) {}

  execute(
    orderId: string,
    lines: readonly { lineId: string; quantity: number }[],
    owner: (customerId: string | null) => void,
    how: HowReturned = { method: 'drop-off' },
  ): Promise<AuthoriseResult> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const order = await this.orders.find(m, orderId);
      owner(order ? order.customerId : null);
      if (!order) return { ok: false, code: 'ORDER.NOT_FOUND', detail: `no order ${orderId}` };
      const byId = new Map(order.lines.map((l) => [l.lineId, l]));
      const unknown = lines.find((l) => !byId.has(l.lineId));
      if (unknown) return { ok: false, code: 'RETURN.UNKNOWN_LINE', detail: `order ${orderId} has no line ${unknown.lineId}` };
      const policy = policyInForce(await this.policies.all(m), now);
      if (!policy) throw new Error('no return policy in force');
      const verdict = judgeReturn(policy, {
        orderChannel: order.channel,
        withReceipt: true,
        refund: null,
        at: now,
        lines: lines.map((l) => {
          const rec = byId.get(l.lineId)!;
          return { lineId: l.lineId, sku: rec.sku, quantity: l.quantity, condition: null, returnable: returnable(rec), receivedAt: rec.receivedAt };
        }),
      });
      if (!verdict.allowed) {
        const first = verdict.refusals[0];
        return {
          ok: false,
          code: 'RETURN.REFUSED_BY_POLICY',
          detail: `policy version ${verdict.policyVersion}, rule ${first.rule}: ${first.detail}`,
          refusals: verdict.refusals,
        };
      }
      for (;;) {
        const a: ReturnAuthorisation = {
          id: randomUUID(),
          code: Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
          orderId,
          customerId: order.customerId,
          lines: lines.map((l) => ({ lineId: l.lineId, sku: byId.get(l.lineId)!.sku, quantity: l.quantity })),
          status: 'OPEN',
          returnId: null,
          expiresAt: new Date(now.getTime() + AUTHORISATION_DAYS * 24 * 3600 * 1000),
          createdAt: now,
          method: how.method,
          parcel: null,
        };
        if (!(await this.authorisations.tryInsert(m, a))) continue;
        noteCreated(`/return-authorisations/${a.code}`);
        await this.outbox.append(
          m,
          ReturnAuthorisedV1,
          {
            authorisationId: a.id,
            orderId,
            customerId: a.customerId,
            code: a.code,
            lines: [...a.lines],
            expiresAt: a.expiresAt.toISOString(),
            authorisedAt: now.toISOString(),
          },
          now,
        );
        if (how.method === 'drop-off') return { ok: true, authorisation: a };
        // Asked inside the transaction: a carrier that fails leaves no authorisation without its label.
        const label = await this.carrier.requestLabel({ authorisationId: a.id, orderId, code: a.code, returnTo: how.returnTo });
        const d = issueLabel({ authorisationId: a.id, orderId, customerId: a.customerId, code: a.code }, label, how.returnTo, now);
        if (!d.ok) throw new Error('a label is never refused');
        await this.authorisations.saveParcel(m, a.id, d.state);
        for (const e of d.events) await this.outbox.append(m, e.def, e.payload, now);
        return { ok: true, authorisation: { ...a, parcel: d.state } };
      }
    });
  }
}
