import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { OrderRecord } from '../domain/order-record';
import { INITIAL_POLICY, policyInForce, ReturnPolicyDocument } from '../domain/policy';
import { Return } from '../domain/return.machine';
import { AuthorisationRepository, ReturnAuthorisation } from './ports/authorisation.port';
import { LookupKey, OrderRecordRepository } from './ports/order-record.port';
import { PolicyRepository, PublishedPolicy } from './ports/policy.port';
import { RefundRecord, ReturnRepository } from './ports/return.port';
import { StoreCreditBalance, StoreCreditRepository } from './ports/store-credit.port';

/**
 * What the returns API reads — orders found at a POS, a return and its refunds, the policy
 * versions, an authorisation, store-credit balances — read-only and without locks, so that the
 * controllers call the application and never a repository.
 */
@Injectable()
export class ReturnsQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly orders: OrderRecordRepository,
    private readonly returns: ReturnRepository,
    private readonly authorisations: AuthorisationRepository,
    private readonly storeCredit: StoreCreditRepository,
    private readonly policies: PolicyRepository,
  ) {}

  lookupOrders(key: LookupKey, value: string): Promise<OrderRecord[]> {
    return this.orders.lookup(this.dataSource.manager, key, value);
  }

  order(orderId: string): Promise<OrderRecord | null> {
    return this.orders.find(this.dataSource.manager, orderId);
  }

  /** The policy document in force now (the initial one until a version is published). */
  async policyDocument(): Promise<ReturnPolicyDocument> {
    return policyInForce(await this.published(), this.clock.now())?.document ?? INITIAL_POLICY;
  }

  /** Every published version, oldest first, and the one in force now (null before the first takes effect). */
  async policyVersions(): Promise<{ all: PublishedPolicy[]; inForce: PublishedPolicy | null }> {
    const all = await this.published();
    const inForce = policyInForce(all, this.clock.now());
    return { all, inForce: inForce ? all.find((p) => p.version === inForce.version)! : null };
  }

  async returnWithRefunds(id: string): Promise<{ ret: Return; refunds: RefundRecord[] } | null> {
    const ret = await this.returns.find(this.dataSource.manager, id);
    return ret ? { ret, refunds: await this.refundsOf(id) } : null;
  }

  refundsOf(returnId: string): Promise<RefundRecord[]> {
    return this.returns.refundsOf(this.dataSource.manager, returnId);
  }

  authorisation(code: string): Promise<ReturnAuthorisation | null> {
    return this.authorisations.findByCode(this.dataSource.manager, code);
  }

  balances(accountId: string): Promise<StoreCreditBalance[]> {
    return this.storeCredit.balances(this.dataSource.manager, accountId);
  }

  private published(): Promise<PublishedPolicy[]> {
    return this.policies.all(this.dataSource.manager);
  }
}
