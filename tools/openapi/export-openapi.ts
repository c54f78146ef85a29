import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { documentFile, OPENAPI_DIR, openApiDocument, SERVICES } from './openapi-documents';

/** Writes docs/openapi/<service>.json for every service, from the code, without PostgreSQL or Kafka. */
async function main(): Promise<void> {
  mkdirSync(OPENAPI_DIR, { recursive: true });
  for (const service of SERVICES) {
    const document = await openApiDocument(service);
    writeFileSync(documentFile(service), `${JSON.stringify(document, null, 2)}\n`);
    console.log(`wrote ${documentFile(service)} (${Object.keys(document.paths).length} paths)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
