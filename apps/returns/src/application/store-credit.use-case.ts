import { Injectable } from '@nestjs/common';
import { StoreCreditRedeemedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StoreCreditRepository } from './ports/store-credit.port';

export type RedeemResult =
  | { ok: true; redemptionId: string; amount: number; currency: string; balance: number; replayed: boolean }
  | { ok: false; code: 'STORE_CREDIT.INSUFFICIENT' | 'STORE_CREDIT.REFERENCE_REUSED'; detail: string };

/**
 * Spends store credit at a checkout of any channel (ADR 0009). The answer's redemptionId is what
 * the order then carries as the reference of its captured `store-credit` tender. A retry with the
 * same reference spends once.
 */
@Injectable()
export class StoreCreditUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly storeCredit: StoreCreditRepository,
  ) {}

  redeem(accountId: string, amount: number, currency: string, reference: string): Promise<RedeemResult> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const earlier = await this.storeCredit.redemptionByReference(m, accountId, reference);
      if (earlier) {
        if (earlier.amount !== amount || earlier.currency !== currency)
          return { ok: false, code: 'STORE_CREDIT.REFERENCE_REUSED', detail: `reference ${reference} was used for another redemption` };
        const balance = (await this.storeCredit.balances(m, accountId)).find((b) => b.currency === currency)?.balance ?? 0;
        return { ok: true, redemptionId: earlier.id, amount, currency, balance, replayed: true };
      }
      const redemptionId = randomUUID();
      const balance = await this.storeCredit.tryDebit(m, { entryId: redemptionId, accountId, currency, amount, reference, at: now });
      if (balance === null)
        return { ok: false, code: 'STORE_CREDIT.INSUFFICIENT', detail: `the ${currency} store credit of ${accountId} does not cover ${amount}` };
      await this.outbox.append(m, StoreCreditRedeemedV1, { accountId, redemptionId, amount, currency, balance, reference, redeemedAt: now.toISOString() }, now);
      return { ok: true, redemptionId, amount, currency, balance, replayed: false };
    });
  }
}
