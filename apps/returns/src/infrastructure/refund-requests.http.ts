import { Controller, Get, HttpCode, HttpStatus, OnModuleInit, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedRequest, invalidField, Metrics, RequireScopes, uuidParam } from '@omni/platform';
import { registerRefundGauges } from '../application/refund-gauges';
import { RefundRequestsUseCase } from '../application/refund-requests.use-case';
import { FailedRefundRequestsView } from './returns.api';
import { returnsProblem, ReturnsProblems } from './returns-problems';

const MAX_LISTED = 500;

/**
 * Refunds of returns the payment system refused, for the operators who settle them
 * (docs/operations.md, Runbook: ReturnRefundsFailed): the list, and sending one again.
 */
@ApiTags('refunds')
@Controller('refund-requests')
export class RefundRequestsHttpController implements OnModuleInit {
  constructor(
    private readonly requests: RefundRequestsUseCase,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    registerRefundGauges(this.metrics, () => this.requests.failedCount());
  }

  @Get()
  @RequireScopes('payments:manage')
  @ApiOperation({
    summary: 'Refunds of returns the payment system refused',
    description: 'Every failed refund request, the oldest failure first, with the reason the payment system gave.',
  })
  @ApiQuery({ name: 'status', required: true, enum: ['FAILED'] })
  @ApiOkResponse({ type: FailedRefundRequestsView })
  @ApiProblems(400)
  async list(@Query('status') status: string): Promise<FailedRefundRequestsView> {
    if (status !== 'FAILED') {
      throw invalidField('status', 'isIn', 'status must be FAILED');
    }
    const failed = await this.requests.failed(MAX_LISTED);
    return { requests: failed.map((r) => ({ ...r, tenders: [...r.tenders], failedAt: r.failedAt.toISOString() })) };
  }

  @Post(':refundId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('payments:manage')
  @ApiOperation({
    summary: 'Send a refused refund again',
    description:
      'The same return.refund-requested, under the same refundId, goes to the payment system again; the refund waits for its answer until then. Audited in the log with the caller.',
  })
  @ApiParam({ name: 'refundId', format: 'uuid' })
  @ApiOkResponse({ description: 'Sent again' })
  @ReturnsProblems(400, ['REFUND_REQUEST.NOT_FOUND', 'No such refund'], ['REFUND_REQUEST.NOT_FAILED', 'It is not failed: settled, or sent again already'])
  async retry(
    @Param('refundId', uuidParam('refundId')) refundId: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ refundId: string; status: 'REQUESTED' }> {
    const r = await this.requests.retry(refundId, req.principal?.sub ?? 'unknown');
    if (!r.ok) throw returnsProblem(r.code, r.detail);
    return { refundId, status: 'REQUESTED' };
  }
}
