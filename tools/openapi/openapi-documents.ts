import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_INFO } from '@omni/messaging';
import { buildOpenApiDocument, loadConfig, OpenApiInfo } from '@omni/platform';
import path from 'node:path';

export const SERVICES = ['order', 'inventory', 'returns', 'customer'] as const;
export type Service = (typeof SERVICES)[number];

const REPO = path.resolve(__dirname, '../..');
/** The committed documents; relative to the repository, whether this runs from source or from dist/. */
export const OPENAPI_DIR = path.join(REPO.endsWith(`${path.sep}dist`) ? path.dirname(REPO) : REPO, 'docs/openapi');
export const REGENERATE = 'npx tsc -p tsconfig.json && node -r ./scripts/register-paths.cjs dist/tools/openapi/export-openapi.js';

const pascal = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * Apps are loaded by path, the way their processes are started, rather than imported: tools
 * depend on no app at build time, and a service that follows the layout is picked up as it is.
 */
function serviceModule(service: Service): DynamicModule {
  const src = path.join(__dirname, '../../apps', service, 'src');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { [`${pascal(service)}Module`]: Module } = require(path.join(src, `${service}.module`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { [`${pascal(service)}Config`]: Config } = require(path.join(src, `${service}.config`));
  // Never connected to: preview mode instantiates no provider, so no database or broker is needed.
  const config = loadConfig(Config, {
    DATABASE_URL: 'postgres://openapi-export.invalid/none',
    KAFKA_BROKERS: 'openapi-export.invalid:9092',
    AUTH_JWKS_URL: 'https://openapi-export.invalid/jwks.json',
  });
  return Module.register(config);
}

/** A service's OpenAPI document, built from its code without PostgreSQL or Kafka — the same function serves /docs-json. */
export async function openApiDocument(service: Service): Promise<OpenAPIObject> {
  const app = await NestFactory.create(serviceModule(service), { preview: true, abortOnError: false, logger: false });
  try {
    return buildOpenApiDocument(app, app.get<OpenApiInfo>(OPENAPI_INFO));
  } finally {
    await app.close();
  }
}

/** Key order does not matter to a reader of JSON: compare documents with keys sorted. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(value), null, 2);
}

export const documentFile = (service: Service) => path.join(OPENAPI_DIR, `${service}.json`);
