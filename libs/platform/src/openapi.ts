import { applyDecorators, HttpStatus, INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PLATFORM_REFUSAL_STATUS, PlatformRefusal } from './problem';
import { MAX_BODY_DEPTH } from './validation/request-shape';

/** What a service's OpenAPI document says about the service itself. */
export interface OpenApiInfo {
  service: string;
  description: string;
  version: string;
}

export const PROBLEM_SCHEMA = 'Problem';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const BEARER_SCHEME = 'bearer';

const PROBLEM_REF = { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` };

/** RFC 9457 problem details as ProblemFilter writes them (libs/platform/src/problem.ts). */
const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is the stable, namespaced refusal code to branch on.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'URN naming the problem kind', example: 'urn:problem:REQUEST.INVALID' },
    title: { type: 'string', description: 'HTTP status name', example: 'BAD_REQUEST' },
    status: { type: 'integer', description: 'HTTP status code', example: 400 },
    detail: { type: 'string', description: 'human-readable explanation of this occurrence', example: 'lines.0.quantity: quantity must not be less than 1' },
    code: { type: 'string', description: 'stable namespaced code, e.g. REQUEST.INVALID, ORDER.NOT_FOUND, STOCK.BELOW_RESERVED', example: 'REQUEST.INVALID' },
    errors: {
      type: 'array',
      description: 'every failed rule of a 400, one entry per field and rule',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: {
          field: { type: 'string', description: 'dotted path of the field in the body, path or query', example: 'lines.0.quantity' },
          rule: { type: 'string', description: 'name of the failed rule', example: 'min' },
          message: { type: 'string', description: 'human-readable message', example: 'quantity must not be less than 1' },
        },
      },
    },
    location: {
      type: 'string',
      description: 'IDEMPOTENCY.ANSWER_LOST only: the path of what the applied request created (also the Location header); GET it for the outcome',
      example: '/orders/0b9f3c1e-6f1d-4a8e-9b0e-2d7c5a1f4e3a',
    },
  },
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: `The request is malformed: each failed field and rule is named in \`errors\` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than ${MAX_BODY_DEPTH} levels deep (maxDepth), a \`__proto__\`, \`constructor\` or \`prototype\` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and \`null\` for a field whose type does not include null.`,
  401: 'No valid bearer token.',
  403: 'The token lacks the scope, or the caller may not act on this resource.',
  404: 'No such resource.',
  409: 'The resource is not in a state that allows this.',
  413: 'The JSON body is larger than 100 kB.',
  422: 'Well-formed, but refused by a business rule.',
  429: 'Too many requests from this caller; retry after the `Retry-After` seconds.',
  503: 'This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`.',
};

/**
 * Error responses of one operation by status, each an application/problem+json `Problem`; a bare
 * status gets the generic description. Where a refusal code decides the status, declare it with the
 * service's `problemsFrom` decorator instead, so the status is the one the service answers with.
 */
export function ApiProblems(...statuses: (number | readonly [number, string])[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((s) => {
      const [status, description] = typeof s === 'number' ? [s, PROBLEM_DESCRIPTIONS[s] ?? 'Error'] : s;
      return ApiResponse({ status, description, content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } } });
    }),
  );
}

/** A refusal code → HTTP status map, as a problem mapper answers with it. */
export type RefusalStatusMap = Readonly<Record<string, HttpStatus>>;
/** One error response: a bare status (generic description), or refusal codes of one status and what they mean. */
export type ProblemEntry<Code extends string> = number | readonly [codes: Code | readonly Code[], description: string];
type CodeOf<M> = M extends unknown ? Extract<keyof M, string> : never;

/**
 * Error responses declared by refusal code: `(...entries: ProblemEntry<code>[])`, the status of each
 * entry looked up in `maps` (a service's problem mappers) and PLATFORM_REFUSAL_STATUS. The description
 * becomes `description (CODE, …)`, or stays as written where it names each of its codes itself
 * (`Not shipped (ORDER.INVALID_TRANSITION) or not a delivery (FULFILMENT.NOT_A_DELIVERY)`; `REFUND.*`
 * names every REFUND code). An entry whose codes have different statuses, or that names a code it
 * does not list, throws when the decorator is applied.
 */
export function problemsFrom<M extends RefusalStatusMap[]>(
  ...maps: M
): (...entries: ProblemEntry<CodeOf<M[number]> | PlatformRefusal>[]) => MethodDecorator & ClassDecorator {
  const statuses = new Map<string, number>();
  for (const map of [PLATFORM_REFUSAL_STATUS, ...maps]) {
    for (const [code, status] of Object.entries(map)) {
      const known = statuses.get(code);
      if (known !== undefined && known !== status) throw new Error(`refusal code ${code} is mapped to both ${known} and ${status}`);
      statuses.set(code, status);
    }
  }
  return (...entries) => ApiProblems(...entries.map((e) => (typeof e === 'number' ? e : problemResponse(statuses, e[0], e[1]))));
}

/** The platform's own codes only: for endpoints declared in libs/platform. */
export const PlatformProblems = problemsFrom();

/** A namespaced code as a description names it: `ORDER.NOT_FOUND`, or `REFUND.*` for all REFUND codes. */
const NAMED_CODE = /\b[A-Z][A-Z0-9_]*\.(?:[A-Z][A-Z0-9_]*|\*)/g;
const names = (named: string, code: string) => named === code || (named.endsWith('.*') && code.startsWith(named.slice(0, -1)));

function problemResponse(statusOf: ReadonlyMap<string, number>, code: string | readonly string[], description: string): readonly [number, string] {
  const codes: readonly string[] = typeof code === 'string' ? [code] : code;
  const where = `error response "${description}"`;
  if (codes.length === 0) throw new Error(`${where} lists no refusal code`);
  const found = codes.map((c) => [c, statusOf.get(c)] as const);
  const unmapped = found.filter(([, s]) => s === undefined).map(([c]) => c);
  if (unmapped.length > 0) throw new Error(`${where}: no status is mapped for ${unmapped.join(', ')}`);
  const status = found[0][1] as number;
  if (found.some(([, s]) => s !== status)) {
    throw new Error(`${where} mixes statuses: ${found.map(([c, s]) => `${c} is ${s}`).join(', ')}; declare one entry per status`);
  }
  const named = [...new Set(description.match(NAMED_CODE) ?? [])];
  if (named.length === 0) return [status, `${description} (${codes.join(', ')})`];
  const unlisted = named.filter((n) => !codes.some((c) => names(n, c)));
  const unnamed = codes.filter((c) => !named.some((n) => names(n, c)));
  if (unlisted.length > 0 || unnamed.length > 0) {
    const problems = [
      ...(unlisted.length ? [`names ${unlisted.join(', ')} without listing it`] : []),
      ...(unnamed.length ? [`lists ${unnamed.join(', ')} without naming it`] : []),
    ];
    throw new Error(`${where} ${problems.join(' and ')}: name every code in the description, or none`);
  }
  return [status, description];
}

/**
 * Statuses every operation can answer, whatever its controller says: the edge (docs/api-edge.md)
 * authenticates every call and rate-limits per caller; the JSON parser refuses bodies over 100 kB
 * (413) and bodies that are not a JSON object or array (400), and an instance at its limit of
 * requests in progress sheds the next one (503).
 */
const EVERY_OPERATION = [401, 403, 429, 503];
/** Operations under these tags are called by probes without a token (Kubernetes liveness and readiness). */
export const PUBLIC_TAG = 'health';
const WITH_BODY = [400, 413];

/** The service's OpenAPI 3.1 document, built from the controllers and DTOs of `app`. */
/** Every mutating operation accepts an idempotency key (docs/api-edge.md, Idempotency). */
const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  description: 'Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS.',
  schema: { type: 'string' as const, pattern: '^[A-Za-z0-9._:-]{1,128}$' },
};

export function buildOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`${info.service} service`)
    .setDescription(info.description)
    .setVersion(info.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'JWT access token; scopes per docs/api-edge.md' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/HttpController$|Controller$/, '')}_${method}`,
  });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA]: problemSchema } };
  for (const item of Object.values(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method) || !op?.responses) continue;
      const isPublic = op.tags?.includes(PUBLIC_TAG);
      if (isPublic) op.security = [];
      // Whatever body arrives is parsed before any handler runs, declared or not: it can be too large or not JSON.
      const takesBody = ['put', 'post', 'patch'].includes(method);
      const statuses = [...(isPublic ? [] : EVERY_OPERATION), ...(takesBody ? WITH_BODY : [])];
      for (const s of statuses) {
        op.responses[s] ??= { description: PROBLEM_DESCRIPTIONS[s], content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } } };
      }
      if (['put', 'post', 'patch', 'delete'].includes(method) && !isPublic) {
        op.parameters = [...(op.parameters ?? []), IDEMPOTENCY_KEY_HEADER];
        op.responses['409'] ??= {
          description:
            'A request with this Idempotency-Key is still running (IDEMPOTENCY.IN_PROGRESS), or was applied and its answer lost when the service stopped (IDEMPOTENCY.ANSWER_LOST; `location` and the Location header name what it created, where it created something)',
          content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } },
        };
        op.responses['422'] ??= {
          description: 'This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED)',
          content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } },
        };
      }
      op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return toOpenApi31(document);
}

/**
 * @nestjs/swagger writes OpenAPI 3.0 `nullable: true`; 3.1 (JSON Schema 2020-12) has no such keyword,
 * so a nullable schema becomes a type union with "null" (or a oneOf with null around a reference).
 */
function toOpenApi31<T>(node: T): T {
  if (Array.isArray(node)) return node.map(toOpenApi31) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'nullable') out[k] = toOpenApi31(v);
  if ((node as Record<string, unknown>).nullable === true) {
    if (typeof out.type === 'string' && !out.allOf && !out.$ref) return { ...out, type: [out.type, 'null'] } as T;
    const { description, type: _type, ...rest } = out;
    return { ...(description ? { description } : {}), oneOf: [rest, { type: 'null' }] } as T;
  }
  return out as T;
}

/** Serves the document: the UI at /docs, the JSON at /docs-json. */
export function setupOpenApi(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const document = buildOpenApiDocument(app, info);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}
