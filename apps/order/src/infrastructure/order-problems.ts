import { HttpStatus } from '@nestjs/common';
import { problemsFrom, ProblemException } from '@omni/platform';
import { OrderActionRefusal } from '../application/act-on-order.use-case';
import { PaymentRequestRefusal } from '../application/payment-requests.use-case';
import { PreorderRefusal } from '../application/place-order.use-case';
import { PlacementRefusal } from '../domain/order';
import { PriceRefusal } from '@omni/contracts';
import { CART_REFUSAL_STATUS } from './cart-problems';

type Refusal = OrderActionRefusal | PlacementRefusal | PreorderRefusal | PriceRefusal | PaymentRequestRefusal;

/** Each refusal code's HTTP status; a new refusal code without one does not compile. */
export const ORDER_REFUSAL_STATUS = {
  'ORDER.NOT_FOUND': HttpStatus.NOT_FOUND,
  'FULFILMENT.NOT_FOUND': HttpStatus.NOT_FOUND,
  'PAYMENT_REQUEST.NOT_FOUND': HttpStatus.NOT_FOUND,
  'ORDER.WRONG_STORE': HttpStatus.FORBIDDEN,
  'PAYMENT_REQUEST.NOT_FAILED': HttpStatus.CONFLICT,
  'ORDER.INVALID_TRANSITION': HttpStatus.CONFLICT,
  'PICKUP.LOCKED': HttpStatus.CONFLICT,
  'PICKUP.NOT_LOCKED': HttpStatus.CONFLICT,
  'FULFILMENT.AMBIGUOUS': HttpStatus.CONFLICT,
  'FULFILMENT.NOT_A_DELIVERY': HttpStatus.CONFLICT,
  'PREORDER.STORE_CAP_REACHED': HttpStatus.CONFLICT,
  'PREORDER.CUSTOMER_CAP_REACHED': HttpStatus.CONFLICT,
  'PICKUP.CODE_INVALID': HttpStatus.UNPROCESSABLE_ENTITY,
  'PICK.UNKNOWN_LINE': HttpStatus.UNPROCESSABLE_ENTITY,
  'PICK.QUANTITY_EXCEEDED': HttpStatus.UNPROCESSABLE_ENTITY,
  'ORDER.TENDER_MISMATCH': HttpStatus.UNPROCESSABLE_ENTITY,
  'ORDER.PICKUP_STORE_REPEATED': HttpStatus.UNPROCESSABLE_ENTITY,
  'PREORDER.NOT_A_PREORDER': HttpStatus.UNPROCESSABLE_ENTITY,
  'PREORDER.WINDOW_CLOSED': HttpStatus.UNPROCESSABLE_ENTITY,
  'PREORDER.NEEDS_CUSTOMER': HttpStatus.UNPROCESSABLE_ENTITY,
  'PICKUP.IDENTITY_UNVERIFIABLE': HttpStatus.UNPROCESSABLE_ENTITY,
  'PICKUP.IDENTITY_MISMATCH': HttpStatus.UNPROCESSABLE_ENTITY,
  'PRICE.NOT_LISTED': HttpStatus.UNPROCESSABLE_ENTITY,
  'PRICE.MISMATCH': HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies Record<Refusal, HttpStatus>;

/** An operation's error responses by refusal code (order, cart and platform codes), with the status the code is answered with. */
export const OrderProblems = problemsFrom(ORDER_REFUSAL_STATUS, CART_REFUSAL_STATUS);

/** The one place where the order service's refusal codes become HTTP problems. */
export function orderProblem(code: Refusal, detail?: string): ProblemException {
  return new ProblemException(ORDER_REFUSAL_STATUS[code], code, detail ?? code);
}
