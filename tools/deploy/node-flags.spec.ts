import { execFileSync } from 'node:child_process';
import { SERVICE_NODE_FLAGS } from '@omni/testing';
import { kustomize, OVERLAYS, parseYamlFile, readText, ROOT, SERVICES } from './manifests';

/**
 * The services run with one set of Node flags (ADR 0016, twenty-first and twenty-third rounds),
 * kept in scripts/lib/service-node-flags.json: `npm start` and the benchmark (scripts/lib/stack.mjs)
 * and the tests read it; the containers of docker/compose.yaml repeat it in SERVICE_NODE_ARGS,
 * which the image's entrypoint hands to node. The image's own default holds the flag that does not
 * depend on a memory limit (twenty-third round): the Kubernetes Deployments, whose limit sizes the
 * heap, run with it, as long as none sets SERVICE_NODE_ARGS.
 */
describe("the services' Node flags", () => {
  it('are flags this Node accepts', () => {
    expect(SERVICE_NODE_FLAGS.length).toBeGreaterThan(0);
    // Node refuses an option it does not know ("bad option") and exits non-zero.
    expect(execFileSync(process.execPath, [...SERVICE_NODE_FLAGS, '-e', 'console.log("ok")'], { encoding: 'utf8' }).trim()).toBe('ok');
  });

  it('are the same for npm start and the benchmark as for the tests', () => {
    const script = "import { SERVICE_NODE_FLAGS } from './scripts/lib/stack.mjs'; console.log(JSON.stringify(SERVICE_NODE_FLAGS));";
    const started = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }));
    expect(started).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it.each(SERVICES)('are the same for compose service %s', (service) => {
    const services = (parseYamlFile('docker/compose.yaml') as { services: Record<string, { environment?: Record<string, string> }> }).services;
    expect(services[service].environment?.SERVICE_NODE_ARGS?.split(' ')).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it("include the image's default, which the Kubernetes Deployments run with", () => {
    const imageDefault = /^\s+SERVICE_NODE_ARGS=(\S+)$/m.exec(readText('docker/Dockerfile'))?.[1];
    expect(imageDefault).toBe('--no-concurrent-recompilation');
    expect(SERVICE_NODE_FLAGS).toContain(imageDefault);
  });

  it.each(OVERLAYS)("keep the image's default in the Deployments of k8s/overlays/%s", (overlay) => {
    const deployments = kustomize(`k8s/overlays/${overlay}`).filter((o) => o.kind === 'Deployment');
    expect(deployments.length).toBe(SERVICES.length);
    const setting = deployments.flatMap((d) =>
      (d.spec.template.spec.containers as { name: string; env?: { name: string }[] }[])
        .filter((c) => c.env?.some((e) => e.name === 'SERVICE_NODE_ARGS'))
        .map((c) => `${d.metadata.name}/${c.name}`),
    );
    expect(setting).toEqual([]);
  });
});
