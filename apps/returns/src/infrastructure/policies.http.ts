import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Caller, Clock, Principal, RequireScopes } from '@omni/platform';
import { ReturnPolicyPublishedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { IsISO8601, IsObject } from 'class-validator';
import { DataSource } from 'typeorm';
import { policyInForce, policyProblems, ReturnPolicyDocument } from '../domain/policy';
import { policyRepository } from './policy.repository';
import { POLICY_DOCUMENT_SCHEMA, documentSchemaProblems } from './policy.schema';
import { PolicyListView, PolicyView } from './returns.api';
import { returnsProblem } from './returns-problems';
import { policyView } from './views';

/** Publishing may not rewrite the past: a version takes effect now or later (a minute of clock skew allowed). */
const SKEW_MS = 60_000;

export class PublishPolicyDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2030-01-01T00:00:00Z', description: 'when the version takes effect: now or later' })
  @IsISO8601({ strict: true })
  effectiveFrom: string;

  @ApiProperty({ ...POLICY_DOCUMENT_SCHEMA, description: 'the policy document (docs/returns.md)' } as never)
  @IsObject()
  document: ReturnPolicyDocument;
}

@ApiTags('return policy')
@Controller('return-policies')
export class PoliciesHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Post()
  @RequireScopes('admin')
  @ApiOperation({ summary: 'Publish a new version of the return policy', description: 'Numbered after the last one; in force from effectiveFrom until a later version takes effect. Returns record the version that decided them.' })
  @ApiBody({ type: PublishPolicyDto })
  @ApiResponse({ status: 201, description: 'The published version', type: PolicyView })
  @ApiProblems(400, [422, 'effectiveFrom is in the past (POLICY.EFFECTIVE_IN_PAST)'])
  async publish(@Body() body: PublishPolicyDto, @Caller() caller: Principal) {
    const schemaProblems = documentSchemaProblems(body.document);
    if (schemaProblems.length > 0) throw returnsProblem('POLICY.INVALID', schemaProblems.map((p) => p.message).join('; '), schemaProblems);
    const problems = policyProblems(body.document).map((p) => ({ field: `document.${p.field}`, rule: 'policy', message: `document.${p.field}: ${p.message}` }));
    if (problems.length > 0) throw returnsProblem('POLICY.INVALID', problems.map((p) => p.message).join('; '), problems);
    const now = this.clock.now();
    const effectiveFrom = new Date(body.effectiveFrom);
    if (effectiveFrom.getTime() < now.getTime() - SKEW_MS) throw returnsProblem('POLICY.EFFECTIVE_IN_PAST', `effectiveFrom ${body.effectiveFrom} is in the past`);
    const published = await this.dataSource.transaction(async (m) => {
      const p = await policyRepository.publish(m, effectiveFrom, body.document, caller.sub, now);
      await this.outbox.append(m, ReturnPolicyPublishedV1, { version: p.version, effectiveFrom: p.effectiveFrom.toISOString(), publishedBy: p.publishedBy, publishedAt: now.toISOString() }, now);
      return p;
    });
    return policyView(published);
  }

  @Get()
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'Every version of the return policy' })
  @ApiResponse({ status: 200, description: 'Versions, oldest first', type: PolicyListView })
  async list() {
    return { policies: (await policyRepository.all(this.dataSource.manager)).map(policyView) };
  }

  @Get('current')
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'The version in force now' })
  @ApiResponse({ status: 200, description: 'The version in force', type: PolicyView })
  @ApiProblems([404, 'None in force (POLICY.NOT_FOUND)'])
  async current() {
    const all = await policyRepository.all(this.dataSource.manager);
    const p = policyInForce(all, this.clock.now());
    if (!p) throw returnsProblem('POLICY.NOT_FOUND', 'no version in force');
    return policyView(all.find((x) => x.version === p.version)!);
  }
}
