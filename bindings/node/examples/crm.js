'use strict';
/*
 * What a Node or TypeScript CRM does with kare: load the team's plan, keep
 * its accounts in step with the CRM's records, record decisions, show the
 * review, the pipeline and the map, classify a table of records, and report
 * a refused record with the place in it that is wrong.
 *
 * Run: node examples/crm.js PLAN.json [MAP.svg]
 * (KARE_FFI_HEADER and KARE_LIBRARY name kare_ffi.h and libkare.so.1 when
 * they are not installed where the system looks.)
 */

const fs = require('node:fs');
const { Library, Plan, KareError } = require('../kare.js');

const [planPath, mapPath] = process.argv.slice(2);
if (!planPath) {
  console.error('usage: node crm.js PLAN.json [MAP.svg]');
  process.exit(2);
}
const today = '2026-11-23';
const kare = new Library();
console.log(`kare ${kare.version()}`);

const plan = Plan.fromFile(kare, planPath);
try {
  console.log(`${plan.accountCount()} accounts`);

  // A record created in the CRM, then edited there.
  const prospect = {
    id: 'ORB-027', name: 'Orbit Freight', owner: 'leo', relationship: 'prospect', products: [],
    attributes: { growth_potential: 'medium', risk: 'low', industry: 'logistics', seats: 80 },
  };
  plan.addAccount(prospect);
  console.log(`ORB-027 added: ${plan.placement('ORB-027')}`);
  plan.replaceAccount({ ...prospect, attributes: { ...prospect.attributes, risk: 'high', growth_potential: 'low' } });
  console.log(`ORB-027 updated: ${plan.placement('ORB-027')}`);

  // Decisions, dated and explained; a refusal changes nothing.
  plan.assign('EVR-005', 'expand', today, 'Group-wide rollout agreed');
  try {
    plan.assign('EVR-005', 'keep', today);
  } catch (e) {
    if (!(e instanceof KareError)) throw e;
    console.log(`refused: ${e.statusName}`);
  }
  plan.move('EVR-005', 'keep', today, 'Rollout postponed to next year');
  plan.fire('ORB-027', today, 'Not our business', 'disqualify');
  console.log(`EVR-005 is ${plan.placement('EVR-005')}, ORB-027 is ${plan.placement('ORB-027')}`);

  // The review: counts and findings; the report is freed as soon as it is read.
  const report = plan.report(today);
  try {
    for (const placement of ['keep', 'attain', 'recapture', 'expand', 'fired', 'unassigned']) {
      console.log(`${placement.padEnd(10)} ${report.count(placement)}`);
    }
    console.log(`${report.findingCodes().length} findings`);
  } finally {
    report.close();
  }

  const { summary } = plan.pipeline(today);
  console.log(`pipeline: ${summary.open_deals} open deals, total ${summary.total}, ` +
    `honest ${summary.honest_total}, bloat ${summary.bloat_ratio.value}`);

  const svg = plan.mapSvg(today);
  if (mapPath) fs.writeFileSync(mapPath, svg);
  console.log(`map: ${Buffer.byteLength(svg)} bytes of SVG`);

  // A CRM table classified in one call, bad rows answered in place.
  const rows = [
    { id: 'T-1', name: 'Row one', owner: 'anyone', relationship: 'client', products: [],
      attributes: { growth_potential: 'high', profitability: 'high', risk: 'low', repeat_purchases: false, seats: 500 } },
    { id: 'T-2', name: 'Row two', owner: 'anyone', relationship: 'former_client', products: [],
      attributes: { growth_potential: 'medium' } },
    { id: 'T-3', name: 'Row three', owner: 'anyone', relationship: 'client', products: [],
      attributes: { risk: 'unknown' } },
  ];
  for (const result of plan.classify(rows, { threads: 2, skipInvalid: true })) {
    console.log(result.error ? `row ${result.line} refused at ${result.error.path}` : `${result.id}: ${result.placement}`);
  }

  // A record kare refuses: the error names the place.
  try {
    plan.addAccount({ id: 'BAD-1', name: 'Bad', owner: 'maya', relationship: 'client', products: [],
      attributes: { seats: 'many' } });
  } catch (e) {
    if (!(e instanceof KareError)) throw e;
    console.log(`refused ${e.statusName} at ${e.path}: ${e.kareMessage}`);
  }
  console.log(`${plan.accountCount()} accounts`);
} finally {
  plan.close();
}
