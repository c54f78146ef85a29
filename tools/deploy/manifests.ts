// Helpers for the deploy checks: render kustomizations with kubectl, parse YAML, read the topics.
// `yaml` (1.x) is not a direct dependency: it is present through cosmiconfig (via @nx/js).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = join(__dirname, '..', '..');
export const SERVICES = ['order', 'inventory', 'returns', 'customer'] as const;
export const OVERLAYS = ['local', 'production'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: any };

/** Renders a kustomization directory (relative to the repository root) with `kubectl kustomize`. */
export function kustomize(dir: string): K8sObject[] {
  const r = spawnSync('kubectl', ['kustomize', join(ROOT, dir)], { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('kubectl not found: the deploy checks render k8s/ with `kubectl kustomize`. Install it (Debian/Ubuntu: `apt-get install kubernetes-client`) and run again.');
  }
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed (exit ${r.status}):\n${r.stderr}`);
  return parseYamlDocuments(r.stdout) as K8sObject[];
}

export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw new Error(`YAML: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJSON();
  }).filter((d) => d !== null && d !== undefined);
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
