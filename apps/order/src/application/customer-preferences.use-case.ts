import { Injectable, Logger } from '@nestjs/common';
import { CustomerMergedPayload, CustomerOrderLinkedPayload, CustomerPreferencesChangedPayload, EventEnvelope } from '@omni/contracts';
import { EventRun, InboxProcessor } from '@omni/messaging';
import { ConsentRepository } from './ports/consent.port';
import { CustomerPreferencesRepository } from './ports/customer-preferences.port';

/**
 * Keeps what the customer service says about customers, for what the order service sends them
 * (docs/customers.md, Preferences): the preferred contact channel that notification requests
 * name, the marketing consent per contact channel that cart.abandoned needs, the profile each
 * order belongs to, and merges. Each event once (inbox), in one transaction.
 */
@Injectable()
export class CustomerPreferencesUseCase {
  private readonly logger = new Logger('CustomerPreferences');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly preferences: CustomerPreferencesRepository,
    private readonly consents: ConsentRepository,
  ) {}

  async preferencesChanged(e: EventEnvelope<CustomerPreferencesChangedPayload>): Promise<void> {
    const p = e.data;
    const marketingChannels = p.marketingConsents.filter((c) => c.granted).map((c) => c.contactChannel);
    const changedAt = new Date(p.changedAt);
    await this.inbox.once(e, async (m) => {
      await this.preferences.record(m, p.customerId, { preferredContactChannel: p.preferredContactChannel, marketingChannels }, changedAt);
      await this.consents.record(
        m,
        p.customerId,
        p.accounts.map((a) => a.accountId),
        marketingChannels.length > 0,
        changedAt,
      );
    });
  }

  /** Orders matched to profiles, in runs: one statement for the run's links. */
  async orderLinkedRun(run: EventRun): Promise<void> {
    const links = (run.events as readonly EventEnvelope<CustomerOrderLinkedPayload>[]).map((e) => ({
      orderId: e.data.orderId,
      customerId: e.data.customerId,
      linkedAt: new Date(e.data.linkedAt),
    }));
    await this.preferences.linkOrders(run.manager, links);
  }

  async merged(e: EventEnvelope<CustomerMergedPayload>): Promise<void> {
    const outcome = await this.inbox.once(e, (m) => this.preferences.merge(m, e.data.mergedCustomerId, e.data.survivingCustomerId));
    if (outcome.applied)
      this.logger.log(
        { mergedCustomerId: e.data.mergedCustomerId, survivingCustomerId: e.data.survivingCustomerId },
        'orders re-keyed to the surviving profile',
      );
  }
}
