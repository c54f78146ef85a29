import 'reflect-metadata';
import { bootstrapService } from '@omni/messaging';
import { loadConfig, runMain } from '@omni/platform';
import { OrderConfig } from './order.config';
import { OrderModule } from './order.module';

runMain('order', async () => {
  const config = loadConfig(OrderConfig);
  await bootstrapService(OrderModule.register(config), config.PORT);
});
