import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Caller, Principal, RequireScopes } from '@omni/platform';
import { IsISO8601, IsObject } from 'class-validator';
import { PoliciesUseCase } from '../application/policies.use-case';
import { ReturnsQueries } from '../application/returns.queries';
import { ReturnPolicyDocument } from '../domain/policy';
import { POLICY_DOCUMENT_SCHEMA, documentSchemaProblems } from './policy.schema';
import { PolicyListView, PolicyView } from './returns.api';
import { returnsProblem, ReturnsProblems } from './returns-problems';
import { policyView } from './views';

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
    private readonly policies: PoliciesUseCase,
    private readonly queries: ReturnsQueries,
  ) {}

  @Post()
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Publish a new version of the return policy',
    description: 'Numbered after the last one; in force from effectiveFrom until a later version takes effect. Returns record the version that decided them.',
  })
  @ApiBody({ type: PublishPolicyDto })
  @ApiResponse({ status: 201, description: 'The published version', type: PolicyView })
  @ReturnsProblems(400, ['POLICY.EFFECTIVE_IN_PAST', 'effectiveFrom is in the past'])
  async publish(@Body() body: PublishPolicyDto, @Caller() caller: Principal) {
    const schemaProblems = documentSchemaProblems(body.document);
    if (schemaProblems.length > 0) throw returnsProblem('POLICY.INVALID', schemaProblems.map((p) => p.message).join('; '), schemaProblems);
    const published = await this.policies.publish(new Date(body.effectiveFrom), body.document, caller.sub);
    if (!published.ok) throw returnsProblem(published.code, published.detail, published.errors);
    return policyView(published.policy);
  }

  @Get()
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'Every version of the return policy' })
  @ApiResponse({ status: 200, description: 'Versions, oldest first', type: PolicyListView })
  async list() {
    return { policies: (await this.queries.policyVersions()).all.map(policyView) };
  }

  @Get('current')
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'The version in force now' })
  @ApiResponse({ status: 200, description: 'The version in force', type: PolicyView })
  @ReturnsProblems(['POLICY.NOT_FOUND', 'None in force'])
  async current() {
    const { inForce } = await this.queries.policyVersions();
    if (!inForce) throw returnsProblem('POLICY.NOT_FOUND', 'no version in force');
    return policyView(inForce);
  }
}
