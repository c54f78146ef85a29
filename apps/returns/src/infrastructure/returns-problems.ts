import { HttpStatus } from '@nestjs/common';
import { FieldProblem, ProblemException } from '@omni/platform';
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

function statusOf(code: ReturnsErrorCode): HttpStatus {
  switch (code) {
    case 'ORDER.NOT_FOUND':
    case 'RETURN.NOT_FOUND':
    case 'AUTHORISATION.NOT_FOUND':
    case 'POLICY.NOT_FOUND':
    case 'PARCEL.NOT_FOUND':
    case 'REFUND_REQUEST.NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'POLICY.INVALID':
    case 'RETURN.ORDER_REQUIRED':
    case 'RETURN.DUPLICATE_LINE':
      return HttpStatus.BAD_REQUEST;
    case 'AUTHORISATION.USED':
    case 'RETURN.REQUEST_ID_REUSED':
    case 'RETURN.INVALID_TRANSITION':
    case 'STORE_CREDIT.INSUFFICIENT':
    case 'STORE_CREDIT.REFERENCE_REUSED':
    case 'PARCEL.RECEIVED_ELSEWHERE':
    case 'RETURN.PARCEL_NOT_RECEIVED':
    case 'RETURN.PARCEL_RECEIVED_ELSEWHERE':
    case 'REFUND_REQUEST.NOT_FAILED':
      return HttpStatus.CONFLICT;
    case 'AUTHORISATION.EXPIRED':
    case 'AUTHORISATION.LINES_MISMATCH':
    case 'RETURN.UNKNOWN_LINE':
    case 'RETURN.REFUSED_BY_POLICY':
    case 'EXCHANGE.PAYMENT_REQUIRED':
    case 'EXCHANGE.PAYMENT_AMOUNT_MISMATCH':
    case 'EXCHANGE.PAYMENT_NOT_EXPECTED':
    case 'REFUND.METHOD_REQUIRED':
    case 'REFUND.NO_ACCOUNT':
    case 'POLICY.EFFECTIVE_IN_PAST':
    case 'RETURN.MAIL_NEEDS_AUTHORISATION':
    case 'EXCHANGE.NOTHING_TO_SHIP':
    case 'PRICE.NOT_LISTED':
    case 'PRICE.MISMATCH':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    default: {
      // A new refusal code that is not mapped here does not compile.
      const unmapped: never = code;
      throw new Error(`unmapped refusal ${String(unmapped)}`);
    }
  }
}

/** The one place the returns service's refusal codes become problems. */
export function returnsProblem(code: ReturnsErrorCode, detail?: string, errors?: FieldProblem[]): ProblemException {
  return new ProblemException(statusOf(code), code, detail ?? code, errors);
}

/**
 * A policy refusal names each refused line (`lines.<i>`, or the refund for the receipt-less
 * rules), the rule id and the refusal code: `rule` is `<code> <rule id>`, e.g. `POLICY.FINAL_SALE final-sale`.
 */
export function policyProblem(detail: string, refusals: readonly PolicyRefusal[], lineIds: readonly string[]): ProblemException {
  const errors = refusals.map((r) => ({ field: r.lineId === null ? 'refundMethod' : `lines.${lineIds.indexOf(r.lineId)}`, rule: `${r.code} ${r.rule}`, message: r.detail }));
  return returnsProblem('RETURN.REFUSED_BY_POLICY', detail, errors);
}
