import { Injectable, Logger } from '@nestjs/common';
import { OutboxWriter } from '@omni/messaging';
import { Clock, requestContext } from '@omni/platform';
import { DataSource, EntityManager } from 'typeorm';
import { abandon, MarketingConsent } from '../domain/cart';
import { CartRepository } from './ports/cart.port';
import { ConsentRepository } from './ports/consent.port';
import { CustomerPreferencesRepository } from './ports/customer-preferences.port';

/**
 * Abandons open carts untouched for CART_ABANDON_AFTER_MINUTES (the activity time lives in the
 * database, so any replica, restarted or not, picks them up), raising cart.abandoned only for a
 * customer whose marketing consent the customer service last reported granted (kept by
 * CustomerPreferencesUseCase from customer.preferences-changed).
 */
@Injectable()
export class AbandonCartsUseCase {
  private readonly logger = new Logger('AbandonCarts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly carts: CartRepository,
    private readonly consents: ConsentRepository,
    private readonly preferences: CustomerPreferencesRepository,
  ) {}

  /** Abandons up to `limit` idle carts, one transaction each; returns how many. */
  async abandonIdle(afterMinutes: number, limit: number): Promise<number> {
    let n = 0;
    while (n < limit && (await this.abandonNext(afterMinutes))) n++;
    return n;
  }

  private abandonNext(afterMinutes: number): Promise<boolean> {
    return requestContext.run(requestContext.currentOrNew(), () =>
      this.dataSource.transaction(async (m) => {
        const now = this.clock.now();
        const cart = await this.carts.lockNextIdle(m, new Date(now.getTime() - afterMinutes * 60_000));
        if (!cart) return false;
        const d = abandon(cart, await this.consentOf(m, cart.ownerId), now);
        if (!d.ok) throw new Error(`cart ${cart.id} selected as idle was refused: ${d.code}`);
        await this.carts.update(m, d.state);
        for (const e of d.events) await this.outbox.append(m, e.def, e.payload, now);
        this.logger.log({ cartId: cart.id, announced: d.events.length > 0 }, 'cart abandoned');
        return true;
      }),
    );
  }

  private async consentOf(m: EntityManager, ownerId: string | null): Promise<MarketingConsent> {
    if (ownerId === null) return { granted: false, channels: [] };
    const granted = await this.consents.granted(m, ownerId);
    const preferences = await this.preferences.forAccount(m, ownerId);
    return { granted, channels: preferences?.marketingChannels ?? null };
  }
}
