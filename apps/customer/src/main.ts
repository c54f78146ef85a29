import 'reflect-metadata';
import { bootstrapService } from '@omni/messaging';
import { loadConfig, runMain } from '@omni/platform';
import { CustomerConfig } from './customer.config';
import { CustomerModule } from './customer.module';

runMain('customer', async () => {
  const config = loadConfig(CustomerConfig);
  await bootstrapService(CustomerModule.register(config), config.PORT);
});
