import { Controller, Get, Param } from '@nestjs/common';
import { RequireScopes, uuidParam } from '@omni/platform';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@omni/platform';
import { OrderReservationsView } from './inventory.api';
import { InventoryQueries } from '../application/inventory.queries';

@ApiTags('reservations')
@Controller('reservations')
@RequireScopes('inventory:read')
export class ReservationsHttpController {
  constructor(private readonly queries: InventoryQueries) {}

  @Get(':orderId')
  @ApiOperation({ summary: "An order's reservations: where each line's units are held, and until when" })
  @ApiParam({ name: 'orderId', format: 'uuid', description: 'order id' })
  @ApiOkResponse({ description: 'The reservations (empty when none)', type: OrderReservationsView })
  @ApiProblems([400, 'orderId is not a UUID'])
  async ofOrder(@Param('orderId', uuidParam('orderId')) orderId: string) {
    const rs = await this.queries.reservationsOf(orderId);
    return {
      orderId,
      reservations: rs.map((r) => ({
        lineId: r.lineId,
        sku: r.sku,
        quantity: r.quantity,
        status: r.status,
        locationId: r.locationId,
        transferId: r.transferId,
        expiresAt: r.expiresAt?.toISOString() ?? null,
      })),
    };
  }
}
