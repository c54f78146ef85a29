// A one-node Kubernetes cluster for test:deploy, from the binaries kube-build.mjs made: etcd, the
// API server, controller manager and scheduler on loopback ports picked free, a kubelet running
// pods on the Docker daemon (dockershim, no CNI: pods sit on docker0 unless hostNetwork), and
// kube-proxy in iptables mode so that Services answer on their ClusterIPs. Everything it starts
// and changes is recorded (pids, the node's containers, the iptables chains that were not there
// before) and undone by stop(), which also unmounts and removes the cluster's directory.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './compose.mjs';
import { docker, negativeOomScoreRefused } from './engine.mjs';
import { KUBE_BIN, PAUSE_IMAGE } from './kube-build.mjs';
import { CACHE_DIR, LOG_DIR, run, succeeds, tail, waitFor } from './proc.mjs';

export const NODE_NAME = 'omni-deploytest';
const SERVICE_CIDR = '10.96.0.0/16';

/** Chains of the nat, filter and mangle tables (IPv4 and IPv6) that exist now, as "table chain". */
async function iptablesChains() {
  const chains = new Set();
  for (const save of ['iptables-save', 'ip6tables-save']) {
    const out = await run(save, [], { capture: true }).catch(() => '');
    let table = '';
    for (const line of out.split('\n')) {
      if (line.startsWith('*')) table = line.slice(1);
      const chain = line.match(/^:(\S+)/)?.[1];
      if (chain) chains.add(`${save} ${table} ${chain}`);
    }
  }
  return chains;
}

/**
 * Removes the KUBE-* chains that were not there before the cluster started, and the rules that
 * jump to them, table by table with iptables-restore (`kube-proxy --cleanup` needs ipset, which
 * Debian does not install with iptables).
 */
async function removeChains(before) {
  const removed = [];
  for (const [save, restore] of [
    ['iptables-save', 'iptables-restore'],
    ['ip6tables-save', 'ip6tables-restore'],
  ]) {
    const out = await run(save, [], { capture: true }).catch(() => '');
    let table = '';
    const ours = new Set();
    for (const line of out.split('\n')) {
      if (line.startsWith('*')) table = line.slice(1);
      const chain = line.match(/^:(KUBE-\S+)/)?.[1];
      if (chain && !before.has(`${save} ${table} ${chain}`)) ours.add(`${table} ${chain}`);
    }
    if (ours.size === 0) continue;
    table = '';
    const kept = out.split('\n').filter((line) => {
      if (line.startsWith('*')) table = line.slice(1);
      const declared = line.match(/^:(\S+)/)?.[1];
      const appendedTo = line.match(/^-A (\S+)/)?.[1];
      const jumpsTo = line.match(/ -[jg] (\S+)/)?.[1];
      return ![declared, appendedTo, jumpsTo].some((c) => c && ours.has(`${table} ${c}`));
    });
    await run(restore, [], { input: `${kept.join('\n')}\n` });
    removed.push(...[...ours].map((c) => `${save.startsWith('ip6') ? 'ip6 ' : ''}${c}`));
  }
  return removed;
}

/** Unmounts whatever the kubelet left mounted under `dir`, deepest first. */
async function unmountUnder(dir) {
  const mounts = fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1])
    .filter((m) => m && (m === dir || m.startsWith(`${dir}/`)));
  for (const m of mounts.sort((a, b) => b.length - a.length)) await succeeds('umount', ['-l', m]);
}

/** The kubelet's QoS cgroups (cgroup v1: one `kubepods` tree per controller; v2: one tree). */
function kubepodsCgroups() {
  const root = '/sys/fs/cgroup';
  const candidates = [path.join(root, 'kubepods'), ...fs.readdirSync(root).map((c) => path.join(root, c, 'kubepods'))];
  return candidates.filter((d) => fs.existsSync(d));
}

/** Removes a cgroup tree the kubelet created, deepest first (a cgroup directory goes with rmdir once empty). */
function removeCgroupTree(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeCgroupTree(path.join(dir, e.name));
  try {
    fs.rmdirSync(dir);
  } catch {
    // still in use, or not ours to remove: left as it is
  }
}

function writeKubeconfig(file, { server, token }) {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'omni', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'admin', user: { token } }],
    contexts: [{ name: 'omni', context: { cluster: 'omni', user: 'admin', namespace: 'default' } }],
    'current-context': 'omni',
  };
  fs.writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
}

/**
 * Starts the cluster and waits until the node is Ready. Returns { kubectl(args, options), kubeconfig,
 * stop() }. stop() is safe to call after a partial start.
 */
export async function startCluster() {
  if ((await negativeOomScoreRefused()) && (await docker(['info', '--format', '{{.DefaultRuntime}}'])).trim() !== 'oomclamp') {
    throw new Error(
      'this kernel refuses a negative oom_score_adj, which the kubelet gives every pod sandbox, and the Docker daemon running here does not clamp it: stop that daemon and run again (test:deploy then starts one with the oomclamp runtime)',
    );
  }
  const dir = path.join(CACHE_DIR, `cluster-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const d of ['etcd', 'certs', 'kubelet', 'kubelet-pki']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  const chainsBefore = await iptablesChains();
  const cgroupsBefore = new Set(kubepodsCgroups());
  const children = [];
  const ports = {};
  for (const name of ['etcd', 'etcdPeer', 'apiserver', 'kubelet', 'proxyMetrics', 'proxyHealth']) ports[name] = await freePort();

  const token = randomBytes(24).toString('hex');
  fs.writeFileSync(path.join(dir, 'tokens.csv'), `${token},admin,admin,system:masters\n`, { mode: 0o600 });
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  fs.writeFileSync(path.join(dir, 'sa.pub'), publicKey);
  fs.writeFileSync(path.join(dir, 'sa.key'), privateKey, { mode: 0o600 });
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeKubeconfig(kubeconfig, { server: `https://127.0.0.1:${ports.apiserver}`, token });
  const kubectl = (args, options = {}) => run('kubectl', args, { capture: true, ...options, env: { ...process.env, KUBECONFIG: kubeconfig, ...options.env } });

  /** Starts one component in its own process group, its output in LOG_DIR/kube-<name>.log. */
  const start = (name, cmd, args) => {
    const logFile = path.join(LOG_DIR, `kube-${name}.log`);
    const out = fs.openSync(logFile, 'w');
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.unref();
    const entry = { name, child, logFile, exited: false };
    child.once('exit', () => (entry.exited = true));
    children.push(entry);
    fs.appendFileSync(path.join(dir, 'pids'), `${name} ${child.pid}\n`);
    return entry;
  };
  const alive = (entry) => {
    if (entry.exited) throw new Error(`${entry.name} exited; last lines of ${entry.logFile}:\n${tail(entry.logFile, 30)}`);
  };

  const stop = async () => {
    const notes = [];
    for (const entry of [...children].reverse()) {
      if (entry.exited) continue;
      entry.child.kill('SIGTERM');
      await waitFor(`${entry.name} to stop`, () => entry.exited, { timeoutMs: 20_000, everyMs: 200 }).catch(() => entry.child.kill('SIGKILL'));
    }
    // The kubelet's pod containers (dockershim names them k8s_<container>_<pod>_<namespace>_…).
    const ids = (await docker(['ps', '-aq', '--filter', 'label=io.kubernetes.pod.namespace', '--filter', 'name=^k8s_']).catch(() => ''))
      .split('\n')
      .filter(Boolean);
    if (ids.length > 0) await docker(['rm', '-f', '-v', ...ids]);
    notes.push(`${ids.length} pod containers removed`);
    const chains = await removeChains(chainsBefore);
    notes.push(`${chains.length} iptables chains removed`);
    const cgroups = kubepodsCgroups().filter((d) => !cgroupsBefore.has(d));
    for (const d of cgroups) removeCgroupTree(d);
    notes.push(`${cgroups.filter((d) => !fs.existsSync(d)).length} of ${cgroups.length} kubepods cgroup trees removed`);
    await unmountUnder(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    return notes.join(', ');
  };

  try {
    const etcd = start('etcd', 'etcd', [
      '--name=omni',
      `--data-dir=${path.join(dir, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${ports.etcd}`,
      `--advertise-client-urls=http://127.0.0.1:${ports.etcd}`,
      `--listen-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
      `--initial-cluster=omni=http://127.0.0.1:${ports.etcdPeer}`,
    ]);
    const apiserver = start('apiserver', path.join(KUBE_BIN, 'kube-apiserver'), [
      `--etcd-servers=http://127.0.0.1:${ports.etcd}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${ports.apiserver}`,
      `--cert-dir=${path.join(dir, 'certs')}`,
      `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
      '--authorization-mode=Node,RBAC',
      `--service-account-key-file=${path.join(dir, 'sa.pub')}`,
      `--service-account-signing-key-file=${path.join(dir, 'sa.key')}`,
      '--service-account-issuer=https://kubernetes.default.svc',
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
    ]);
    await waitFor(
      'the API server to be ready',
      async () => {
        alive(etcd);
        alive(apiserver);
        return succeeds('kubectl', ['get', '--raw', '/readyz'], { env: { ...process.env, KUBECONFIG: kubeconfig } });
      },
      { timeoutMs: 120_000, everyMs: 500 },
    );

    const common = [`--kubeconfig=${kubeconfig}`, '--leader-elect=false', '--port=0'];
    start('controller-manager', path.join(KUBE_BIN, 'kube-controller-manager'), [
      ...common,
      '--secure-port=0',
      `--service-account-private-key-file=${path.join(dir, 'sa.key')}`,
      `--root-ca-file=${path.join(dir, 'certs/apiserver.crt')}`,
    ]);
    start('scheduler', path.join(KUBE_BIN, 'kube-scheduler'), [...common, '--secure-port=0']);
    const kubelet = start('kubelet', path.join(KUBE_BIN, 'kubelet'), [
      `--kubeconfig=${kubeconfig}`,
      '--container-runtime=docker',
      `--pod-infra-container-image=${PAUSE_IMAGE}`,
      '--cgroup-driver=cgroupfs',
      '--fail-swap-on=false',
      `--hostname-override=${NODE_NAME}`,
      `--root-dir=${path.join(dir, 'kubelet')}`,
      `--cert-dir=${path.join(dir, 'kubelet-pki')}`,
      '--authorization-mode=AlwaysAllow',
      '--authentication-token-webhook=false',
      '--anonymous-auth=true',
      `--port=${ports.kubelet}`,
      '--read-only-port=0',
      '--healthz-port=0',
      // The images were built here and cannot be pulled again: never garbage-collect them, and do
      // not evict pods because the disk holding them is fuller than a production node would be.
      '--image-gc-high-threshold=100',
      '--image-gc-low-threshold=99',
      '--eviction-hard=memory.available<100Mi,nodefs.available<1%,imagefs.available<1%',
    ]);
    const proxy = start('proxy', path.join(KUBE_BIN, 'kube-proxy'), [
      `--kubeconfig=${kubeconfig}`,
      '--proxy-mode=iptables',
      `--hostname-override=${NODE_NAME}`,
      `--metrics-bind-address=127.0.0.1:${ports.proxyMetrics}`,
      `--healthz-bind-address=127.0.0.1:${ports.proxyHealth}`,
      // Leave the host's conntrack table size alone (a VM may refuse the sysctl).
      '--conntrack-max-per-core=0',
    ]);
    await waitFor(
      `node ${NODE_NAME} to be Ready`,
      async () => {
        for (const e of [...children]) alive(e);
        const ready = await kubectl(['get', 'node', NODE_NAME, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}']).catch(() => '');
        return ready.trim() === 'True';
      },
      { timeoutMs: 120_000, everyMs: 1000 },
    );
    alive(kubelet);
    alive(proxy);
  } catch (e) {
    await stop().catch((err) => console.error(`✘ cluster clean-up: ${err.message}`));
    throw e;
  }
  return { kubectl, kubeconfig, dir, stop, apiserverPort: ports.apiserver };
}
