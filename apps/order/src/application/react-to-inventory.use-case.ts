import { Injectable, Logger } from '@nestjs/common';
import {
  Decision,
  EventEnvelope,
  InventoryPreorderAllocatedPayload,
  InventoryPreorderEstimatedPayload,
  InventoryPreorderQueuedPayload,
  InventoryRejectedPayload,
  InventoryReservedForDeliveryPayload,
  InventoryReservedPayload,
  ReservationReleasedPayload,
  PendingEvent,
  ShortPickResolvedPayload,
  TransferLostPayload,
  TransferReceivedPayload,
} from '@omni/contracts';
import { asConsumed, EventRun, InboxProcessor, PermanentEventError } from '@omni/messaging';
import { Metrics } from '@omni/platform';
import { assignDeliveryGroup, canCancel, cancelFulfilment, onFulfilment, rejectPlacedFulfilments } from '../domain/fulfilment';
import { Fulfilment, fulfilmentOfLine, Order, withFulfilment } from '../domain/order';
import { deliveryTransferArrived, resolveDeliveryShortPick } from '../domain/delivery.machine';
import { confirmReservation, resolveShortPick, transferArrived } from '../domain/pickup.machine';
import { DecisionContext } from '../domain/group-effects';
import { allocatePreorder, awaitsRelease, preorderTransferArrived, queuePreorder, reschedule } from '../domain/preorder.machine';
import { transferLost } from '../domain/transfer-lost';
import { InventoryAnswers } from './inventory-answers';
import { OrderWriter } from './order-writer';
import { OrderRepository } from './ports/order.port';
import { PickupCodeGenerator } from './ports/pickup-code.port';

type Decide = (o: Order, ctx: DecisionContext) => Decision<Order, string>;
/** What applying an inventory event did to its order, for the log and the journey metric. */
type Outcome = { status: string; from?: string; placedAt?: Date; at?: Date };

/** Stock reserved for a pickup group: the group is confirmed, ready by the promised time. */
function reservedDecision(r: InventoryReservedPayload): Decide {
  return (o, ctx) =>
    onGroup(
      o,
      groupOf(o, r.fulfilmentId, r.lines[0]?.lineId),
      (f) => confirmReservation(f, { lines: r.lines, readyBy: new Date(r.readyBy), pickupHoldDays: r.pickupHoldDays }, ctx.now),
      ctx.now,
    );
}

/** The group an inventory event is about: named by it, or holding its first line (events from before fulfilment groups). */
function groupOf(o: Order, fulfilmentId: string | undefined, lineId: string | undefined): Fulfilment | undefined {
  if (fulfilmentId) return o.fulfilments.find((f) => f.id === fulfilmentId);
  return lineId ? fulfilmentOfLine(o, lineId) : o.fulfilments.length === 1 ? o.fulfilments[0] : undefined;
}

function onGroup(o: Order, f: Fulfilment | undefined, decide: (f: Fulfilment) => Decision<Fulfilment, string>, now: Date): Decision<Order, string> {
  if (!f) return { ok: false, code: 'FULFILMENT.NOT_FOUND', detail: `the event names no fulfilment group of order ${o.id}` };
  return onFulfilment(o, f.id, decide, now);
}

/** Moves an order's groups on when inventory answers; each event is applied once (inbox), a late one changes nothing. */
@Injectable()
export class ReactToInventoryUseCase {
  private readonly logger = new Logger('ReactToInventory');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly writer: OrderWriter,
    private readonly metrics: Metrics,
    private readonly answers: InventoryAnswers,
    private readonly orders: OrderRepository,
    private readonly pickupCodes: PickupCodeGenerator,
  ) {}

  /**
   * inventory.reserved, the placement path's answer, in runs: the run's orders locked and loaded in
   * two statements, each reservation decided in partition order (an order twice in a run sees the
   * first decision), then the orders saved and their events appended in the run's transaction.
   */
  async reservedRun(run: EventRun): Promise<void> {
    const events = run.events as readonly EventEnvelope<InventoryReservedPayload>[];
    const loaded = await this.orders.findManyForUpdate(run.manager, [...new Set(events.map((e) => e.data.orderId))]);
    const { decisions, outcomes, ignored, now } = await this.writer.decideRun(run.manager, loaded.values(), (contexts) => {
      const orders = new Map(loaded);
      const decided = {
        decisions: [] as { order: Order; events: readonly PendingEvent[]; cause: EventEnvelope }[],
        outcomes: [] as { e: EventEnvelope; outcome: Outcome }[],
        ignored: [] as { e: EventEnvelope; order: Order; d: { code: string; detail?: string } }[],
        now: contexts.now,
      };
      for (const e of events) {
        const order = orders.get(e.data.orderId);
        if (!order) throw new PermanentEventError('ORDER.NOT_FOUND', `no order ${e.data.orderId}`);
        const d = reservedDecision(e.data)(order, contexts.for(order));
        if (!d.ok) {
          decided.ignored.push({ e, order, d });
          continue;
        }
        orders.set(order.id, d.state);
        contexts.taken(order, d.events);
        decided.decisions.push({ order: d.state, events: d.events, cause: e });
        decided.outcomes.push({ e, outcome: { status: d.state.status, from: order.status, placedAt: order.placedAt, at: contexts.now } });
      }
      return decided;
    });
    for (const { e, order, d } of ignored) this.ignored(e, order, d);
    await this.writer.saveAll(run.manager, decisions, now);
    // Each event's log line and metric after the commit, in that event's trace.
    for (const { e, outcome } of outcomes) await asConsumed(e, async () => run.afterCommit(() => this.applied(e, outcome)));
  }

  reservedForDelivery(e: EventEnvelope<InventoryReservedForDeliveryPayload>) {
    const r = e.data;
    return this.apply(e, r.orderId, (o, ctx) => assignDeliveryGroup(o, r.fulfilmentId, r.lines, ctx));
  }

  rejected(e: EventEnvelope<InventoryRejectedPayload>) {
    return this.apply(e, e.data.orderId, (o, ctx) => rejectPlacedFulfilments(o, e.data.reason, ctx));
  }

  transferReceived(e: EventEnvelope<TransferReceivedPayload>) {
    const { transferId } = e.data;
    return this.apply(e, e.data.orderId, (o, ctx) =>
      onGroup(
        o,
        o.fulfilments.find((f) => f.lines.some((l) => l.pendingTransferId === transferId)) ?? groupOf(o, undefined, e.data.lines[0]?.lineId),
        (f) =>
          f.type === 'delivery'
            ? awaitsRelease(f)
              ? preorderTransferArrived(f, transferId, this.pickupCodes.newPickupCode(), ctx)
              : deliveryTransferArrived(f, transferId, ctx)
            : f.releaseAt
              ? preorderTransferArrived(f, transferId, this.pickupCodes.newPickupCode(), ctx)
              : transferArrived(f, transferId, ctx.now),
        ctx.now,
      ),
    );
  }

  /** A transfer the group waited for was declared lost: its lines wait for what inventory found again, or give up what it did not. */
  transferLost(e: EventEnvelope<TransferLostPayload>) {
    const r = e.data;
    const lost = {
      transferId: r.transferId,
      resourced: r.resourced.map((x) => ({
        lineId: x.lineId,
        transferId: x.transferId,
        expectedArrivalAt: x.expectedArrivalAt ? new Date(x.expectedArrivalAt) : null,
      })),
      unavailable: r.unavailable,
    };
    return this.apply(e, r.orderId, (o, ctx) =>
      onGroup(
        o,
        o.fulfilments.find((f) => f.lines.some((l) => l.pendingTransferId === r.transferId)),
        (f) => transferLost(f, lost, this.pickupCodes.newPickupCode(), ctx),
        ctx.now,
      ),
    );
  }

  preorderQueued(e: EventEnvelope<InventoryPreorderQueuedPayload>) {
    const r = e.data;
    const lines = r.lines.map((l) => ({ lineId: l.lineId, position: l.position, estimatedAt: l.estimatedAt ? new Date(l.estimatedAt) : null }));
    return this.apply(e, r.orderId, (o, ctx) => onFulfilment(o, r.fulfilmentId, (f) => queuePreorder(f, lines, r.storeId, ctx), ctx.now));
  }

  preorderAllocated(e: EventEnvelope<InventoryPreorderAllocatedPayload>) {
    const r = e.data;
    return this.apply(e, r.orderId, (o, ctx) =>
      onFulfilment(o, r.fulfilmentId, (f) => allocatePreorder(f, r.lines, r.pickupHoldDays, this.pickupCodes.newPickupCode(), ctx), ctx.now),
    );
  }

  preorderEstimated(e: EventEnvelope<InventoryPreorderEstimatedPayload>) {
    const r = e.data;
    const lines = r.lines.map((l) => ({ lineId: l.lineId, position: l.position, estimatedAt: l.estimatedAt ? new Date(l.estimatedAt) : null }));
    return this.apply(e, r.orderId, (o, ctx) => onFulfilment(o, r.fulfilmentId, (f) => reschedule(f, { lines }, ctx), ctx.now));
  }

  shortPickResolved(e: EventEnvelope<ShortPickResolvedPayload>) {
    const r = e.data;
    const resolution = {
      resourced: r.resourced.map((x) => ({ lineId: x.lineId, transferId: x.transferId, expectedArrivalAt: new Date(x.expectedArrivalAt) })),
      unavailable: r.unavailable,
    };
    const lineId = r.resourced[0]?.lineId ?? r.unavailable[0]?.lineId;
    return this.apply(e, r.orderId, (o, ctx) =>
      onGroup(
        o,
        groupOf(o, undefined, lineId),
        (f) => (f.type === 'delivery' ? resolveDeliveryShortPick(f, resolution, ctx) : resolveShortPick(f, resolution, this.pickupCodes.newPickupCode(), ctx)),
        ctx.now,
      ),
    );
  }

  /**
   * Only an expired reservation is news here: the other reasons answer this service's own
   * order.cancelled / order.expired. Reservations that expired before confirmation cancel their groups.
   */
  reservationReleased(e: EventEnvelope<ReservationReleasedPayload>) {
    if (e.data.reason !== 'RESERVATION.EXPIRED') return Promise.resolve();
    const lineIds = new Set(e.data.lines.map((l) => l.lineId));
    return this.apply(e, e.data.orderId, (o, ctx) => {
      const hit = o.fulfilments.filter((f) => canCancel(f) && (lineIds.size === 0 || f.lines.some((l) => lineIds.has(l.lineId))));
      if (hit.length === 0) return { ok: false, code: 'ORDER.INVALID_TRANSITION', detail: 'no group of the order can be cancelled' };
      let order = o;
      const events = [];
      for (const f of hit) {
        const d = cancelFulfilment(f, 'system', 'RESERVATION.EXPIRED', ctx);
        if (!d.ok) return d;
        order = withFulfilment(order, d.state, ctx.now);
        events.push(...d.events);
      }
      return { ok: true, state: order, events };
    });
  }

  private async apply(e: EventEnvelope, orderId: string, decide: Decide): Promise<void> {
    const outcome = await this.inbox.once(e, async (m): Promise<Outcome> => {
      const order = await this.orders.findForUpdate(m, orderId);
      if (!order) throw new PermanentEventError('ORDER.NOT_FOUND', `no order ${orderId}`);
      const ctx = await this.writer.context(m, order);
      const d = decide(order, ctx);
      if (!d.ok) {
        this.ignored(e, order, d);
        return { status: order.status };
      }
      await this.writer.save(m, d.state, d.events, ctx.now);
      return { status: d.state.status, from: order.status, placedAt: order.placedAt, at: ctx.now };
    });
    if (outcome.applied) this.applied(e, outcome.result);
  }

  /** A late or repeated answer for a group already past that point changes nothing. */
  private ignored(e: EventEnvelope, order: Order, d: { code: string; detail?: string }): void {
    this.logger.warn({ orderId: order.id, eventId: e.id, eventType: e.type, status: order.status, code: d.code, detail: d.detail }, 'inventory event ignored');
  }

  /** Called after the commit, so a rolled-back attempt is never counted. */
  private applied(e: EventEnvelope, r: Outcome): void {
    this.answers.answered();
    this.logger.log({ orderId: (e.data as { orderId?: string }).orderId, eventId: e.id, eventType: e.type, status: r.status }, 'inventory event applied');
    if (r.from === 'PLACED' && r.placedAt && r.at && !['PLACED', 'REJECTED', 'CANCELLED', 'PREORDERED'].includes(r.status)) {
      this.metrics.journeyStep('placed_to_reserved', r.placedAt, r.at);
    }
  }
}
