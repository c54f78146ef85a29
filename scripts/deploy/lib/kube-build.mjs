// Kubernetes for test:deploy, with no image registry and no Kubernetes download host: Debian 12's
// `kubernetes` source package is the whole 1.20.2 tree with its vendor/ directory, so the server
// binaries build offline with Debian's Go (about 7 minutes on two cores, once: they are cached
// under ~/.cache/omni-backbone/deploy/kubernetes). etcd comes from Debian's etcd-server package,
// kubectl is ensureKubectl()'s (scripts/lib/setup.mjs: kustomize v5 reads the kustomizations), and
// the pod sandbox ("pause") image is built FROM scratch from the same tree's pause.c.
import fs from 'node:fs';
import path from 'node:path';
import { dockerClient } from './engine.mjs';
import { CACHE_DIR, LOG_DIR, run, succeeds } from './proc.mjs';

export const KUBERNETES_VERSION = 'v1.20.2';
const HOME = path.join(CACHE_DIR, 'kubernetes', KUBERNETES_VERSION);
export const KUBE_BIN = path.join(HOME, 'bin');
export const SERVER_BINARIES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'];
/** kubelet 1.20's default sandbox image name: tagged locally, so nothing is ever pulled. */
export const PAUSE_IMAGE = 'k8s.gcr.io/pause:3.2';
const BUILD_PACKAGES = {
  'golang-go': '/usr/bin/go',
  'etcd-server': '/usr/bin/etcd',
  gcc: '/usr/bin/gcc',
  'libc6-dev': '/usr/lib/x86_64-linux-gnu/libc.a',
  rsync: '/usr/bin/rsync',
  iptables: '/usr/sbin/iptables',
};
const SRC_LIST = '/etc/apt/sources.list.d/omni-backbone-deploy-src.sources';

const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

/** The version of kubectl on PATH (ensureKubectl() put a recent one there), or an error saying what is missing. */
export async function kubectlVersion() {
  const out = await run('kubectl', ['version', '--client', '-o', 'json'], { capture: true }).catch(() => null);
  if (!out) throw new Error('kubectl is not on PATH: install kubectl 1.27 or newer (its kustomize v5 renders k8s/)');
  const { clientVersion, kustomizeVersion } = JSON.parse(out);
  if (Number(clientVersion.major) === 1 && Number.parseInt(clientVersion.minor, 10) < 27)
    throw new Error(`kubectl ${clientVersion.gitVersion} is too old: k8s/ needs kustomize v5 (kubectl 1.27 or newer)`);
  return `kubectl ${clientVersion.gitVersion}, kustomize ${kustomizeVersion}`;
}

/** etcd, Go, a static C toolchain, rsync and iptables from apt, when missing. */
export async function ensureBuildPackages() {
  const missing = Object.entries(BUILD_PACKAGES)
    .filter(([, file]) => !fs.existsSync(file))
    .map(([name]) => name);
  if (missing.length === 0) return 'already installed';
  const logFile = path.join(LOG_DIR, 'apt.log');
  await run('apt-get', ['update'], { logFile, env: aptEnv });
  await run('apt-get', ['install', '-y', ...missing], { logFile, env: aptEnv });
  return `installed ${missing.join(', ')}`;
}

/** The mirror and keyring of the first apt source of this machine (debian.sources), for a deb-src entry. */
function debSrcEntry() {
  const sources = '/etc/apt/sources.list.d/debian.sources';
  const text = fs.existsSync(sources) ? fs.readFileSync(sources, 'utf8') : '';
  const uri = text.match(/^URIs:\s*(\S+)/m)?.[1] ?? 'http://deb.debian.org/debian';
  const keyring = text.match(/^Signed-By:\s*(\S+)/m)?.[1] ?? '/usr/share/keyrings/debian-archive-keyring.gpg';
  return `Types: deb-src\nURIs: ${uri}\nSuites: bookworm\nComponents: main\nSigned-By: ${keyring}\n`;
}

/** `apt-get source --download-only kubernetes` through a deb-src entry that exists only meanwhile. */
async function downloadSource(dir) {
  const logFile = path.join(LOG_DIR, 'kubernetes-build.log');
  const had = fs.existsSync(SRC_LIST);
  if (!had) fs.writeFileSync(SRC_LIST, debSrcEntry());
  try {
    await run('apt-get', ['update'], { logFile, env: aptEnv });
    await run('apt-get', ['source', '--download-only', 'kubernetes'], { cwd: dir, logFile, env: aptEnv });
  } finally {
    if (!had) {
      fs.rmSync(SRC_LIST, { force: true });
      await succeeds('apt-get', ['update'], { logFile, env: aptEnv });
    }
  }
}

/**
 * The five server binaries and a static pause binary in KUBE_BIN, built from Debian's source
 * package unless they are there already. GOPATH mode, as debian/rules builds it (`go build
 * -mod=vendor` refuses this tree: "updates to go.mod needed").
 */
export async function ensureKubernetesBinaries() {
  const wanted = [...SERVER_BINARIES, 'pause'];
  if (wanted.every((b) => fs.existsSync(path.join(KUBE_BIN, b)))) return `cached in ${KUBE_BIN}`;
  if (process.getuid?.() !== 0) throw new Error(`no Kubernetes binaries in ${KUBE_BIN}, and building them needs apt-get (run as root)`);
  const src = path.join(HOME, 'src');
  fs.rmSync(src, { recursive: true, force: true });
  fs.mkdirSync(src, { recursive: true });
  await downloadSource(src);
  const tarball = fs.readdirSync(src).find((f) => /^kubernetes_.*\.orig\.tar\.gz$/.test(f));
  if (!tarball) throw new Error(`apt-get source kubernetes left no .orig.tar.gz in ${src}`);
  await run('tar', ['-xzf', tarball], { cwd: src });
  const tree = path.join(
    src,
    fs.readdirSync(src).find((f) => f.startsWith('kubernetes-') && fs.statSync(path.join(src, f)).isDirectory()),
  );
  const gopath = path.join(tree, '.go');
  fs.mkdirSync(path.join(gopath, 'src/k8s.io'), { recursive: true });
  fs.symlinkSync('../../..', path.join(gopath, 'src/k8s.io/kubernetes'));
  const env = { ...process.env, GOPATH: gopath, CGO_ENABLED: '0', KUBE_GIT_VERSION: KUBERNETES_VERSION, KUBE_GIT_TREE_STATE: 'clean', GOFLAGS: '' };
  const logFile = path.join(LOG_DIR, 'kubernetes-build.log');
  await run('make', [`WHAT=${SERVER_BINARIES.map((b) => `cmd/${b}`).join(' ')}`], { cwd: tree, env, logFile });
  fs.mkdirSync(KUBE_BIN, { recursive: true });
  const out = path.join(tree, '_output/bin');
  for (const b of SERVER_BINARIES) fs.copyFileSync(path.join(out, b), path.join(KUBE_BIN, b));
  await run('gcc', ['-Os', '-static', '-DVERSION=3.2', '-o', path.join(KUBE_BIN, 'pause'), path.join(tree, 'build/pause/linux/pause.c')], { logFile });
  for (const b of wanted) fs.chmodSync(path.join(KUBE_BIN, b), 0o755);
  // The tree and Go's build cache are several GB: only the binaries are kept.
  fs.rmSync(src, { recursive: true, force: true });
  await succeeds('go', ['clean', '-cache'], { env });
  return `built in ${KUBE_BIN}`;
}

/** The sandbox image, FROM scratch with the static pause binary, under the name kubelet 1.20 uses by default. */
export async function ensurePauseImage() {
  if (await succeeds(dockerClient(), ['image', 'inspect', PAUSE_IMAGE])) return 'cached';
  const context = path.join(CACHE_DIR, 'build', 'pause');
  fs.mkdirSync(context, { recursive: true });
  fs.copyFileSync(path.join(KUBE_BIN, 'pause'), path.join(context, 'pause'));
  fs.writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY pause /pause\nUSER 65535:65535\nENTRYPOINT ["/pause"]\n');
  await run(dockerClient(), ['build', '-t', PAUSE_IMAGE, context], { logFile: path.join(LOG_DIR, 'pause.log') });
  return 'built';
}
