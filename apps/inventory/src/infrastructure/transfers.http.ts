import { Body, Controller, Get, HttpCode, HttpStatus, OnModuleInit, Param, Post, Query } from '@nestjs/common';
import { assertTransferStore, Caller, forbidden, invalidField, Metrics, Principal, RequireScopes, ID_PATTERN } from '@omni/platform';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { LocationTransfersView, OverdueTransfersView, TransferDetailView, TransferView } from './inventory.api';
import { registerTransferGauges } from '../application/transfer-gauges';
import { TransfersUseCase } from '../application/transfers.use-case';
import { Transfer } from '../domain/transfer.machine';
import { checkParams, problemFor, InventoryProblems } from './problems';
import { InventoryQueries } from '../application/inventory.queries';

function transferView(t: Transfer) {
  return {
    transferId: t.id,
    orderId: t.orderId,
    fromLocationId: t.fromLocationId,
    toLocationId: t.toLocationId,
    status: t.status,
    expectedArrivalAt: t.expectedArrivalAt.toISOString(),
  };
}

/** A store-bound token ships and receives only transfers from or to its store; an unknown transfer is refused the same way. */
async function assertTransferOfStore(queries: InventoryQueries, p: Principal, id: string): Promise<void> {
  if (p.storeId === null) return;
  const t = await queries.transfer(id);
  if (!t) throw forbidden(`the token acts only for transfers from or to ${p.storeId}`);
  assertTransferStore(p, t);
}

export class DeclareTransferLostDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'carrier reports the pallet lost',
    description: 'why the transfer is declared lost; carried by inventory.transfer-lost',
  })
  @IsString()
  @Length(1, 200)
  reason: string;
}

@ApiTags('transfers')
@Controller()
export class TransfersHttpController implements OnModuleInit {
  constructor(
    private readonly transfers: TransfersUseCase,
    private readonly queries: InventoryQueries,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    registerTransferGauges(this.metrics, () => this.queries.overdueTransferCounts());
  }

  // Declared before transfers/:id, which would otherwise take "overdue" for an id.
  @Get('transfers/overdue')
  @ApiOperation({
    summary: 'Transfers past their expected arrival and not received',
    description:
      'REQUESTED ones the source has not shipped and SHIPPED ones that have not arrived, the longest overdue first; a store token sees those from or to its store. Counted by the transfers_overdue gauge (docs/operations.md, runbook TransfersOverdue).',
  })
  @ApiOkResponse({ type: OverdueTransfersView })
  @RequireScopes('inventory:read')
  async overdue(@Caller() caller: Principal): Promise<OverdueTransfersView> {
    return { transfers: (await this.queries.overdueTransfers(caller.storeId)).map(transferView) };
  }

  @Get('transfers/:id')
  @ApiOperation({ summary: 'A transfer and the order lines it carries' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'transfer id' })
  @ApiOkResponse({ description: 'The transfer', type: TransferDetailView })
  @InventoryProblems(['REQUEST.INVALID', 'id is not a UUID'], ['TRANSFER.NOT_FOUND', 'No such transfer'])
  @RequireScopes('inventory:read')
  async get(@Param('id') id: string) {
    checkParams({ id }, 'uuid');
    const found = await this.queries.transferWithLines(id);
    if (!found) throw problemFor('TRANSFER.NOT_FOUND', `no transfer ${id}`);
    return { ...transferView(found.transfer), lines: found.lines.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity })) };
  }

  @Post('transfers/:id/ship')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The source has shipped the transfer' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'transfer id' })
  @ApiOkResponse({ description: 'The transfer, SHIPPED', type: TransferView })
  @InventoryProblems(['REQUEST.INVALID', 'id is not a UUID'], ['TRANSFER.NOT_FOUND', 'No such transfer'], ['TRANSFER.INVALID_TRANSITION', 'Not REQUESTED'])
  @RequireScopes('transfers:operate')
  async ship(@Param('id') id: string, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await assertTransferOfStore(this.queries, caller, id);
    const d = await this.transfers.ship(id);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return transferView(d.state);
  }

  @Post('transfers/:id/receive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The store has received the transfer', description: 'Moves the units and their reservations to the store.' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'transfer id' })
  @ApiOkResponse({ description: 'The transfer, RECEIVED', type: TransferView })
  @InventoryProblems(['REQUEST.INVALID', 'id is not a UUID'], ['TRANSFER.NOT_FOUND', 'No such transfer'], ['TRANSFER.INVALID_TRANSITION', 'Not SHIPPED'])
  @RequireScopes('transfers:operate')
  async receive(@Param('id') id: string, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await assertTransferOfStore(this.queries, caller, id);
    const d = await this.transfers.receive(id);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return transferView(d.state);
  }

  @Post('transfers/:id/lost')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Declare a shipped transfer lost: it never arrived',
    description:
      'Writes its units off, and looks for what it carried for a live order again by the sourcing rule: at the destination itself, or at another location with a new transfer. Units found nowhere are given up by the order (cancelled and refunded). One inventory.transfer-lost tells the order service. docs/click-and-collect.md, runbook TransfersOverdue.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'transfer id' })
  @ApiOkResponse({ description: 'The transfer, LOST', type: TransferView })
  @InventoryProblems(400, ['TRANSFER.NOT_FOUND', 'No such transfer'], ['TRANSFER.INVALID_TRANSITION', 'Not SHIPPED'])
  @RequireScopes('transfers:operate')
  async lost(@Param('id') id: string, @Body() body: DeclareTransferLostDto, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await assertTransferOfStore(this.queries, caller, id);
    const d = await this.transfers.declareLost(id, body.reason);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return transferView(d.state);
  }

  @Get('locations/:id/transfers')
  @ApiOperation({ summary: 'Transfers into or out of a location' })
  @ApiParam({ name: 'id', description: 'location id', schema: { type: 'string', pattern: ID_PATTERN, example: 'PARIS' } })
  @ApiQuery({ name: 'direction', enum: ['inbound', 'outbound'], required: true })
  @ApiOkResponse({ description: 'The transfers', type: LocationTransfersView })
  @InventoryProblems(['REQUEST.INVALID', 'id or direction breaks its rule'])
  @RequireScopes('inventory:read')
  async ofLocation(@Param('id') id: string, @Query('direction') direction: string) {
    checkParams({ id });
    if (direction !== 'inbound' && direction !== 'outbound') {
      throw invalidField('direction', 'isIn', 'direction must be one of: inbound, outbound');
    }
    const transfers = await this.queries.transfersOf(id, direction);
    return { locationId: id, direction, transfers: transfers.map(transferView) };
  }
}
