import { Injectable, Logger } from '@nestjs/common';
import { AvailabilityCheck, AvailabilityChecker, LineAvailability } from '../application/ports/availability.port';
import { CartLine } from '../domain/cart';
import { OrderConfig } from '../order.config';

interface Answer {
  storeId: string;
  sku: string;
  availableAtStore: number;
  pickup: { mode: 'store' | 'transfer' | 'none' };
}

/**
 * Asks the inventory service's `GET /availability` whether a cart's lines can be had at a store.
 * Without INVENTORY_URL and INVENTORY_TOKEN, or when the call fails, the check says so: it never
 * answers in inventory's place.
 */
@Injectable()
export class AvailabilityClient implements AvailabilityChecker {
  private readonly logger = new Logger('AvailabilityClient');

  constructor(private readonly config: OrderConfig) {}

  async check(storeId: string | null, lines: readonly CartLine[]): Promise<AvailabilityCheck> {
    if (!this.config.INVENTORY_URL || !this.config.INVENTORY_TOKEN)
      return { status: 'SKIPPED', storeId, reason: 'INVENTORY_URL and INVENTORY_TOKEN are not configured', lines: [] };
    if (storeId === null) return { status: 'SKIPPED', storeId, reason: 'the cart is not continued at a store: nothing to check against', lines: [] };
    if (lines.length === 0) return { status: 'CHECKED', storeId, lines: [] };
    try {
      const out: LineAvailability[] = [];
      // The API takes one quantity per call: one call per distinct quantity in the cart.
      for (const quantity of [...new Set(lines.map((l) => l.quantity))]) {
        const skus = lines.filter((l) => l.quantity === quantity).map((l) => l.sku);
        const answers = await this.ask(storeId, skus, quantity);
        for (const sku of skus) {
          const a = answers.find((x) => x.sku === sku && x.storeId === storeId);
          const mode = a?.pickup.mode ?? 'none';
          out.push({ sku, quantity, availableAtStore: a?.availableAtStore ?? 0, mode, available: mode !== 'none' });
        }
      }
      return { status: 'CHECKED', storeId, lines: lines.map((l) => out.find((o) => o.sku === l.sku)!) };
    } catch (e) {
      this.logger.warn({ storeId, err: (e as Error).message }, 'availability re-check failed');
      return { status: 'FAILED', storeId, reason: (e as Error).message, lines: [] };
    }
  }

  private async ask(storeId: string, skus: string[], quantity: number): Promise<Answer[]> {
    const url = new URL('/availability', this.config.INVENTORY_URL);
    url.searchParams.set('skus', skus.join(','));
    url.searchParams.set('stores', storeId);
    url.searchParams.set('quantity', String(quantity));
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${this.config.INVENTORY_TOKEN}`, accept: 'application/json' },
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`inventory answered ${res.status} to GET /availability`);
    const body = (await res.json()) as { availability: Answer[] };
    return body.availability;
  }
}
