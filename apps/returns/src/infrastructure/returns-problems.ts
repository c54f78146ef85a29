import { HttpStatus } from '@nestjs/common';
import { FieldProblem, ProblemException, problemsFrom } from '@omni/platform';
import { OpenReturnRefusal } from '../application/open-return.use-case';
import { RefundRequestRefusal } from '../application/refund-requests.use-case';
import { PolicyRefusal } from '../domain/policy';

export type ReturnsErrorCode =
  | OpenReturnRefusal
  | RefundRequestRefusal
  | 'RETURN.NOT_FOUND'
  | 'PARCEL.NOT_FOUND'
  | 'PARCEL.RECEIVED_ELSEWHERE'
  | 'POLICY.INVALID'
  | 'POLICY.NOT_FOUND'
  | 'POLICY.EFFECTIVE_IN_PAST'
  | 'STORE_CREDIT.INSUFFICIENT'
  | 'STORE_CREDIT.REFERENCE_REUSED';

/** Each refusal code's HTTP status; a new refusal code without one does not compile. */
export const RETURNS_REFUSAL_STATUS = {
  'ORDER.NOT_FOUND': HttpStatus.NOT_FOUND,
  'RETURN.NOT_FOUND': HttpStatus.NOT_FOUND,
  'AUTHORISATION.NOT_FOUND': HttpStatus.NOT_FOUND,
  'POLICY.NOT_FOUND': HttpStatus.NOT_FOUND,
  'PARCEL.NOT_FOUND': HttpStatus.NOT_FOUND,
  'REFUND_REQUEST.NOT_FOUND': HttpStatus.NOT_FOUND,
  'POLICY.INVALID': HttpStatus.BAD_REQUEST,
  'RETURN.ORDER_REQUIRED': HttpStatus.BAD_REQUEST,
  'RETURN.DUPLICATE_LINE': HttpStatus.BAD_REQUEST,
  'AUTHORISATION.USED': HttpStatus.CONFLICT,
  'RETURN.REQUEST_ID_REUSED': HttpStatus.CONFLICT,
  'RETURN.INVALID_TRANSITION': HttpStatus.CONFLICT,
  'STORE_CREDIT.INSUFFICIENT': HttpStatus.CONFLICT,
  'STORE_CREDIT.REFERENCE_REUSED': HttpStatus.CONFLICT,
  'PARCEL.RECEIVED_ELSEWHERE': HttpStatus.CONFLICT,
  'RETURN.PARCEL_NOT_RECEIVED': HttpStatus.CONFLICT,
  'RETURN.PARCEL_RECEIVED_ELSEWHERE': HttpStatus.CONFLICT,
  'REFUND_REQUEST.NOT_FAILED': HttpStatus.CONFLICT,
  'AUTHORISATION.EXPIRED': HttpStatus.UNPROCESSABLE_ENTITY,
  'AUTHORISATION.LINES_MISMATCH': HttpStatus.UNPROCESSABLE_ENTITY,
  'RETURN.UNKNOWN_LINE': HttpStatus.UNPROCESSABLE_ENTITY,
  'RETURN.REFUSED_BY_POLICY': HttpStatus.UNPROCESSABLE_ENTITY,
  'EXCHANGE.PAYMENT_REQUIRED': HttpStatus.UNPROCESSABLE_ENTITY,
  'EXCHANGE.PAYMENT_AMOUNT_MISMATCH': HttpStatus.UNPROCESSABLE_ENTITY,
  'EXCHANGE.PAYMENT_NOT_EXPECTED': HttpStatus.UNPROCESSABLE_ENTITY,
  'REFUND.METHOD_REQUIRED': HttpStatus.UNPROCESSABLE_ENTITY,
  'REFUND.NO_ACCOUNT': HttpStatus.UNPROCESSABLE_ENTITY,
  'POLICY.EFFECTIVE_IN_PAST': HttpStatus.UNPROCESSABLE_ENTITY,
  'RETURN.MAIL_NEEDS_AUTHORISATION': HttpStatus.UNPROCESSABLE_ENTITY,
  'EXCHANGE.NOTHING_TO_SHIP': HttpStatus.UNPROCESSABLE_ENTITY,
  'PRICE.NOT_LISTED': HttpStatus.UNPROCESSABLE_ENTITY,
  'PRICE.MISMATCH': HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies Record<ReturnsErrorCode, HttpStatus>;

/** An operation's error responses by refusal code, with the status the code is answered with. */
export const ReturnsProblems = problemsFrom(RETURNS_REFUSAL_STATUS);

/** The one place the returns service's refusal codes become problems. */
export function returnsProblem(code: ReturnsErrorCode, detail?: string, errors?: FieldProblem[]): ProblemException {
  return new ProblemException(RETURNS_REFUSAL_STATUS[code], code, detail ?? code, errors);
}

/**
 * A policy refusal names each refused line (`lines.<i>`, or the refund for the receipt-less
 * rules), the rule id and the refusal code: `rule` is `<code> <rule id>`, e.g. `POLICY.FINAL_SALE final-sale`.
 */
export function policyProblem(detail: string, refusals: readonly PolicyRefusal[], lineIds: readonly string[]): ProblemException {
  const errors = refusals.map((r) => ({
    field: r.lineId === null ? 'refundMethod' : `lines.${lineIds.indexOf(r.lineId)}`,
    rule: `${r.code} ${r.rule}`,
    message: r.detail,
  }));
  return returnsProblem('RETURN.REFUSED_BY_POLICY', detail, errors);
}
