import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { RequireScopes } from '@omni/platform';
import { DataSource } from 'typeorm';
import { reservationRepository } from './reservation.repository';

@Controller('reservations')
@RequireScopes('inventory:read')
export class ReservationsHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':orderId')
  async ofOrder(@Param('orderId', ParseUUIDPipe) orderId: string) {
    const rs = await reservationRepository.ofOrder(this.dataSource.manager, orderId);
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
