import { applyDecorators, HttpStatus, Injectable } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { RelaySignal } from '@omni/messaging';
import { preferredWait } from '@omni/platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Order } from '../domain/order';
import { orderRepository } from './order.repository';

/** The longest a placement waits for its outcome (`Prefer: wait`), in seconds. */
export const MAX_PLACEMENT_WAIT_S = 10;
/**
 * How often a waiting placement reads its order when inventory's answer may be applied by another
 * replica: in this process, the commit of the order's next event wakes it at once.
 */
const POLL_MS = 200;

/** The OpenAPI of an endpoint that places an order: the `Prefer` header and the 202 it may answer. */
export function ApiPlacementOutcome(view: object): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Prefer',
      required: false,
      description: `RFC 7240. \`wait=N\` (seconds, at most ${MAX_PLACEMENT_WAIT_S}): answer once inventory has decided (201 with RESERVED, AWAITING_TRANSFER, PREORDERED or REJECTED and its rejectionReason), or 202 with the order still PLACED when N seconds pass first. \`Preference-Applied\` echoes the wait served. Without it the answer does not wait (201, PLACED).`,
      schema: { type: 'string', example: 'wait=5' },
    }),
    ApiResponse({ status: 201, description: 'The order: PLACED, or with `Prefer: wait=N` as inventory decided it', type: view as never }),
    ApiResponse({
      status: 202,
      description: 'With `Prefer: wait=N`: not decided within N seconds; the order, PLACED, and its URL in `Location`',
      type: view as never,
    }),
  );
}

/**
 * Waits, within a request, for what inventory decides about a placed order (docs/adr/0018-placement-outcome.md):
 * RESERVED, AWAITING_TRANSFER, REJECTED with its reason, PREORDERED. The answer to inventory is
 * applied by this service's consumer; when it commits here, the event it appends for the order
 * (keyed by the order id) wakes the waiting request, and otherwise the order is read again every
 * POLL_MS.
 */
@Injectable()
export class PlacementOutcome {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signal: RelaySignal,
  ) {}

  /**
   * The order to answer a placement with: as placed, or — when the caller prefers to wait — as
   * inventory decided it, or as placed with 202 and its Location when the wait ends first.
   */
  async answer(placed: Order, prefer: string | undefined, res: Response): Promise<Order> {
    const wait = preferredWait(prefer, MAX_PLACEMENT_WAIT_S);
    if (wait === null) return placed;
    res.setHeader('Preference-Applied', `wait=${wait}`);
    const decided = await this.decided(placed.id, wait * 1000);
    if (decided) return decided;
    res.status(HttpStatus.ACCEPTED).setHeader('Location', `/orders/${placed.id}`);
    return placed;
  }

  /** The order once it is no longer PLACED, or null when `waitMs` passes first. */
  async decided(orderId: string, waitMs: number): Promise<Order | null> {
    const deadline = Date.now() + waitMs;
    const watch = this.signal.watch(orderId);
    try {
      for (;;) {
        const order = await orderRepository.find(this.dataSource.manager, orderId);
        if (order && order.status !== 'PLACED') return order;
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await watch.next(Math.min(left, POLL_MS));
      }
    } finally {
      watch.close();
    }
  }
}
