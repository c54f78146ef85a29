import { Injectable } from '@nestjs/common';
import { AddressPayload, PriceRefusal, RefundMethod, ReplacementPayload, ReturnChannel, ReturnCondition, TenderAmountPayload } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock, noteCreated } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OrderRecord, returnable } from '../domain/order-record';
import { judgeReturn, PolicyRefusal, policyInForce } from '../domain/policy';
import { priceReplacements } from '../domain/replacement-prices';
import { AdmissionRefusal, authorisationAdmission, linesAdmission, requestAdmission } from '../domain/return-admission';
import { openReturn, Return, ReturnRefusal } from '../domain/return.machine';
import { AuthorisationRepository, ReturnAuthorisation } from './ports/authorisation.port';
import { OrderRecordRepository } from './ports/order-record.port';
import { PolicyRepository } from './ports/policy.port';
import { PriceListRepository } from './ports/price-list.port';
import { ReturnRepository } from './ports/return.port';
import { RefundSettlement } from './settlement';

export interface OpenReturnCommand {
  readonly storeId: string;
  readonly associateId: string | null;
  /** The POS's id for this return: a retry with the same id gets the first return back, never a second refund. */
  readonly requestId: string;
  readonly orderId: string | null;
  readonly authorisationCode: string | null;
  /** False when the order was found by e-mail, phone or loyalty id without the receipt. */
  readonly withReceipt: boolean;
  readonly lines: readonly { lineId: string; quantity: number; condition: ReturnCondition }[];
  readonly replacements: readonly ReplacementPayload[];
  readonly refundMethod: RefundMethod | null;
  readonly charged: TenderAmountPayload | null;
  /** `mail`: a parcel received at a returns centre; it needs the authorisation the customer started online. */
  readonly channel: ReturnChannel;
  /** Ship the replacements here if the store has none (an exchange only). */
  readonly shipTo: AddressPayload | null;
  /** The caller trusted with prices:override (its token subject), who may price replacements off the list; else null. */
  readonly priceOverrideBy: string | null;
}

export type OpenReturnRefusal =
  | ReturnRefusal
  | AdmissionRefusal
  | PriceRefusal
  | 'ORDER.NOT_FOUND'
  | 'AUTHORISATION.NOT_FOUND'
  | 'AUTHORISATION.LINES_MISMATCH'
  | 'RETURN.ORDER_REQUIRED'
  | 'RETURN.REQUEST_ID_REUSED'
  | 'RETURN.REFUSED_BY_POLICY';

export type OpenReturnResult =
  | { ok: true; return: Return; replayed: boolean }
  | { ok: false; code: OpenReturnRefusal; detail?: string; refusals?: readonly PolicyRefusal[]; policyVersion?: number };

const fail = (code: OpenReturnRefusal, detail?: string): OpenReturnResult => ({ ok: false, code, detail });

/**
 * A return or exchange at a store's POS, for an order bought anywhere. The order's lines are
 * locked first, so returns of one order at two stores run one after the other and the second
 * sees what the first took back: never more than was received (and a CHECK says so too).
 */
@Injectable()
export class OpenReturnUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly returns: ReturnRepository,
    private readonly orders: OrderRecordRepository,
    private readonly authorisations: AuthorisationRepository,
    private readonly policies: PolicyRepository,
    private readonly priceList: PriceListRepository,
    private readonly settlement: RefundSettlement,
  ) {}

  execute(c: OpenReturnCommand): Promise<OpenReturnResult> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const request = requestAdmission(c);
      if (!request.ok) return fail(request.code, request.detail);
      let orderId = c.orderId;
      let ra: ReturnAuthorisation | null = null;
      if (c.authorisationCode !== null) {
        ra = await this.authorisations.findByCode(m, c.authorisationCode);
        if (!ra) return fail('AUTHORISATION.NOT_FOUND', `no return authorisation ${c.authorisationCode}`);
        if (orderId !== null && orderId !== ra.orderId) return fail('AUTHORISATION.LINES_MISMATCH', 'the authorisation is for another order');
        orderId = ra.orderId;
      }
      if (orderId === null) return fail('RETURN.ORDER_REQUIRED', 'orderId or authorisationCode is required');
      const order = await this.orders.find(m, orderId, true);
      if (!order) return fail('ORDER.NOT_FOUND', `no order ${orderId} (or its order.placed is not here yet)`);

      const earlier = await this.returns.findByRequest(m, c.storeId, c.requestId);
      if (earlier)
        return earlier.orderId === order.orderId
          ? { ok: true, return: earlier, replayed: true }
          : fail('RETURN.REQUEST_ID_REUSED', `requestId ${c.requestId} was used for another order`);

      if (ra) {
        const authorised = authorisationAdmission((await this.authorisations.findByCode(m, ra.code, true))!, c.lines, c.storeId, now);
        if (!authorised.ok) return fail(authorised.code, authorised.detail);
      }
      const listed = linesAdmission(order, c.lines);
      if (!listed.ok) return fail(listed.code, listed.detail);
      // A parcel's units came back by mail, whatever the receiving location's system says.
      return this.open(m, ra?.parcel ? { ...c, channel: 'mail' } : c, order, ra, now);
    });
  }

  private async open(m: EntityManager, c: OpenReturnCommand, order: OrderRecord, ra: ReturnAuthorisation | null, now: Date): Promise<OpenReturnResult> {
    // Replacements are sold at this till: at the price list's price, or by a caller trusted to say otherwise.
    const prices = priceReplacements(
      c.replacements,
      await this.priceList.forSkus(
        m,
        c.replacements.map((r) => r.sku),
      ),
      { currency: order.currency, storeId: c.storeId, at: now },
      c.priceOverrideBy,
    );
    if (!prices.ok) return fail(prices.code, prices.detail);
    const policy = policyInForce(await this.policies.all(m), now);
    if (!policy) throw new Error('no return policy in force');
    const lineOf = new Map(order.lines.map((l) => [l.lineId, l]));
    const lines = c.lines.map((l) => ({ ...l, sku: lineOf.get(l.lineId)!.sku, unitPrice: lineOf.get(l.lineId)!.unitPrice }));
    const returnedValue = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
    const replacementValue = c.replacements.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
    const refundAmount = Math.max(0, returnedValue - (c.replacements.length > 0 ? replacementValue : 0));
    const verdict = judgeReturn(policy, {
      orderChannel: order.channel,
      withReceipt: c.withReceipt || ra !== null,
      refund: refundAmount > 0 && c.refundMethod !== null ? { method: c.refundMethod, amount: refundAmount } : null,
      at: now,
      lines: lines.map((l) => {
        const rec = lineOf.get(l.lineId)!;
        return { lineId: l.lineId, sku: l.sku, quantity: l.quantity, condition: l.condition, returnable: returnable(rec), receivedAt: rec.receivedAt };
      }),
    });
    if (!verdict.allowed) {
      const first = verdict.refusals[0];
      return {
        ok: false,
        code: 'RETURN.REFUSED_BY_POLICY',
        detail: `policy version ${verdict.policyVersion}, rule ${first.rule}: ${first.detail}`,
        refusals: verdict.refusals,
        policyVersion: verdict.policyVersion,
      };
    }
    const id = randomUUID();
    noteCreated(`/returns/${id}`);
    const d = openReturn(
      {
        id,
        requestId: c.requestId,
        order,
        storeId: c.storeId,
        associateId: c.associateId,
        authorisationId: ra?.id ?? null,
        policyVersion: verdict.policyVersion,
        lines,
        verdicts: verdict.lines,
        replacements: c.replacements,
        refundMethod: c.refundMethod,
        charged: c.charged,
        channel: c.channel,
        shipTo: c.shipTo,
        priceOverride: prices.override,
      },
      now,
    );
    if (!d.ok) return fail(d.code, d.detail);
    await this.returns.insert(m, d.state);
    await this.orders.addReturned(m, order.orderId, c.lines, 1);
    if (ra) await this.authorisations.markUsed(m, ra.id, d.state.id);
    for (const e of d.events) await this.outbox.append(m, e.def, e.payload, now);
    await this.settlement.settleRefund(m, d.state, order, now);
    return { ok: true, return: d.state, replayed: false };
  }
}
