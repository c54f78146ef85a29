import { accept, Decision, event, refuse, TransferShippedV1 } from '@omni/contracts';

export type TransferStatus = 'REQUESTED' | 'SHIPPED' | 'RECEIVED' | 'CANCELLED' | 'LOST';
export type TransferAction = 'ship' | 'receive' | 'cancel' | 'lose';

/**
 * A transfer's lifecycle. A requested transfer can be cancelled with its order; once shipped the
 * units are on the road and it can only arrive, or be declared lost when it never does.
 */
export const TRANSFER_TRANSITIONS: Readonly<Record<TransferStatus, Partial<Record<TransferAction, TransferStatus>>>> = {
  REQUESTED: { ship: 'SHIPPED', cancel: 'CANCELLED' },
  SHIPPED: { receive: 'RECEIVED', lose: 'LOST' },
  RECEIVED: {},
  CANCELLED: {},
  LOST: {},
};

export interface Transfer {
  readonly id: string;
  readonly orderId: string;
  readonly fromLocationId: string;
  readonly toLocationId: string;
  readonly status: TransferStatus;
  readonly expectedArrivalAt: Date;
}

export type TransferRefusal = 'TRANSFER.INVALID_TRANSITION';

export function transition(t: Transfer, action: TransferAction): Decision<Transfer, TransferRefusal> {
  const next = TRANSFER_TRANSITIONS[t.status][action];
  if (!next) return refuse('TRANSFER.INVALID_TRANSITION', `a ${t.status} transfer cannot ${action}`);
  return accept({ ...t, status: next });
}

export function shipTransfer(t: Transfer, now: Date): Decision<Transfer, TransferRefusal> {
  const d = transition(t, 'ship');
  if (!d.ok) return d;
  return accept(d.state, [
    event(TransferShippedV1, {
      transferId: t.id,
      orderId: t.orderId,
      fromLocationId: t.fromLocationId,
      toLocationId: t.toLocationId,
      expectedArrivalAt: t.expectedArrivalAt.toISOString(),
      shippedAt: now.toISOString(),
    }),
  ]);
}
