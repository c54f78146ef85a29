import { DynamicModule, Type } from '@nestjs/common';
import { plainLogger, runMigrationsExclusively } from '@omni/platform';
import { DataSource } from 'typeorm';
import { definitionIn, migrationsOf } from './service-definition';

export type ServiceCommand = 'serve' | 'migrate';

/** What a service's main.js was asked to do: no argument serves; `migrate` applies migrations and exits. */
export function serviceCommand(argv: readonly string[]): ServiceCommand {
  if (argv.length === 0) return 'serve';
  if (argv.length === 1 && (argv[0] === 'migrate' || argv[0] === 'serve')) return argv[0];
  throw new Error(
    `unknown command ${JSON.stringify(argv.join(' '))}: run main.js with no argument to serve, or with "migrate" to apply the migrations and exit`,
  );
}

/**
 * The `migrate` command: applies the service's pending migrations under the same advisory lock as
 * the replicas, logs what it applied and returns, with no HTTP server, Kafka or tracing started.
 */
export async function migrateOnly(module: Type<unknown> | DynamicModule): Promise<void> {
  const def = definitionIn(module);
  if (!def) throw new Error('migrate: the module was not built with ServiceInfrastructureModule.forRoot');
  const log = plainLogger(def.service, def.config.LOG_LEVEL);
  const dataSource = new DataSource({
    type: 'postgres',
    url: def.config.DATABASE_URL,
    migrations: migrationsOf(def),
    synchronize: false,
    logging: false,
    // Two connections: one holds the advisory lock while the other applies the migrations.
    extra: { max: 2, application_name: `${def.service}-migrate` },
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrationsExclusively(dataSource);
    log.info({ event: 'migrations.done', applied }, applied.length > 0 ? 'migrations applied' : 'no pending migrations');
  } finally {
    await dataSource.destroy();
  }
}
