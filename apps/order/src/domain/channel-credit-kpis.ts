/**
 * Channel credit over time (docs/kpis.md): what a store did, per bucket (UTC day or hour), for the
 * orders of each channel they began in — sold at its POS, collected or shipped there for orders
 * begun elsewhere, and returns or exchanges it took back of orders begun elsewhere. Amounts in
 * minor units, per currency.
 */
export interface ChannelCreditCounts {
  readonly bucket: string;
  readonly storeId: string;
  /** The channel the orders began in (always `pos` for what the store sold itself). */
  readonly channel: string;
  readonly currency: string;
  readonly sold: number;
  readonly soldAmount: number;
  readonly collected: number;
  readonly collectedAmount: number;
  readonly shipped: number;
  readonly shippedAmount: number;
  readonly exchanged: number;
  readonly exchangedAmount: number;
  readonly takenBack: number;
  readonly takenBackAmount: number;
}

export interface ChannelCreditKpis extends ChannelCreditCounts {
  /** Collected and shipped here for orders begun elsewhere: the store's fulfilment credit. */
  readonly fulfilledForOthersAmount: number;
}

export function channelCreditKpis(c: ChannelCreditCounts): ChannelCreditKpis {
  return { ...c, fulfilledForOthersAmount: c.collectedAmount + c.shippedAmount };
}
