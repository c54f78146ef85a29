import { applyDecorators, Get, Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS } from '@omni/contracts';
import { IsDateString, IsIn, IsString, Matches } from 'class-validator';
import { assertStore, Principal, RequireScopes } from './auth';
import { PlatformProblems } from './openapi';
import { ID_PATTERN, ID_REGEX } from './ids';
import { platformProblem } from './problem';
import { Optional } from './validation';

/**
 * The window every KPI endpoint takes (docs/kpis.md), whichever service answers it: from, to,
 * day or hour buckets in UTC, a store and a channel. Each endpoint says what falls in the window
 * (orders placed, returns completed, carts started) and which store and channel count.
 */
export const KPI_GRANULARITIES = ['day', 'hour'] as const;
export type KpiGranularity = (typeof KPI_GRANULARITIES)[number];

/** The widest window one request may ask for, per granularity (days). */
export const MAX_WINDOW_DAYS: Record<KpiGranularity, number> = { day: 400, hour: 14 };

export type WindowProblem = { field: 'from' | 'to'; rule: string; message: string };

/** A KPI window: `to` after `from`, no wider than its granularity allows. */
export function windowProblem(from: Date, to: Date, granularity: KpiGranularity): WindowProblem | null {
  if (to.getTime() <= from.getTime()) return { field: 'to', rule: 'isAfterFrom', message: 'to must be after from' };
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  if (days > MAX_WINDOW_DAYS[granularity]) {
    return { field: 'to', rule: 'maxWindow', message: `a window of ${granularity} buckets spans at most ${MAX_WINDOW_DAYS[granularity]} days` };
  }
  return null;
}

export class KpiQuery {
  @ApiProperty({
    format: 'date-time',
    description: 'start of the window (inclusive); each KPI says what it counts from then: orders placed, returns completed, carts started',
  })
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from: string;

  @ApiProperty({
    format: 'date-time',
    description: `end of the window (exclusive); at most ${MAX_WINDOW_DAYS.day} days after from with day buckets, ${MAX_WINDOW_DAYS.hour} with hour buckets`,
  })
  @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to: string;

  @ApiPropertyOptional({ enum: KPI_GRANULARITIES, default: 'day', description: 'bucket size, in UTC' })
  @Optional()
  @IsIn(KPI_GRANULARITIES)
  granularity?: KpiGranularity;

  @ApiPropertyOptional({
    pattern: ID_PATTERN,
    description:
      'only this store: the pickup store (click & collect, preorders), the location that ships (deliveries), the store whose POS placed the order (endless aisle), the store that took the return (returns), a store the cart was started or continued at (carts); a store token always sees its own store only',
  })
  @Optional()
  @IsString()
  @Matches(ID_REGEX, { message: 'storeId must be a store id (1-64 of A-Z a-z 0-9 . _ -)' })
  storeId?: string;

  @ApiPropertyOptional({ enum: CHANNELS, description: "only orders placed in this channel (the endless aisle is the POS's), or carts started in it" })
  @Optional()
  @IsIn(CHANNELS)
  channel?: string;
}

/** What every KPI answer starts with: the window it was asked for. */
export class KpiWindowView {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ enum: KPI_GRANULARITIES }) granularity: string;
}

/**
 * A KPI endpoint: `GET kpis/<path>` (under a `kpis` controller), scope `kpis:read`, answering
 * `view`, refusing a bad window (400) and another store than a store token's (403).
 */
export function KpiEndpoint(path: string, summary: string, description: string, view: Type<KpiWindowView>): MethodDecorator {
  return applyDecorators(
    Get(path),
    RequireScopes('kpis:read'),
    ApiOperation({ summary, description }),
    ApiOkResponse({ type: view }),
    PlatformProblems(
      ['REQUEST.INVALID', 'from, to, granularity, storeId or channel breaks its rule, or the window is too wide'],
      ['AUTH.FORBIDDEN', "Another store than the token's"],
    ),
  );
}

export interface KpiWindow {
  readonly from: Date;
  readonly to: Date;
  readonly granularity: KpiGranularity;
  readonly storeId: string | null;
  readonly channel: string | null;
}

/** The window and filters asked for, checked (400 naming the field); a store token is held to its own store (403). */
export function kpiWindowOf(q: KpiQuery, caller: Principal): KpiWindow {
  const [from, to, granularity] = [new Date(q.from), new Date(q.to), q.granularity ?? 'day'];
  const problem = windowProblem(from, to, granularity);
  if (problem) throw platformProblem('REQUEST.INVALID', problem.message, [problem]);
  if (caller.storeId !== null && q.storeId !== undefined) assertStore(caller, q.storeId);
  return { from, to, granularity, storeId: caller.storeId ?? q.storeId ?? null, channel: q.channel ?? null };
}

/** SQL for the start of the UTC bucket (`$n` the granularity) a timestamp column falls in, as an ISO 8601 string. */
export const bucketSql = (column: string, granularityParam: string): string =>
  `to_char(date_trunc(${granularityParam}, ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"')`;
