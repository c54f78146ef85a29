import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@omni/platform';
import { RebuildRunningError, RebuildTimelineUseCase } from '../application/rebuild-timeline.use-case';
import { RebuildView } from './customer.api';
import { customerProblem, CustomerProblems } from './customer-problems';

@ApiTags('admin')
@Controller('admin/timeline')
export class AdminHttpController {
  constructor(private readonly rebuilds: RebuildTimelineUseCase) {}

  @Post('rebuild')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Rebuild the timeline from the topics, from the beginning',
    description:
      'Re-reads the timeline topics up to their current end with a throw-away consumer group, then replaces the entries of those offsets in one transaction; the service keeps serving meanwhile (docs/operations.md). Answers when done.',
  })
  @ApiOkResponse({ type: RebuildView })
  @CustomerProblems(['TIMELINE.REBUILD_RUNNING', 'A rebuild is running in this instance'])
  async rebuild() {
    try {
      return await this.rebuilds.rebuild();
    } catch (e) {
      if (e instanceof RebuildRunningError) throw customerProblem('TIMELINE.REBUILD_RUNNING', e.message);
      throw e;
    }
  }
}
