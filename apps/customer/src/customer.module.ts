import { DynamicModule, Module } from '@nestjs/common';
import { ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { Clock, clockFrom } from '@omni/platform';
import { Timeline1700000003000 } from '../migrations/1700000003000-timeline';
import { CustomerProfiles1700000020000 } from '../migrations/1700000020000-customer-profiles';
import { KpiIndex1700000030000 } from '../migrations/1700000030000-kpi-index';
import { ChangePreferencesUseCase } from './application/change-preferences.use-case';
import { CustomerQueries } from './application/customer.queries';
import { CustomerAccess } from './application/customer-access';
import { CustomerSettings } from './application/customer-settings';
import { EraseCustomerUseCase } from './application/erase-customer.use-case';
import { KpiGauges } from './application/kpi-gauges';
import { KpiQueries } from './application/kpi.queries';
import { LinkOrderUseCase } from './application/link-order.use-case';
import { MergeProfilesUseCase } from './application/merge-profiles.use-case';
import { ProfileRepository } from './application/ports/profile.port';
import { RebuildTimelineUseCase, TIMELINE_TOPICS } from './application/rebuild-timeline.use-case';
import { ProjectOrderEventsUseCase } from './application/project-order-events.use-case';
import { Tombstones } from './application/tombstones';
import { CustomerConfig, erasureHashKey } from './customer.config';
import { AdminHttpController } from './infrastructure/admin.http';
import { CustomersHttpController } from './infrastructure/customers.http';
import { KpisHttpController } from './infrastructure/kpis.http';
import { OrderEventsHandler } from './infrastructure/order-events.handler';
import { profileRepository } from './infrastructure/profile.repository';

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
          migrations: [Timeline1700000003000, CustomerProfiles1700000020000, KpiIndex1700000030000],
          consumes: [...new Set([ORDER_EVENTS_TOPIC, ...TIMELINE_TOPICS])],
          api: {
            description:
              'One customer across channels: profiles matched from the orders of every channel, likely duplicates and audited merges, preferences and marketing consents, erasure, the cross-channel timeline, the POS lookup, and click & collect KPIs per store and channel.',
            version: '0.5.1',
          },
        }),
      ],
      controllers: [CustomersHttpController, AdminHttpController, KpisHttpController, OrderEventsHandler],
      providers: [
        { provide: CustomerConfig, useValue: config },
        { provide: Clock, useValue: clockFrom(config) },
        { provide: CustomerSettings, useValue: new CustomerSettings(config.PHONE_DEFAULT_REGION) },
        { provide: Tombstones, useValue: new Tombstones(erasureHashKey(config)) },
        { provide: ProfileRepository, useValue: profileRepository },
        LinkOrderUseCase,
        ProjectOrderEventsUseCase,
        MergeProfilesUseCase,
        ChangePreferencesUseCase,
        EraseCustomerUseCase,
        RebuildTimelineUseCase,
        CustomerQueries,
        CustomerAccess,
        KpiQueries,
        KpiGauges,
      ],
    };
  }
}
