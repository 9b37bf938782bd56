'use strict';
/*
 * node.binding: the Node binding against libkare, each result checked.
 * Run: node test/kare.test.js PLAN.json [KARE_TOOL]
 * KARE_FFI_HEADER and KARE_LIBRARY name the files under test; with the kare
 * tool named, the report, pipeline and map must be the tool's bytes.
 * Exits 77 (skipped) when koffi is not installed.
 */

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');

let kare;
try {
  kare = require('../kare.js');
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND' || !/koffi/.test(e.message)) throw e;
  console.log('skipped: koffi is not installed (npm install koffi)');
  process.exit(77);
}
const { Library, Plan, KareError, parseDeclarations } = kare;

const [example, tool] = process.argv.slice(2);
if (!example) throw new Error('usage: node kare.test.js PLAN.json [KARE_TOOL]');
const AS_OF = '2026-11-23';
const library = new Library();

function account(id, attributes, relationship = 'prospect') {
  return { id, name: `Account ${id}`, owner: 'leo', relationship, products: [], attributes };
}

function refused(status, call, path) {
  let error;
  assert.throws(call, (e) => {
    error = e;
    return e instanceof KareError;
  });
  assert.equal(error.status, status);
  if (path !== undefined) assert.equal(error.path, path);
  return error;
}

/** A plan (or report) closed when the test ends: TypeScript's `using`, by hand. */
function closing(t, handle) {
  t.after(() => handle.close());
  return handle;
}

function fromTool(...args) {
  return tool ? execFileSync(tool, args, { encoding: 'utf8' }) : null;
}

const c = library.constants;

test('every function of kare_ffi.h is bound, and its constants read', () => {
  const header = fs.readFileSync(process.env.KARE_FFI_HEADER, 'utf8');
  const declared = [...header.matchAll(/\b(kare_\w+)\(/g)].map((m) => m[1]);
  assert.deepEqual(library.unread, []);
  assert.deepEqual(library.unbound, {});
  assert.deepEqual(Object.keys(library.fn).sort(), declared.sort());
  assert.ok(declared.length > 50);
  assert.equal(c.KARE_OK, 0);
  assert.equal(c.KARE_ERROR_CONFLICT, -5);
  assert.equal(c.KARE_PLACEMENT_EXPAND, 3);
  assert.equal(c.KARE_JSONL_SKIP_INVALID, 1);
  assert.match(library.version(), /^\d+\.\d+\.\d+$/);
  assert.equal(kare.koffiPrototype({ name: 'kare_x', returns: 'kare_status',
    parameters: 'char **out, size_t *out_len, size_t *out_count, const kare_plan *plan, const char *outline' }),
  'kare_status kare_x(_Out_ void **out, _Out_ size_t *out_len, _Out_ size_t *out_count, ' +
    'const kare_plan *plan, const char *outline)');
  assert.deepEqual(parseDeclarations('typedef void (*kare_callback)(void *context);').unread,
    ['typedef void (*kare_callback)(void *context)']);
});

test('a plan loads from a file and from text; a bad one says why', (t) => {
  const plan = closing(t, Plan.fromFile(library, example));
  assert.equal(plan.accountCount(), 26);
  assert.equal(plan.dealCount(), 15);
  assert.equal(Plan.fromJson(library, fs.readFileSync(example, 'utf8')).accountCount(), 26);
  assert.equal(Plan.fromJson(library, { format: 'kare-plan', version: 1 }).accountCount(), 0);
  assert.equal(refused(c.KARE_ERROR_PARSE, () => Plan.fromJson(library, '{"format":')).statusName, 'parse_error');
  refused(c.KARE_ERROR_IO, () => Plan.fromFile(library, '/nonexistent/plan.json'));
});

test('accounts follow the CRM records; a refused record names the place and changes nothing', (t) => {
  const plan = closing(t, Plan.fromFile(library, example));
  assert.equal(plan.placement('EVR-005'), 'unassigned');
  const record = account('ORB-027', { growth_potential: 'medium', risk: 'low' });
  plan.addAccount(record);
  assert.equal(plan.placement('ORB-027'), 'attain');
  plan.replaceAccount({ ...record, attributes: { growth_potential: 'low', risk: 'high' } });
  assert.equal(plan.placement('ORB-027'), 'unassigned');
  plan.removeAccount('ORB-027');
  refused(c.KARE_ERROR_NOT_FOUND, () => plan.placement('ORB-027'));
  const before = plan.toJson();
  const error = refused(c.KARE_ERROR_INVALID_PLAN, () => plan.addAccount(account('BAD-1', { seats: 'many' })),
    'accounts[26].attributes.seats');
  assert.match(error.message, /accounts\[26\]\.attributes\.seats/);
  assert.equal(plan.toJson(), before);
});

test('decisions: assign, a refused second category, move, fire', (t) => {
  const plan = closing(t, Plan.fromFile(library, example));
  plan.assign('EVR-005', 'expand', AS_OF, 'Group-wide rollout agreed');
  assert.equal(refused(c.KARE_ERROR_CONFLICT, () => plan.assign('EVR-005', 'keep', AS_OF)).statusName, 'conflict');
  assert.equal(plan.placement('EVR-005'), 'expand');
  plan.move('EVR-005', 'keep', new Date('2026-11-24T00:00:00Z'), 'Rollout postponed');
  assert.equal(plan.placement('EVR-005'), 'keep');
  plan.fire('ACME-001', AS_OF, 'Costs more than it brings', 'end_relationship');
  assert.equal(plan.placement('ACME-001'), 'fired');
  assert.throws(() => plan.assign('EVR-005', 'sideways', AS_OF), TypeError);
  refused(c.KARE_ERROR_INVALID_ARGUMENT, () => plan.assign('NVA-014', 'attain', '2026-02-30'));
});

test('the report, the pipeline and the map are the tool\'s', (t) => {
  const plan = closing(t, Plan.fromFile(library, example));
  const report = closing(t, plan.report(AS_OF));
  const document = report.toObject();
  for (const placement of ['keep', 'attain', 'recapture', 'expand', 'fired', 'unassigned']) {
    assert.equal(report.count(placement), document.summary[placement]);
  }
  assert.deepEqual(report.findingCodes(), document.findings.map((f) => f.code));
  const pipeline = plan.pipeline(AS_OF);
  assert.equal(pipeline.summary.total, '1241000.00');
  assert.equal(pipeline.summary.honest_total, '445000.00');
  assert.equal(pipeline.summary.bloat_ratio.value, '0.6414');
  const svg = plan.mapSvg(AS_OF);
  assert.match(svg, /^<\?xml[\s\S]*<svg[\s\S]*Evergreen Retail[\s\S]*<\/svg>\s*$/);
  if (tool) {
    assert.equal(report.toJson(), fromTool('report', example, '--as-of', AS_OF, '--json'));
    assert.deepEqual(pipeline, JSON.parse(fromTool('pipeline', example, '--as-of', AS_OF, '--json')));
    assert.equal(svg, fromTool('map', example, '--as-of', AS_OF));
  }
  refused(c.KARE_ERROR_NOT_FOUND, () => plan.report(AS_OF, 'nobody'));
  assert.equal(plan.progress(AS_OF, 'maya', 2).format, 'kare-progress');
});

test('a report outlives its plan; closed handles refuse calls', () => {
  const plan = Plan.fromFile(library, example);
  const report = plan.report(AS_OF);
  plan.close();
  plan.close();
  assert.equal(report.count('attain'), 4);
  assert.throws(() => plan.accountCount(), /the plan is closed/);
  report.close();
  assert.throws(() => report.toJson(), /the report is closed/);
});

test('batch classification, bad rows failing the call or answered in place', (t) => {
  const plan = closing(t, Plan.fromFile(library, example));
  const rows = [
    account('T-1', { growth_potential: 'high', risk: 'low' }),
    account('T-2', { growth_potential: 'medium' }, 'former_client'),
    account('T-3', { risk: 'unknown' }),
  ];
  const results = plan.classify(rows, { threads: 2, skipInvalid: true });
  assert.deepEqual(results.map((r) => r.id ?? r.line), ['T-1', 'T-2', 3]);
  assert.deepEqual(results.slice(0, 2).map((r) => r.placement), ['attain', 'recapture']);
  assert.equal(results[2].error.path, 'attributes.risk');
  refused(c.KARE_ERROR_INVALID_PLAN, () => plan.classify(rows), 'line 3: attributes.risk');
  assert.deepEqual(plan.classify([]), []);
  assert.equal(plan.accountCount(), 26);
});

test('text in and out is UTF-8', (t) => {
  const plan = closing(t, Plan.fromFile(library, example));
  plan.addAccount({ ...account('ÜML-1', { growth_potential: 'high', risk: 'low' }), name: 'Zürich Ωmega' });
  assert.equal(plan.placement('ÜML-1'), 'attain');
  assert.ok(plan.toJson().includes('Zürich Ωmega'));
  assert.equal(library.findingCodes().format, 'kare-finding-codes');
});

test('every string and handle the library hands out is freed once', () => {
  // A Library of its own whose functions count what they hand out and free.
  const counted = new Library();
  const header = fs.readFileSync(process.env.KARE_FFI_HEADER, 'utf8');
  const given = { string: 0, plan: 0, report: 0 };
  const freed = { string: 0, plan: 0, report: 0 };
  const owned = [...header.matchAll(/\b(kare_\w+)\(char \*\*out\b/g)].map((m) => m[1]);
  assert.ok(owned.includes('kare_plan_map_svg'));
  const count = (name, kind, table) => {
    const call = counted.fn[name];
    counted.fn[name] = (...args) => {
      const status = call(...args);
      if (table === given && status === c.KARE_OK && args[0][0] !== null) ++given[kind];
      if (table === freed && args[0] !== null) ++freed[kind];
      return status;
    };
  };
  owned.forEach((name) => count(name, 'string', given));
  count('kare_plan_load', 'plan', given);
  count('kare_plan_load_file', 'plan', given);
  count('kare_report_new', 'report', given);
  count('kare_string_free', 'string', freed);
  count('kare_plan_free', 'plan', freed);
  count('kare_report_free', 'report', freed);

  const plan = Plan.fromFile(counted, example);
  const report = plan.report(AS_OF);
  report.toJson();
  plan.toJson();
  plan.pipeline(AS_OF);
  plan.progress(AS_OF, null, 1);
  plan.mapSvg(AS_OF);
  plan.reviewHtml(AS_OF);
  plan.classify([account('T-1', { risk: 'low' })]);
  counted.findingCodes();
  refused(c.KARE_ERROR_INVALID_PLAN, () => plan.classify([account('T-2', { risk: 'unknown' })]));
  refused(c.KARE_ERROR_NOT_FOUND, () => plan.pipeline(AS_OF, 'nobody'));
  Plan.fromJson(counted, { format: 'kare-plan', version: 1 }).close();
  report.close();
  plan.close();
  assert.deepEqual(given, { string: 8, plan: 2, report: 1 });
  assert.deepEqual(freed, given);
});

test('the JavaScript snippet of docs/embedding.md runs and prints what it says', () => {
  const guide = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'embedding.md'), 'utf8');
  const blocks = [...guide.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.ok(blocks.length >= 1);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kare-docs-'));
  try {
    fs.copyFileSync(example, path.join(work, 'plan.json'));
    for (const code of blocks) {
      const expected = code.split('\n').filter((line) => /console\.log\(/.test(line))
        .map((line) => /;\s*\/\/ (.+)$/.exec(line)).filter(Boolean).map((m) => m[1]);
      const script = path.join(work, 'snippet.js');
      fs.writeFileSync(script, code.replace("require('kare')", `require(${JSON.stringify(path.join(__dirname, '..', 'kare.js'))})`));
      const output = execFileSync(process.execPath, [script], { cwd: work, encoding: 'utf8' });
      assert.deepEqual(output.split('\n').filter(Boolean), expected);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
