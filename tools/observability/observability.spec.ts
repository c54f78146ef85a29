import { ConsumerLagReader, registerMessagingGauges } from '@omni/messaging';
import { Metrics } from '@omni/platform';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DataSource } from 'typeorm';
import { kustomize, parseYamlFile, readText } from '../deploy/manifests';

/**
 * The dashboards and alerts of deploy/observability (docs/operations.md#dashboards-and-alerts),
 * checked offline: they parse, every query names a metric the services export, and every alert
 * links a runbook that exists.
 */

/**
 * The customer service's KPI gauges, loaded by path as its process loads them (tools do not
 * import apps).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KPI_GAUGES, registerKpiGauges } = require(
  join(__dirname, '../../apps/customer/src/application/kpi-gauges'),
) as typeof import('../../apps/customer/src/application/kpi-gauges');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ORDER_KPI_GAUGES, registerOrderKpiGauges } = require(
  join(__dirname, '../../apps/order/src/application/order-kpi-gauges'),
) as typeof import('../../apps/order/src/application/order-kpi-gauges');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerPaymentGauges } = require(
  join(__dirname, '../../apps/order/src/application/payment-gauges'),
) as typeof import('../../apps/order/src/application/payment-gauges');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerTransferGauges } = require(
  join(__dirname, '../../apps/inventory/src/application/transfer-gauges'),
) as typeof import('../../apps/inventory/src/application/transfer-gauges');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerRefundGauges } = require(
  join(__dirname, '../../apps/returns/src/application/refund-gauges'),
) as typeof import('../../apps/returns/src/application/refund-gauges');

/** Every metric name a service's /metrics can show: the registry of a service, as it is built. */
function exportedMetrics(): Set<string> {
  const metrics = new Metrics('any');
  registerMessagingGauges(metrics, {} as DataSource, {} as ConsumerLagReader);
  registerKpiGauges(metrics, async () => ({ pickups: [], returns: [], deliveries: [], endlessAisle: [], preorders: [] }));
  registerOrderKpiGauges(metrics, async () => ({ carts: [], credit: [], creditAmounts: [] }));
  registerPaymentGauges(metrics, async () => []);
  registerRefundGauges(metrics, async () => 0);
  registerTransferGauges(metrics, async () => []);
  const names = new Set<string>();
  for (const m of metrics.registry.getMetricsAsArray()) {
    const type = (m as unknown as { type: string }).type;
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${m.name}${suffix}`);
    else if (type === 'summary') for (const suffix of ['', '_sum', '_count']) names.add(`${m.name}${suffix}`);
    else names.add(m.name);
  }
  return names;
}

/** Metrics of kube-state-metrics the readiness alert reads: a replica's readiness is Kubernetes' to report. */
const KUBE_STATE_METRICS = new Set(['kube_deployment_status_replicas_available', 'kube_deployment_spec_replicas']);

const PROMQL_WORDS = new Set([
  ...[
    'sum',
    'min',
    'max',
    'avg',
    'count',
    'topk',
    'bottomk',
    'rate',
    'increase',
    'delta',
    'deriv',
    'irate',
    'histogram_quantile',
    'clamp_min',
    'clamp_max',
    'abs',
    'label_values',
  ],
  ...['and', 'or', 'unless', 'bool', 'offset'],
]);

/** The metric names a PromQL expression reads: what is left once strings, label matchers, ranges and grouping labels are removed. */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, ' ');
  return [...new Set((bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((id) => !PROMQL_WORDS.has(id)))];
}

/** GitHub's anchor of a Markdown heading. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string; refId: string }[];
}
interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description: string; runbook_url: string };
}

const DASHBOARDS = readdirSync(`${__dirname}/../../deploy/observability/dashboards`).filter((f) => f.endsWith('.json'));
const rules = () => parseYamlFile('deploy/observability/prometheus-rules.yaml') as { kind: string; spec: { groups: { name: string; rules: Rule[] }[] } };

describe('metric names in PromQL', () => {
  it('are what is read, not functions, labels, ranges or strings', () => {
    expect(
      metricNames('histogram_quantile(0.99, sum by (le, service) (rate(http_request_duration_seconds_bucket{service=~"$service",route!="unmatched"}[5m])))'),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(metricNames('sum by (service) (kafka_consumer_lag) > 1000 and sum(delta(kafka_consumer_lag[10m])) > 0')).toEqual(['kafka_consumer_lag']);
    expect(metricNames('a_total / clamp_min(b_total, 1) > 0.2')).toEqual(['a_total', 'b_total']);
  });
});

describe('dashboards', () => {
  const exported = exportedMetrics();

  it('there is one for the services and one for the click & collect KPIs', () => {
    expect(DASHBOARDS).toEqual(expect.arrayContaining(['services.json', 'kpis.json']));
  });

  it.each(DASHBOARDS)('%s parses, lays out its panels on the grid, and every query reads a metric the services export', (file) => {
    const dashboard = JSON.parse(readText(`deploy/observability/dashboards/${file}`)) as {
      uid: string;
      title: string;
      panels: Panel[];
      templating: { list: { name: string; query?: string }[] };
    };
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(5);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    for (const p of dashboard.panels) expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
    const queries = [
      ...panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `${p.title} ${t.refId}`, expr: t.expr }))),
      ...dashboard.templating.list
        .filter((v) => v.query?.startsWith('label_values'))
        .map((v) => ({ where: `variable ${v.name}`, expr: v.query!.replace(/^label_values\((.*),\s*\w+\)$/, '$1') })),
    ];
    for (const p of panels) {
      expect([p.title, p.datasource?.uid]).toEqual([p.title, '${datasource}']);
      expect([p.title, (p.targets ?? []).length > 0]).toEqual([p.title, true]);
    }
    const unknown = queries.flatMap((q) =>
      metricNames(q.expr)
        .filter((m) => !exported.has(m))
        .map((m) => `${q.where}: ${m}`),
    );
    expect(unknown).toEqual([]);
    // Every metric of docs/operations.md's table is on the services' dashboard, every KPI gauge on the KPIs'.
    const shown = new Set(queries.flatMap((q) => metricNames(q.expr)));
    const expected: Record<string, string[]> = { 'kpis.json': [...KPI_GAUGES, ...ORDER_KPI_GAUGES].map((g: { name: string }) => g.name) };
    for (const m of expected[file] ?? [
      'http_request_duration_seconds',
      'outbox_backlog',
      'outbox_oldest_unsent_age_seconds',
      'kafka_consumer_lag',
      'events_consumed_total',
      'dead_letters_total',
      'journey_step_duration_seconds',
      'outbox_events_published_total',
    ]) {
      expect([m, [...shown].some((s) => s === m || s.startsWith(`${m}_`))]).toEqual([m, true]);
    }
  });
});

describe('alert rules', () => {
  const exported = exportedMetrics();
  const operations = readText('docs/operations.md');
  const anchors = new Set(
    operations
      .split('\n')
      .filter((l) => /^#{2,4} /.test(l))
      .map((l) => anchorOf(l.replace(/^#+ /, ''))),
  );

  it('are a PrometheusRule whose alerts each have a severity, a summary, a description and a runbook that exists', () => {
    const doc = rules();
    expect(doc.kind).toBe('PrometheusRule');
    const all = doc.spec.groups.flatMap((g) => g.rules);
    expect(all.map((r) => r.alert).sort()).toEqual([
      'ConsumerLagGrowing',
      'DeadLettersAppearing',
      'OutboxStuck',
      'PaymentRequestsFailed',
      'PickupExpiryRateHigh',
      'PlacementSlow',
      'ReturnRefundsFailed',
      'ServiceNotReady',
      'SheddingLoad',
      'TransfersOverdue',
    ]);
    for (const r of all) {
      expect([r.alert, r.labels.severity]).toEqual([r.alert, expect.stringMatching(/^(warning|critical)$/)]);
      expect([r.alert, r.annotations.summary.length > 0, r.annotations.description.length > 0]).toEqual([r.alert, true, true]);
      if (r.for !== undefined) expect([r.alert, r.for]).toEqual([r.alert, expect.stringMatching(/^\d+[smh]$/)]);
      const [path, anchor] = r.annotations.runbook_url.split('#');
      expect([r.alert, path, anchors.has(anchor)]).toEqual([r.alert, 'docs/operations.md', true]);
      expect([r.alert, anchor]).toEqual([r.alert, `runbook-${r.alert.toLowerCase()}`]);
    }
  });

  it('read only metrics the services export, or kube-state-metrics for readiness', () => {
    const unknown = rules()
      .spec.groups.flatMap((g) => g.rules)
      .flatMap((r) =>
        metricNames(r.expr)
          .filter((m) => !exported.has(m) && !KUBE_STATE_METRICS.has(m))
          .map((m) => `${r.alert}: ${m}`),
      );
    expect(unknown).toEqual([]);
  });

  it("pass promtool check rules (Prometheus's own parser)", () => {
    const promtool = process.env.PROMTOOL ?? 'promtool';
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    try {
      writeFileSync(join(dir, 'rules.yml'), stringify({ groups: rules().spec.groups }));
      const r = spawnSync(promtool, ['check', 'rules', join(dir, 'rules.yml')], { encoding: 'utf8' });
      if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(
          "promtool not found: npm test fetches it (scripts/lib/setup.mjs ensurePromtool); elsewhere install Debian's prometheus package or set PROMTOOL.",
        );
      }
      expect([r.status, r.stdout + r.stderr]).toEqual([0, expect.stringContaining('SUCCESS: 10 rules found')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy/observability', () => {
  it("renders with kustomize: the dashboards in a ConfigMap for Grafana's sidecar, and the rules", () => {
    const objects = kustomize('deploy/observability');
    const configMap = objects.find((o) => o.kind === 'ConfigMap');
    expect(configMap?.metadata).toMatchObject({ name: 'omni-backbone-dashboards', labels: { grafana_dashboard: '1' } });
    for (const file of DASHBOARDS) expect(JSON.parse(configMap!.data[file])).toEqual(JSON.parse(readText(`deploy/observability/dashboards/${file}`)));
    expect(objects.filter((o) => o.kind === 'PrometheusRule').map((o) => o.metadata.name)).toEqual(['omni-backbone']);
  });
});
