import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { stockRepository } from './stock.repository';

@Controller('reservations')
export class ReservationsHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':orderId')
  async ofOrder(@Param('orderId', ParseUUIDPipe) orderId: string) {
    return { orderId, reservations: await stockRepository.reservationsOf(this.dataSource.manager, orderId) };
  }
}
