import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { assertCustomer, Caller, invalidField, Principal, RequireScopes, NestedArray, Optional, ID_PATTERN, ID_REGEX } from '@omni/platform';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { AuthoriseReturnUseCase } from '../application/authorise-return.use-case';
import { RETURN_METHODS, ReturnMethod } from '../domain/parcel.machine';
import { AuthorisationView } from './returns.api';
import { policyProblem, returnsProblem, ReturnsProblems } from './returns-problems';
import { authorisationView } from './views';
import { ReturnsQueries } from '../application/returns.queries';

export class AuthorisedLineDto {
  @ApiProperty({ format: 'uuid', description: 'order line', example: '6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f' })
  @IsUUID()
  lineId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10000, example: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  quantity: number;
}

export class AuthoriseReturnDto {
  @ApiProperty({ format: 'uuid', description: 'the order', example: '6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f' })
  @IsUUID()
  orderId: string;

  @ApiProperty({ type: () => AuthorisedLineDto, isArray: true, minItems: 1, maxItems: 100 })
  @NestedArray(() => AuthorisedLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: AuthorisedLineDto[];

  @ApiPropertyOptional({
    enum: RETURN_METHODS,
    default: 'drop-off',
    description:
      'drop-off: brought to any store; mail: sent with a prepaid carrier label (in the answer) to returnTo, refunded once received and inspected there',
  })
  @Optional()
  @IsIn(RETURN_METHODS)
  method?: ReturnMethod;

  @ApiPropertyOptional({
    type: String,
    pattern: ID_PATTERN,
    example: 'WH-PARIS',
    description: 'with method mail (required then): the warehouse or store the parcel is addressed to',
  })
  @Optional()
  @Matches(ID_REGEX, { message: 'returnTo must be a location id: 1-64 letters, digits, dot, dash or underscore' })
  returnTo?: string;
}

@ApiTags('return authorisations')
@Controller('return-authorisations')
export class AuthorisationsHttpController {
  constructor(
    private readonly authorise: AuthoriseReturnUseCase,
    private readonly queries: ReturnsQueries,
  ) {}

  @Post()
  @RequireScopes('returns:request')
  @ApiOperation({
    summary: 'Start a return online, to drop at a store or to send by mail',
    description:
      'The customer names the lines to bring back; the policy is checked (all but the condition) and a code lets any store take them back within 14 days. With method mail, the carrier labels the parcel to returnTo at once: the answer carries the label and tracking number (return.label-issued); the carrier reports its way (POST /parcels/{trackingNumber}/tracking), returnTo scans it in (POST /stores/{storeId}/parcels/{trackingNumber}/receipt) and then inspects it (POST /stores/{storeId}/returns with channel mail), which refunds it.',
  })
  @ApiBody({ type: AuthoriseReturnDto })
  @ApiResponse({ status: 201, description: 'The authorisation with its code, and for mail the parcel with its label', type: AuthorisationView })
  @ReturnsProblems(
    400,
    ['ORDER.NOT_FOUND', 'No such order'],
    ['RETURN.REFUSED_BY_POLICY', 'Refused by the policy, naming each rule (RETURN.REFUSED_BY_POLICY); an unknown line'],
  )
  async create(@Body() body: AuthoriseReturnDto, @Caller() caller: Principal) {
    const lineIds = body.lines.map((l) => l.lineId);
    if (new Set(lineIds).size !== lineIds.length) throw invalidField('lines', 'unique', 'each line once', 'lines: a line is listed twice');
    const method = body.method ?? 'drop-off';
    if (method === 'mail' && body.returnTo === undefined)
      throw invalidField(
        'returnTo',
        'requiredWithMail',
        'a return by mail names the warehouse or store the parcel goes to',
        'returnTo: required with method mail',
      );
    if (method === 'drop-off' && body.returnTo !== undefined)
      throw invalidField('returnTo', 'onlyWithMail', 'a drop-off is taken back at any store: returnTo is for method mail', 'returnTo: only with method mail');
    const how = method === 'mail' ? { method, returnTo: body.returnTo! } : { method };
    const r = await this.authorise.execute(body.orderId, body.lines, (owner) => assertCustomer(caller, owner ?? undefined), how);
    if (!r.ok) {
      if (r.code === 'RETURN.REFUSED_BY_POLICY') throw policyProblem(r.detail, r.refusals!, lineIds);
      throw returnsProblem(r.code, r.detail);
    }
    return authorisationView(r.authorisation);
  }

  @Get(':code')
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'A return authorisation, as the store scans its code' })
  @ApiParam({ name: 'code', schema: { type: 'string', pattern: '^[0-9A-Z]{8}$' } })
  @ApiResponse({ status: 200, description: 'The authorisation', type: AuthorisationView })
  @ReturnsProblems(['REQUEST.INVALID', 'Not a code'], ['AUTHORISATION.NOT_FOUND', 'No such authorisation'])
  async get(@Param('code') code: string, @Caller() caller: Principal) {
    if (!/^[0-9A-Z]{8}$/.test(code)) throw invalidField('code', 'matches', 'code must be 8 capital letters or digits');
    const a = await this.queries.authorisation(code);
    assertCustomer(caller, a ? a.customerId : undefined);
    if (!a) throw returnsProblem('AUTHORISATION.NOT_FOUND', `no return authorisation ${code}`);
    return authorisationView(a);
  }
}
