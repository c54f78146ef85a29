import { DynamicModule, Type } from '@nestjs/common';
import { IdempotencyCommitted1700000210000, IdempotencyKeys1700000000100, IdempotencyLocation1700000220000, ServiceConfig } from '@omni/platform';
import { MixedList } from 'typeorm';
import { MessagingTables1700000000000 } from './migrations/1700000000000-messaging-tables';
import { OutboxWakesRelayInProcess1700000200000 } from './migrations/1700000200000-outbox-wakes-relay-in-process';

export interface ServiceDefinition {
  service: string;
  config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  consumes: string[];
  /** What the service's OpenAPI document (/docs, docs/openapi/<service>.json) says about it. */
  api: { description: string; version: string };
}

export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');

/** Every migration of a service, in the order they apply: the shared tables first, then its own. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function migrationsOf(def: Pick<ServiceDefinition, 'migrations'>): Function[] {
  return [
    MessagingTables1700000000000,
    IdempotencyKeys1700000000100,
    ...def.migrations,
    OutboxWakesRelayInProcess1700000200000,
    IdempotencyCommitted1700000210000,
    IdempotencyLocation1700000220000,
  ];
}

/**
 * The definition a service module was built from (ServiceInfrastructureModule.forRoot provides it),
 * found without creating the app: the `migrate` command needs the migrations and the config only.
 */
export function definitionIn(module: Type<unknown> | DynamicModule): ServiceDefinition | undefined {
  if (!('module' in module)) return undefined;
  for (const p of module.providers ?? []) {
    if (typeof p === 'object' && 'provide' in p && p.provide === SERVICE_DEFINITION && 'useValue' in p) return p.useValue as ServiceDefinition;
  }
  for (const i of module.imports ?? []) {
    if (i && typeof i === 'object' && 'module' in i) {
      const found = definitionIn(i as DynamicModule);
      if (found) return found;
    }
  }
  return undefined;
}
