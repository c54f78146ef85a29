import { Controller, Get, HttpCode, HttpStatus, OnModuleInit, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedRequest, invalidField, Metrics, RequireScopes, uuidParam } from '@omni/platform';
import { registerPaymentGauges } from '../application/payment-gauges';
import { PaymentRequestsUseCase } from '../application/payment-requests.use-case';
import { FailedPaymentRequestsView } from './order.api';
import { orderProblem, OrderProblems } from './order-problems';

const MAX_LISTED = 500;

/**
 * Captures and refunds the payment system refused, for the operators who settle them
 * (docs/operations.md, Runbook: PaymentRequestsFailed): the list, and sending one again.
 */
@ApiTags('payments')
@Controller('payment-requests')
export class PaymentRequestsHttpController implements OnModuleInit {
  constructor(
    private readonly requests: PaymentRequestsUseCase,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    registerPaymentGauges(this.metrics, () => this.requests.failedCounts());
  }

  @Get()
  @RequireScopes('payments:manage')
  @ApiOperation({
    summary: 'Payment requests the payment system refused',
    description: 'Every FAILED capture and refund, the oldest failure first, with the reason the payment system gave.',
  })
  @ApiQuery({ name: 'status', required: true, enum: ['FAILED'] })
  @ApiOkResponse({ type: FailedPaymentRequestsView })
  @ApiProblems(400)
  async list(@Query('status') status: string): Promise<FailedPaymentRequestsView> {
    if (status !== 'FAILED') {
      throw invalidField('status', 'isIn', 'status must be FAILED');
    }
    return { requests: await this.requests.failed(MAX_LISTED) };
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('payments:manage')
  @ApiOperation({
    summary: 'Send a refused payment request again',
    description:
      'The same capture, or the same refund under its refundId, goes to the payment system again; the request is REQUESTED until it answers. Audited in the log with the caller.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ description: 'Sent again' })
  @OrderProblems(400, ['PAYMENT_REQUEST.NOT_FOUND', 'No such payment request'], ['PAYMENT_REQUEST.NOT_FAILED', 'It is not FAILED: done, or sent again already'])
  async retry(@Param('id', uuidParam('id')) id: string, @Req() req: AuthenticatedRequest): Promise<{ id: string; status: 'REQUESTED' }> {
    const r = await this.requests.retry(id, req.principal?.sub ?? 'unknown');
    if (!r.ok) throw orderProblem(r.code, r.detail);
    return { id, status: 'REQUESTED' };
  }
}
