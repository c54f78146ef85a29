import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@omni/testing';
import { parseYamlFile, ROOT, SERVICES } from './manifests';

/**
 * Where no memory limit sizes their heap, the services run with one set of Node flags (ADR 0016,
 * twenty-first round): `npm start` and the benchmark (scripts/lib/stack.mjs), the containers of
 * docker/compose.yaml (SERVICE_NODE_ARGS, which the image's entrypoint hands to node) and the tests.
 */
describe("the services' Node flags", () => {
  it('are the same for npm start and the benchmark as for the tests', () => {
    const literal = readFileSync(join(ROOT, 'scripts/lib/stack.mjs'), 'utf8').match(/^export const SERVICE_NODE_FLAGS = (\[.*\]);$/m)?.[1];
    expect(literal).toBeDefined();
    expect(JSON.parse(literal!.replace(/'/g, '"'))).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it.each(SERVICES)('are the same for compose service %s', (service) => {
    const services = (parseYamlFile('docker/compose.yaml') as { services: Record<string, { environment?: Record<string, string> }> }).services;
    expect(services[service].environment?.SERVICE_NODE_ARGS?.split(' ')).toEqual([...SERVICE_NODE_FLAGS]);
  });
});
