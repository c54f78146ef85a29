import { Injectable } from '@nestjs/common';
import { ceTypeOf, OrderPlacedPayload, orderPlacedAsV2, OrderPlacedV1, OrderPlacedV2, OrderPlacedV2Payload } from '@omni/contracts';
import { EventRun } from '@omni/messaging';
import { TimelineEntry } from '../domain/timeline';
import { LinkOrderUseCase } from './link-order.use-case';
import { timelineEntryOf, timelineProjection } from './timeline.projection';

const PLACED_V1 = ceTypeOf(OrderPlacedV1);
const PLACED_V2 = ceTypeOf(OrderPlacedV2);

/**
 * A run of order events (docs/adr/0016-throughput.md): every one the timeline shows becomes an
 * entry, all of them in one statement; each placed order (v1 read as v2) is then matched to a
 * profile, in publication order. The consumer has claimed the inbox rows and left redeliveries out;
 * an entry is keyed by its event id, so a rebuild writes the same rows.
 */
@Injectable()
export class ProjectOrderEventsUseCase {
  constructor(private readonly link: LinkOrderUseCase) {}

  async apply(run: EventRun): Promise<void> {
    const entries = run.events
      .map((e, i) => timelineEntryOf(e, { topic: run.topic, partition: run.partition, offset: run.offsets[i] }))
      .filter((t): t is TimelineEntry => t !== null);
    await timelineProjection.recordMany(run.manager, entries);
    const placed = run.events
      .filter((e) => e.type === PLACED_V1 || e.type === PLACED_V2)
      .map((e) => ({ event: e, order: e.type === PLACED_V1 ? orderPlacedAsV2(e.data as OrderPlacedPayload) : (e.data as OrderPlacedV2Payload) }));
    await this.link.linkPlacedRun(run.manager, placed);
  }
}
