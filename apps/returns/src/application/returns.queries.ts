import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { OrderRecord } from '../domain/order-record';
import { INITIAL_POLICY, policyInForce, ReturnPolicyDocument } from '../domain/policy';
import { Return } from '../domain/return.machine';
import { authorisationRepository, ReturnAuthorisation } from '../infrastructure/authorisation.repository';
import { LookupKey, orderRecordRepository } from '../infrastructure/order-record.repository';
import { PublishedPolicy, policyRepository } from '../infrastructure/policy.repository';
import { RefundRecord, returnRepository } from '../infrastructure/return.repository';
import { StoreCreditBalance, storeCreditRepository } from '../infrastructure/store-credit.repository';

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
  ) {}

  lookupOrders(key: LookupKey, value: string): Promise<OrderRecord[]> {
    return orderRecordRepository.lookup(this.dataSource.manager, key, value);
  }

  order(orderId: string): Promise<OrderRecord | null> {
    return orderRecordRepository.find(this.dataSource.manager, orderId);
  }

  /** The policy document in force now (the initial one until a version is published). */
  async policyDocument(): Promise<ReturnPolicyDocument> {
    return policyInForce(await this.policies(), this.clock.now())?.document ?? INITIAL_POLICY;
  }

  /** Every published version, oldest first, and the one in force now (null before the first takes effect). */
  async policyVersions(): Promise<{ all: PublishedPolicy[]; inForce: PublishedPolicy | null }> {
    const all = await this.policies();
    const inForce = policyInForce(all, this.clock.now());
    return { all, inForce: inForce ? all.find((p) => p.version === inForce.version)! : null };
  }

  async returnWithRefunds(id: string): Promise<{ ret: Return; refunds: RefundRecord[] } | null> {
    const ret = await returnRepository.find(this.dataSource.manager, id);
    return ret ? { ret, refunds: await this.refundsOf(id) } : null;
  }

  refundsOf(returnId: string): Promise<RefundRecord[]> {
    return returnRepository.refundsOf(this.dataSource.manager, returnId);
  }

  authorisation(code: string): Promise<ReturnAuthorisation | null> {
    return authorisationRepository.findByCode(this.dataSource.manager, code);
  }

  balances(accountId: string): Promise<StoreCreditBalance[]> {
    return storeCreditRepository.balances(this.dataSource.manager, accountId);
  }

  private policies(): Promise<PublishedPolicy[]> {
    return policyRepository.all(this.dataSource.manager);
  }
}
