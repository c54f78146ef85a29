import 'reflect-metadata';
import { bootstrapService } from '@omni/messaging';
import { loadConfig, runMain } from '@omni/platform';
import { InventoryConfig } from './inventory.config';
import { InventoryModule } from './inventory.module';

runMain('inventory', async () => {
  const config = loadConfig(InventoryConfig);
  await bootstrapService(InventoryModule.register(config), config.PORT);
});
