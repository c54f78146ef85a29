import { Injectable } from '@nestjs/common';
import { KpiWindow } from '@omni/platform';
import { DataSource } from 'typeorm';
import { ChannelCreditKpis, channelCreditKpis } from '../domain/channel-credit-kpis';
import { ChannelCreditRepository } from './ports/channel-credit.port';

/** Channel credit per bucket, store and channel, from the order service's own records. */
@Injectable()
export class ChannelCreditKpiQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credit: ChannelCreditRepository,
  ) {}

  async channelCredit(w: KpiWindow): Promise<ChannelCreditKpis[]> {
    const rows = await this.credit.perBucket(this.dataSource.manager, w);
    return rows.map((r) =>
      channelCreditKpis({
        bucket: r.bucket,
        storeId: r.store_id,
        channel: r.channel,
        currency: r.currency,
        sold: r.sold,
        soldAmount: Number(r.sold_amount),
        collected: r.collected,
        collectedAmount: Number(r.collected_amount),
        shipped: r.shipped,
        shippedAmount: Number(r.shipped_amount),
        exchanged: r.exchanged,
        exchangedAmount: Number(r.exchanged_amount),
        takenBack: r.taken_back,
        takenBackAmount: Number(r.taken_back_amount),
      }),
    );
  }
}
