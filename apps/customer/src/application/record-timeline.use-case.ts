import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { TopicPosition } from '../domain/timeline';
import { timelineEntryOf, timelineProjection } from './timeline.projection';

/** Projects an order event onto the timeline; a redelivered event adds nothing (inbox, and the entry is keyed by event id). */
@Injectable()
export class RecordTimelineUseCase {
  constructor(private readonly inbox: InboxProcessor) {}

  async record(e: EventEnvelope, position: TopicPosition): Promise<void> {
    const entry = timelineEntryOf(e, position);
    if (!entry) return;
    await this.inbox.once(e, (m) => timelineProjection.record(m, entry));
  }
}
