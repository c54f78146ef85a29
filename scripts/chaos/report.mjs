// The report of a chaos run, as it is printed at the end: its journeys, faults and invariants.
import { step } from '../lib/setup.mjs';
import { log } from './run-context.mjs';

/**
 * Prints the results as Markdown tables: per kind of journey how each ended, per fault how long the
 * system took to be ready again, per invariant whether it held. `stats` counts the calls retried
 * and the answers lost.
 */
export function printTable(report, stats, done) {
  step(
    `results (seed ${report.seed}; ${stats.retries} calls retried through faults; ${stats.answersLost} answers lost after the change was applied, the state read instead; payments: ${report.payments.requests} asked, ${report.payments.refused} refused at first, ${report.payments.sentAgain} sent again from the desk)`,
  );
  log('| journey | started | completed | cleanly refused | failed | doubled |');
  log('| --- | --- | --- | --- | --- | --- |');
  const names = {
    collected: 'click & collect, collected',
    cancelled: 'click & collect, cancelled by the customer',
    retried: 'placement retried with its key',
    delivered: 'home delivery from the store, delivered',
    returned: 'collected, then returned at the store and refunded',
    exchanged: 'collected, then exchanged at the store for another SKU',
    preordered: 'preorder supplied, released and collected at the store',
    'shipped-to-store': 'click & collect shipped from the warehouse by transfer (one in five lost on the road), collected',
    cart: 'cart from the web handed to the POS, checked out there, collected',
  };
  for (const [kind, name] of Object.entries(names)) {
    const of = done.filter((j) => j.kind === kind);
    const n = (o) => of.filter((j) => j.outcome === o).length;
    log(`| ${name} | ${of.length} | ${n('completed')} | ${n('refused')} | ${n('failed')} | ${of.filter((j) => j.orderIds.size > 1).length} |`);
  }
  log('');
  log('| fault | target | at | lasted | ready again after |');
  log('| --- | --- | --- | --- | --- |');
  for (const f of report.faults)
    log(
      `| ${f.kind} | ${f.target} | ${f.atS} s | ${f.lastedMs} ms | ${f.skipped ? `skipped: ${f.skipped}` : f.recoveredMs === null ? 'never' : `${f.recoveredMs} ms`} |`,
    );
  log('');
  log('| invariant | result |');
  log('| --- | --- |');
  for (const c of report.invariants) log(`| ${c.name} | ${c.holds ? 'holds' : `BROKEN: ${c.detail}`} |`);
}
