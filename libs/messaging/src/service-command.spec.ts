import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig, ServiceConfig } from '@omni/platform';
import { serviceCommand } from './service-command';
import { definitionIn, migrationsOf, ServiceDefinition } from './service-definition';
import { ServiceInfrastructureModule } from './service.module';

describe('serviceCommand', () => {
  it.each([
    [[], 'serve'],
    [['serve'], 'serve'],
    [['migrate'], 'migrate'],
  ])('reads %j as %s', (argv, command) => {
    expect(serviceCommand(argv)).toBe(command);
  });

  it.each([[['migrations']], [['migrate', '--force']], [['--help']]])('refuses %j, saying what it accepts', (argv) => {
    expect(() => serviceCommand(argv)).toThrow(/unknown command .*run main\.js with no argument to serve, or with "migrate"/);
  });
});

describe('definitionIn', () => {
  class M1 {}
  const def: ServiceDefinition = {
    service: 'probe',
    config: loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://db/x', KAFKA_BROKERS: 'k:9092', AUTH_JWKS_URL: 'https://id.example.com/jwks.json' }),
    entities: [],
    migrations: [M1],
    consumes: [],
    api: { description: 'probe', version: '0' },
  };
  @Module({})
  class AppModule {}

  it("finds the definition of a service module (as an app's register() builds it) without creating the app", () => {
    const app = { module: AppModule, imports: [ServiceInfrastructureModule.forRoot(def)], providers: [] };
    expect(definitionIn(app)).toBe(def);
  });

  it('finds nothing in a module not built on ServiceInfrastructureModule', () => {
    expect(definitionIn(AppModule)).toBeUndefined();
    expect(definitionIn({ module: AppModule, imports: [AppModule] })).toBeUndefined();
  });

  it("lists the shared tables' migrations before the service's own, and later shared changes after them", () => {
    const names = migrationsOf(def).map((m) => m.name);
    expect(names).toEqual([
      'MessagingTables1700000000000',
      'IdempotencyKeys1700000000100',
      'M1',
      'OutboxWakesRelayInProcess1700000200000',
      'IdempotencyCommitted1700000210000',
      'IdempotencyLocation1700000220000',
    ]);
  });
});
