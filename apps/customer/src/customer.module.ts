import { DynamicModule, Module } from '@nestjs/common';
import { ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { Timeline1700000003000 } from '../migrations/1700000003000-timeline';
import { CustomerConfig } from './customer.config';
import { TimelineUseCase } from './application/record-timeline.use-case';
import { CustomerHttpController } from './infrastructure/customer.http';
import { OrderEventsHandler } from './infrastructure/order-events.handler';

@Module({})
export class CustomerModule {
  static register(config: CustomerConfig): DynamicModule {
    return {
      module: CustomerModule,
      imports: [
        ServiceInfrastructureModule.forRoot({
          service: 'customer',
          config,
          entities: [],
          migrations: [Timeline1700000003000],
          consumes: [ORDER_EVENTS_TOPIC],
          api: { description: 'The timeline of each customer\'s orders across channels, built from order events (profiles are not built yet).', version: '0.1.0' },
        }),
      ],
      controllers: [CustomerHttpController, OrderEventsHandler],
      providers: [TimelineUseCase],
    };
  }
}
