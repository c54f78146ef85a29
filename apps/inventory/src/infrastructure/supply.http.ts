import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Caller, forbidden, Principal, RequireScopes, ID_REGEX, ID_PATTERN } from '@omni/platform';
import { IsDateString, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { quantity } from '@omni/contracts';
import { SupplyUseCase } from '../application/supply.use-case';
import type { StoredEntry, Supply } from '../application/ports/preorder.port';
import { checkParams, problemFor, InventoryProblems } from './problems';
import { InventoryQueries } from '../application/inventory.queries';

/**
 * A supply line's units: inventory.supply-changed.v1 carries them with the events' line quantity
 * bound, so the API takes no more (a larger delivery is announced as several lines).
 */
const MAX_SUPPLY_QUANTITY = quantity.maximum as number;

export class AnnounceSupplyDto {
  @ApiProperty({ example: 'CONSOLE-X', pattern: ID_PATTERN })
  @IsString()
  @Matches(ID_REGEX, { message: 'sku must be 1-64 letters, digits, dot, dash or underscore' })
  sku: string;

  @ApiProperty({ example: 'WH-NORD', description: 'destination: a warehouse or a store', pattern: ID_PATTERN })
  @IsString()
  @Matches(ID_REGEX, { message: 'locationId must be 1-64 letters, digits, dot, dash or underscore' })
  locationId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SUPPLY_QUANTITY, example: 40, description: 'units announced: at most what one event line carries' })
  @IsInt()
  @Min(1)
  @Max(MAX_SUPPLY_QUANTITY)
  quantity: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-04T08:00:00Z' })
  @IsDateString({ strict: true }, { message: 'expectedAt must be an ISO 8601 date-time' })
  expectedAt: string;

  @ApiProperty({ minLength: 1, maxLength: 64, example: 'PO-1001', description: 'purchase order or shipment reference' })
  @IsString()
  @Length(1, 64)
  reference: string;
}

export class RedateSupplyDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-11T08:00:00Z', description: 'new expected arrival' })
  @IsDateString({ strict: true }, { message: 'expectedAt must be an ISO 8601 date-time' })
  expectedAt: string;
}

export class ReceiveSupplyDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_SUPPLY_QUANTITY, example: 40, description: 'units that actually arrived (at most those announced)' })
  @IsInt()
  @Min(0)
  @Max(MAX_SUPPLY_QUANTITY)
  quantity: number;
}

export class SupplyView {
  @ApiProperty({ format: 'uuid' }) supplyId: string;
  @ApiProperty() sku: string;
  @ApiProperty() locationId: string;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ format: 'date-time' }) expectedAt: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: ['EXPECTED', 'RECEIVED', 'CANCELLED'] }) status: string;
  @ApiProperty({ type: 'integer' }) receivedQuantity: number;
}

export class QueueEntryView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'uuid' }) fulfilmentId: string;
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty({ type: 'integer', description: 'order of placement at the store, gap-free' }) sequence: number;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({
    type: 'integer',
    description:
      'units held for the line at its store so far: a waiting line is served unit by unit as supply arrives, and is ALLOCATED once it holds them all',
  })
  allocated: number;
  @ApiProperty({ enum: ['WAITING', 'ALLOCATED', 'CANCELLED'] }) status: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'place among those still waiting' }) position: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) estimatedAt: string | null;
}

export class QueueView {
  @ApiProperty() storeId: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: () => QueueEntryView, isArray: true }) entries: QueueEntryView[];
}

const supplyView = (s: Supply): SupplyView => ({
  supplyId: s.id,
  sku: s.sku,
  locationId: s.locationId,
  quantity: s.quantity,
  expectedAt: s.expectedAt.toISOString(),
  reference: s.reference,
  status: s.status,
  receivedQuantity: s.receivedQuantity,
});

const entryView = (e: StoredEntry): QueueEntryView => ({
  orderId: e.orderId,
  fulfilmentId: e.fulfilmentId,
  lineId: e.lineId,
  sequence: e.sequence,
  quantity: e.quantity,
  allocated: e.allocated,
  status: e.status,
  position: e.position,
  estimatedAt: e.estimatedAt?.toISOString() ?? null,
});

/** A store token manages supply coming to its own store only. */
function assertDestination(p: Principal, locationId: string): void {
  if (p.storeId !== null && p.storeId !== locationId) throw forbidden(`the token acts for ${p.storeId} only`);
}

/** Incoming supply (purchase orders, inbound shipments) and the preorder queues it feeds (docs/preorders.md). */
@ApiTags('supply')
@Controller()
export class SupplyHttpController {
  constructor(
    private readonly supply: SupplyUseCase,
    private readonly queries: InventoryQueries,
  ) {}

  @Post('supply')
  @RequireScopes('inventory:write')
  @ApiOperation({ summary: 'Announce incoming supply of a SKU to a warehouse or store', description: 'Moves the estimates of the preorders it can serve.' })
  @ApiBody({ type: AnnounceSupplyDto })
  @ApiResponse({ status: 201, description: 'The supply, EXPECTED', type: SupplyView })
  @InventoryProblems(400, ['LOCATION.NOT_FOUND', 'No such location'])
  async announce(@Body() body: AnnounceSupplyDto, @Caller() caller: Principal) {
    assertDestination(caller, body.locationId);
    const d = await this.supply.announce({
      sku: body.sku,
      locationId: body.locationId,
      quantity: body.quantity,
      expectedAt: new Date(body.expectedAt),
      reference: body.reference,
    });
    if (!d.ok) throw problemFor(d.code, d.detail);
    return supplyView(d.state);
  }

  @Get('supply/:id')
  @RequireScopes('inventory:read')
  @ApiOperation({ summary: 'One supply' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SupplyView })
  @InventoryProblems(['REQUEST.INVALID', 'id is not a UUID'], ['SUPPLY.NOT_FOUND', 'No such supply'])
  async get(@Param('id') id: string) {
    checkParams({ id }, 'uuid');
    const s = await this.queries.supply(id);
    if (!s) throw problemFor('SUPPLY.NOT_FOUND', `no supply ${id}`);
    return supplyView(s);
  }

  @Patch('supply/:id')
  @RequireScopes('inventory:write')
  @ApiOperation({
    summary: 'Re-date expected supply (a late shipment)',
    description: 'Every preorder waiting for it gets a new estimate; a later one is told to the customer.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: RedateSupplyDto })
  @ApiOkResponse({ type: SupplyView })
  @InventoryProblems(
    400,
    ['AUTH.FORBIDDEN', 'Supply to another store'],
    ['SUPPLY.NOT_FOUND', 'No such supply'],
    ['SUPPLY.NOT_EXPECTED', 'Already received or cancelled'],
  )
  async redate(@Param('id') id: string, @Body() body: RedateSupplyDto, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await this.assertOwn(caller, id);
    const d = await this.supply.redate(id, new Date(body.expectedAt));
    if (!d.ok) throw problemFor(d.code, d.detail);
    return supplyView(d.state);
  }

  @Post('supply/:id/receipt')
  @RequireScopes('inventory:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Receive supply', description: 'The units go on hand at the destination and to the preorder queues first come, first served.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: ReceiveSupplyDto })
  @ApiOkResponse({ type: SupplyView })
  @InventoryProblems(
    400,
    ['AUTH.FORBIDDEN', 'Supply to another store'],
    ['SUPPLY.NOT_FOUND', 'No such supply'],
    ['SUPPLY.NOT_EXPECTED', 'Already received or cancelled'],
    ['SUPPLY.OVER_RECEIVED', 'More units than announced'],
  )
  async receive(@Param('id') id: string, @Body() body: ReceiveSupplyDto, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await this.assertOwn(caller, id);
    const d = await this.supply.receive(id, body.quantity);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return supplyView(d.state);
  }

  @Post('supply/:id/cancel')
  @RequireScopes('inventory:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel expected supply', description: 'The preorders that counted on it get new estimates.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SupplyView })
  @InventoryProblems(
    ['REQUEST.INVALID', 'id is not a UUID'],
    ['AUTH.FORBIDDEN', 'Supply to another store'],
    ['SUPPLY.NOT_FOUND', 'No such supply'],
    ['SUPPLY.NOT_EXPECTED', 'Already received or cancelled'],
  )
  async cancel(@Param('id') id: string, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await this.assertOwn(caller, id);
    const d = await this.supply.cancel(id);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return supplyView(d.state);
  }

  @Get('locations/:storeId/preorder-queues/:sku')
  @RequireScopes('inventory:read')
  @ApiOperation({ summary: "A store's preorder queue for a SKU, in placement order" })
  @ApiParam({ name: 'storeId', schema: { type: 'string', pattern: ID_PATTERN } })
  @ApiParam({ name: 'sku', schema: { type: 'string', pattern: ID_PATTERN } })
  @ApiOkResponse({ type: QueueView })
  @InventoryProblems(['REQUEST.INVALID', 'A path value breaks its rule'])
  async queue(@Param('storeId') storeId: string, @Param('sku') sku: string) {
    checkParams({ storeId, sku });
    return { storeId, sku, entries: (await this.queries.preorderQueue(storeId, sku)).map(entryView) };
  }

  private async assertOwn(caller: Principal, id: string): Promise<void> {
    if (caller.storeId === null) return;
    const s = await this.queries.supply(id);
    // An unknown supply is refused like another store's: nothing leaks.
    if (!s || s.locationId !== caller.storeId) throw forbidden(`the token acts for ${caller.storeId} only`);
  }
}
