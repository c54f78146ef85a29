import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PARCEL_TRACKING_STATUSES, ParcelTrackingStatus } from '@omni/contracts';
import { assertId, Caller, ID_PATTERN, invalidField, Principal, RequireScopes, StoreScoped } from '@omni/platform';
import { IsDateString, IsIn } from 'class-validator';
import { ParcelResult, ParcelUseCase } from '../application/parcel.use-case';
import { AuthorisationView } from './returns.api';
import { returnsProblem, ReturnsProblems } from './returns-problems';
import { authorisationView } from './views';

const TRACKING_PATTERN = '^[0-9A-Za-z-]{1,64}$';
const TRACKING_REGEX = new RegExp(TRACKING_PATTERN);

export class TrackingReportDto {
  @ApiProperty({
    enum: PARCEL_TRACKING_STATUSES,
    example: 'IN_TRANSIT',
    description: 'IN_TRANSIT once the carrier has the parcel, DELIVERED at the address on the label',
  })
  @IsIn(PARCEL_TRACKING_STATUSES)
  status: ParcelTrackingStatus;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-03T10:00:00Z', description: 'when it happened, as the carrier says' })
  @IsDateString({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at: string;
}

function trackingNumberOf(raw: string): string {
  if (!TRACKING_REGEX.test(raw)) throw invalidField('trackingNumber', 'matches', 'trackingNumber must be 1-64 letters, digits or dashes');
  return raw;
}

function answer(r: ParcelResult) {
  if (!r.ok) throw returnsProblem(r.code, r.detail);
  return authorisationView(r.authorisation);
}

/** A return parcel by mail: what the carrier reports, and its receipt at a warehouse or store (docs/returns.md, "By mail"). */
@ApiTags('return parcels')
@Controller()
export class ParcelsHttpController {
  constructor(private readonly parcels: ParcelUseCase) {}

  @Post('parcels/:trackingNumber/tracking')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('deliveries:report')
  @ApiOperation({
    summary: 'The carrier reports a return parcel on its way',
    description:
      'Records IN_TRANSIT or DELIVERED once (return.parcel-tracked); a report the parcel has already reached or passed (a retry, a late report) changes nothing. The stand-in carrier of the demo and the tests is told to report by calling this.',
  })
  @ApiParam({ name: 'trackingNumber', schema: { type: 'string', pattern: TRACKING_PATTERN } })
  @ApiBody({ type: TrackingReportDto })
  @ApiResponse({ status: 200, description: 'The authorisation with its parcel', type: AuthorisationView })
  @ReturnsProblems(400, ['PARCEL.NOT_FOUND', 'No parcel with this tracking number'])
  async track(@Param('trackingNumber') trackingNumber: string, @Body() body: TrackingReportDto) {
    return answer(await this.parcels.track(trackingNumberOf(trackingNumber), body.status, new Date(body.at)));
  }

  @Post('stores/:storeId/parcels/:trackingNumber/receipt')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('store:operate')
  @StoreScoped('storeId')
  @ApiOperation({
    summary: 'A warehouse or store scans a return parcel in',
    description:
      'RECEIVED here, with the associate (return.parcel-received); scanning it again here changes nothing. Then inspect its units with POST /stores/{storeId}/returns (channel mail, the authorisation code): that refunds them, exactly as a return at a store. Before this scan, that inspection is refused (RETURN.PARCEL_NOT_RECEIVED).',
  })
  @ApiParam({ name: 'storeId', description: 'the receiving warehouse or store', schema: { type: 'string', pattern: ID_PATTERN, example: 'WH-PARIS' } })
  @ApiParam({ name: 'trackingNumber', schema: { type: 'string', pattern: TRACKING_PATTERN } })
  @ApiResponse({ status: 200, description: 'The authorisation with its parcel RECEIVED', type: AuthorisationView })
  @ReturnsProblems(400, ['PARCEL.NOT_FOUND', 'No parcel with this tracking number'], ['PARCEL.RECEIVED_ELSEWHERE', 'Already received at another location'])
  async receive(@Param('storeId') storeId: string, @Param('trackingNumber') trackingNumber: string, @Caller() caller: Principal) {
    assertId('storeId', storeId);
    return answer(await this.parcels.receive(trackingNumberOf(trackingNumber), storeId, caller.associateId));
  }
}
