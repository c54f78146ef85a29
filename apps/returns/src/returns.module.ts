import { DynamicModule, Module } from '@nestjs/common';
import { ServiceInfrastructureModule } from '@omni/messaging';
import { ReturnsConfig } from './returns.config';

/**
 * The returns service owns return authorisations, exchanges and refunds (journey 3). So far it
 * runs with its own database, outbox relay and health endpoints; its domain is not built yet.
 */
@Module({})
export class ReturnsModule {
  static register(config: ReturnsConfig): DynamicModule {
    return {
      module: ReturnsModule,
      imports: [ServiceInfrastructureModule.forRoot({ service: 'returns', config, entities: [], migrations: [], consumes: [], api: { description: 'Returns, exchanges and refunds (not built yet: health endpoints only).', version: '0.1.0' } })],
    };
  }
}
