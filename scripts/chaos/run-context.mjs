// What every part of a chaos run shares: the ports its stack listens on, the names of what it
// creates (unique to the run, so runs never meet in the broker's topics), and the services' clock,
// which a clock-jump fault moves days ahead.

export const SERVICES = { order: 3201, inventory: 3202, returns: 3203, customer: 3204 };
export const KAFKA_PORT = 19392;
export const DAY_MS = 86_400_000;
/** How far a clock jump moves every service's clock forward (each jump adds to the ones before). */
export const CLOCK_JUMP_MS = 3 * DAY_MS;
/** Days the run's store holds a ready pickup: the journeys' deadlines, which clock jumps stop short of. */
export const STORE_HOLD_DAYS = 60;

export const log = (m) => console.log(m);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What a harness consumer's crash prints (superviseConsumer): kafkajs restarts it, or it is made again. */
export const consumerCrashed = (who) => (err, restarted) =>
  log(`  ${who}: its consumer crashed (${err?.message ?? 'unknown error'}); ${restarted ? 'kafkajs restarts it' : 'made again'}`);

/** The run's name, and the store, warehouse and SKUs it creates under that name. */
export function runNames(seed) {
  const run = `${seed}-${Date.now().toString(36)}`.toUpperCase();
  return {
    run,
    storeId: `CHAOS-${run}`,
    warehouseId: `CHAOS-${run}-WH`,
    sku: (i) => `CHAOS-${run}-SKU-${i}`,
    warehouseSku: (i) => `CHAOS-${run}-WHSKU-${i}`,
    /** A preorder journey's own product: released a few seconds after it is placed. */
    preorderSku: (i) => `CHAOS-${run}-PRE-${i}`,
  };
}

/**
 * How far the services' clocks are ahead of this one (`offsetMs`), when each jump was made
 * (`jumps`), and what the services take to be now (`now()`).
 */
export function serviceClock() {
  const clock = { offsetMs: 0, jumps: [], now: () => Date.now() + clock.offsetMs };
  return clock;
}
