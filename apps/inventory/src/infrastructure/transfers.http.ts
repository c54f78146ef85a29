import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { assertTransferStore, Caller, forbidden, Principal, RequireScopes } from '@omni/platform';
import { DataSource } from 'typeorm';
import { TransfersUseCase } from '../application/transfers.use-case';
import { Transfer } from '../domain/transfer.machine';
import { badRequest, checkParams, problemFor } from './problems';
import { reservationRepository } from './reservation.repository';
import { transferRepository } from './transfer.repository';

function transferView(t: Transfer) {
  return { transferId: t.id, orderId: t.orderId, fromLocationId: t.fromLocationId, toLocationId: t.toLocationId, status: t.status, expectedArrivalAt: t.expectedArrivalAt.toISOString() };
}

/** A store-bound token ships and receives only transfers from or to its store; an unknown transfer is refused the same way. */
async function assertTransferOfStore(dataSource: DataSource, p: Principal, id: string): Promise<void> {
  if (p.storeId === null) return;
  const t = await transferRepository.find(dataSource.manager, id);
  if (!t) throw forbidden(`the token acts only for transfers from or to ${p.storeId}`);
  assertTransferStore(p, t);
}

@Controller()
export class TransfersHttpController {
  constructor(
    private readonly transfers: TransfersUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get('transfers/:id')
  @RequireScopes('inventory:read')
  async get(@Param('id') id: string) {
    checkParams({ id }, 'uuid');
    const t = await transferRepository.find(this.dataSource.manager, id);
    if (!t) throw problemFor('TRANSFER.NOT_FOUND', `no transfer ${id}`);
    const lines = (await reservationRepository.ofTransfer(this.dataSource.manager, id)).map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity }));
    return { ...transferView(t), lines };
  }

  @Post('transfers/:id/ship')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('transfers:operate')
  async ship(@Param('id') id: string, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await assertTransferOfStore(this.dataSource, caller, id);
    const d = await this.transfers.ship(id);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return transferView(d.state);
  }

  @Post('transfers/:id/receive')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('transfers:operate')
  async receive(@Param('id') id: string, @Caller() caller: Principal) {
    checkParams({ id }, 'uuid');
    await assertTransferOfStore(this.dataSource, caller, id);
    const d = await this.transfers.receive(id);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return transferView(d.state);
  }

  @Get('locations/:id/transfers')
  @RequireScopes('inventory:read')
  async ofLocation(@Param('id') id: string, @Query('direction') direction: string) {
    checkParams({ id });
    if (direction !== 'inbound' && direction !== 'outbound') {
      throw badRequest([{ field: 'direction', rule: 'isIn', message: 'direction must be one of: inbound, outbound' }]);
    }
    const transfers = await transferRepository.ofLocation(this.dataSource.manager, id, direction);
    return { locationId: id, direction, transfers: transfers.map(transferView) };
  }
}
