import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@omni/platform';
import { CartRefusal } from '../domain/cart';

/** Each cart refusal code's HTTP status; a new refusal code without one does not compile. */
export const CART_REFUSAL_STATUS = {
  'CART.NOT_FOUND': HttpStatus.NOT_FOUND,
  'CART.NOT_YOURS': HttpStatus.FORBIDDEN,
  'CART.NOT_OPEN': HttpStatus.CONFLICT,
  'CART.NOT_A_GUEST_CART': HttpStatus.CONFLICT,
  'CART.PRICE_CHANGED': HttpStatus.CONFLICT,
  'CART.EMPTY': HttpStatus.UNPROCESSABLE_ENTITY,
  'CART.CURRENCY_MISMATCH': HttpStatus.UNPROCESSABLE_ENTITY,
  'CART.HANDOFF_INVALID': HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies Record<CartRefusal, HttpStatus>;

/** The one place where cart refusal codes become HTTP problems. */
export function cartProblem(code: CartRefusal, detail: string): ProblemException {
  return new ProblemException(CART_REFUSAL_STATUS[code], code, detail);
}
