// The plan of a chaos run, drawn from its seed before anything runs: the journeys (kind, SKU,
// quantity), the stock they start from, and the faults with their times and targets. Nothing is
// imported here: `--dry-run` prints this plan before any npm package is installed or loaded.

export const SKUS = 12;
/** SKUs only the warehouse holds: a click & collect of one is shipped to the store by transfer. */
export const WAREHOUSE_SKUS = 4;
export const SERVICE_NAMES = ['order', 'inventory', 'returns', 'customer'];
export const KNOWN_FAULTS = ['kill', 'term', 'pause', 'broker-kill', 'broker-pause', 'db-restart', 'poison', 'replay', 'rebalance', 'clock-jump'];
/** Share of the journeys per kind, in the order they are drawn. */
const KINDS = [
  ['collected', 0.16],
  ['cancelled', 0.12],
  ['retried', 0.12],
  ['delivered', 0.14],
  ['returned', 0.12],
  ['exchanged', 0.08],
  ['preordered', 0.06],
  ['shipped-to-store', 0.1],
  ['cart', 0.1],
];
/** What a fault of each kind strikes; the others strike a service drawn from the seed. */
const TARGETS = { 'broker-kill': 'kafka', 'broker-pause': 'kafka', 'db-restart': 'postgres', poison: 'every consumed topic', 'clock-jump': 'every service' };

/** mulberry32: a small seeded generator, so a seed replays the same journeys and faults. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Everything the seed decides, from the command line's options (as parseArgs gives them): drawn
 * here, before anything runs, so timing cannot change it. The draws come in a fixed order — the
 * journeys, then the rounds of fault kinds, then each fault's target and pause — and a seed gives
 * the same plan only as long as that order stays.
 */
export function drawPlan(opt) {
  const seed = Number(opt.seed);
  const rate = Number(opt.rate);
  const seconds = opt.journeys === undefined ? Number(opt.seconds) : Math.ceil(Number(opt.journeys) / rate);
  const faultKinds = opt.faults.split(',').filter(Boolean);
  for (const f of faultKinds) if (!KNOWN_FAULTS.includes(f)) throw new Error(`--faults: unknown fault ${f} (known: ${KNOWN_FAULTS.join(', ')})`);

  const random = seeded(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const total = opt.journeys === undefined ? Math.round(rate * seconds) : Number(opt.journeys);
  // A journey asks for 1.5 units on average, spread over the SKUs; cancellations give some back.
  const shareOf = (kind) => KINDS.find(([k]) => k === kind)[1];
  const stockFor = (journeys, skus) => (opt.stock === undefined ? Math.max(8, Math.round(((journeys * 1.5) / skus) * 0.7)) : Number(opt.stock));
  // Preorders bring their own units (each its own product, supplied during the journey).
  const stockPerSku = stockFor(total * (1 - shareOf('shipped-to-store') - shareOf('preordered')), SKUS);
  const stockPerWarehouseSku = stockFor(total * shareOf('shipped-to-store'), WAREHOUSE_SKUS);
  const journeys = Array.from({ length: total }, () => {
    let draw = random();
    const [kind] = KINDS.find(([, share]) => (draw -= share) < 0) ?? KINDS[0];
    return { kind, line: { skuIndex: Math.floor(random() * SKUS), quantity: 1 + Math.floor(random() * 2), unitPrice: 1000 } };
  });
  const count = faultKinds.length === 0 ? 0 : Math.max(1, Math.floor(seconds / 15));
  /** The kinds in an order drawn from the seed (Fisher–Yates). */
  const shuffled = (items) => {
    const a = [...items];
    for (let k = a.length - 1; k > 0; k--) {
      const r = Math.floor(random() * (k + 1));
      [a[k], a[r]] = [a[r], a[k]];
    }
    return a;
  };
  // Rounds of every kind once: a run with at least as many faults as kinds injects each of them.
  const kinds = [];
  while (kinds.length < count) kinds.push(...shuffled(faultKinds));
  const faults = Array.from({ length: count }, (_, k) => {
    const kind = kinds[k];
    const target = TARGETS[kind] ?? pick(SERVICE_NAMES);
    return { atMs: ((k + 1) * seconds * 1000) / (count + 1), kind, target, pauseMs: 3000 + Math.floor(random() * 5000) };
  });
  return { seed, rate, seconds, total, faultKinds, stockPerSku, stockPerWarehouseSku, journeys, faults };
}
