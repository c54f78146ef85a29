import { existsSync, readFileSync } from 'node:fs';
import { canonical, documentFile, openApiDocument, REGENERATE, SERVICES } from './openapi-documents';

/** The committed OpenAPI documents are what the code serves at /docs-json; a stale one fails here. */
describe('docs/openapi', () => {
  it.each(SERVICES)('%s.json is up to date with the code', async (service) => {
    const file = documentFile(service);
    const fresh = canonical(await openApiDocument(service));
    const committed = existsSync(file) ? canonical(JSON.parse(readFileSync(file, 'utf8'))) : '';
    if (committed !== fresh) throw new Error(`${file} is stale or missing; regenerate it with:\n  ${REGENERATE}\nand commit the result.`);
  });

  it('is OpenAPI 3.1 with bearer JWT on every operation but health, and a Problem for every 4xx', async () => {
    for (const service of SERVICES) {
      const d = await openApiDocument(service);
      expect(d.openapi).toBe('3.1.0');
      expect(d.security).toEqual([{ bearer: [] }]);
      expect(d.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
      for (const [path, item] of Object.entries(d.paths)) {
        for (const op of Object.values(item)) {
          if (path.startsWith('/health')) expect(op.security).toEqual([]);
          else expect(op.summary).toBeTruthy();
          for (const [status, r] of Object.entries(op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>)) {
            if (status.startsWith('4'))
              expect([path, status, r.content?.['application/problem+json']?.schema]).toEqual([path, status, { $ref: '#/components/schemas/Problem' }]);
          }
        }
      }
      // 3.1 has no `nullable`: null is a type
      expect(JSON.stringify(d)).not.toContain('"nullable"');
    }
  });
});
