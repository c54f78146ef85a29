// Helpers for the deploy checks: render kustomizations with kubectl, parse YAML, read the topics.
// `yaml` (1.x) is not a direct dependency: it is present through cosmiconfig (via @nx/js).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative as relativeTo } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = join(__dirname, '..', '..');
export const SERVICES = ['order', 'inventory', 'returns', 'customer'] as const;
export const OVERLAYS = ['local', 'production'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: any };

/** Renders a kustomization directory (relative to the repository root) with `kubectl kustomize`: the YAML and what it printed on stderr (deprecation warnings go there). */
export function render(dir: string): { stdout: string; stderr: string } {
  const r = spawnSync('kubectl', ['kustomize', join(ROOT, dir)], { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'kubectl not found: the deploy checks render k8s/ with `kubectl kustomize` (kubectl ≥ 1.27, kustomize v5). `npm test` fetches one when it is missing or older (scripts/lib/setup.mjs, ensureKubectl); Debian 12 ships only kubectl 1.20, too old.',
    );
  }
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed (exit ${r.status}):\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** The objects `kubectl kustomize` renders from a kustomization directory (relative to the repository root). */
export function kustomize(dir: string): K8sObject[] {
  return parseYamlDocuments(render(dir).stdout) as K8sObject[];
}

/** The names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Every kustomization file under `under` (relative to the repository root), as paths relative to the root. */
export function kustomizationFiles(under: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const file = KUSTOMIZATION_FILES.find((name) => entries.some((e) => e.isFile() && e.name === name));
    if (file) found.push(relativeTo(ROOT, join(dir, file)));
    for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
  };
  walk(join(ROOT, under));
  return found.sort();
}

export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`YAML: ${d.errors.map((e) => e.message).join('; ')}`);
      return d.toJSON();
    })
    .filter((d) => d !== null && d !== undefined);
}

export function parseYamlFile(relative: string): unknown {
  return parse(readFileSync(join(ROOT, relative), 'utf8'), { merge: true });
}

export function readText(relative: string): string {
  return readFileSync(join(ROOT, relative), 'utf8');
}

/** Topic names of libs/contracts/src/topics.json and their partition count. */
export function contractTopics(): { names: string[]; partitions: number } {
  const t = JSON.parse(readText('libs/contracts/src/topics.json')) as { partitions: number; topics: { name: string }[] };
  return { names: t.topics.map((x) => x.name), partitions: t.partitions };
}
