'use strict';
/*
 * kare for Node (and TypeScript, see kare.d.ts) through koffi, declared from
 * kare_ffi.h: every function of kare.h is read from the header, none is
 * written out here, so a libkare that grows needs no change to this file.
 *
 * Ownership: a string the library hands out is copied into a JS string and
 * freed with kare_string_free before the call returns. Plans and reports are
 * freed by close() (or `using` where the language has it); a finalizer frees
 * one that is forgotten, at a time the garbage collector chooses.
 *
 * Threads: call kare synchronously. The error record is per thread, and
 * koffi's .async() runs a call on another thread, where this file could not
 * read the error back.
 */

const fs = require('node:fs');
const koffi = require('koffi');

const ABI_VERSION = 1;
const HEADER_CANDIDATES = ['/usr/local/include/kare/kare_ffi.h', '/usr/include/kare/kare_ffi.h'];

/** A call kare refused: status, its stable name, the message and the document path. */
class KareError extends Error {
  constructor(status, statusName, message, path) {
    super(path ? `${message} (${statusName} at ${path})` : `${message} (${statusName})`);
    this.name = 'KareError';
    this.status = status;
    this.statusName = statusName;
    this.kareMessage = message;
    this.path = path;
  }
}

/**
 * Reads kare_ffi.h: one top-level declaration per line (enum and struct
 * bodies one member per line). Returns the typedefs, enum constants and
 * prototypes, in order, and the declarations of any other form (unread).
 */
function parseDeclarations(text) {
  const declarations = text.replace(/\s+/g, ' ').split(/;(?![^{]*\})/).map((d) => d.trim()).filter(Boolean);
  const parsed = { constants: {}, types: [], prototypes: [], unread: [] };
  for (const declaration of declarations) {
    let match;
    if ((match = /^enum\s*\{(.*)\}$/.exec(declaration))) {
      for (const enumerator of match[1].split(',')) {
        const [name, value] = enumerator.split('=').map((s) => s.trim());
        parsed.constants[name] = Number(value);
      }
    } else if ((match = /^typedef struct (\w+) \{(.*)\} (\w+)$/.exec(declaration))) {
      const members = match[2].split(';').map((m) => m.trim()).filter(Boolean).map((m) => {
        const [, type, name] = /^(.*?)\s*(\w+)$/.exec(m);
        return [name, type.trim()];
      });
      parsed.types.push({ kind: 'struct', name: match[3], members: Object.fromEntries(members) });
    } else if ((match = /^typedef struct (\w+) (\w+)$/.exec(declaration))) {
      parsed.types.push({ kind: 'opaque', name: match[2] });
    } else if ((match = /^typedef (.+?)\s*(\w+)$/.exec(declaration))) {
      parsed.types.push({ kind: 'alias', name: match[2], type: match[1] });
    } else if ((match = /^(.*?)\b(kare_\w+)\((.*)\)$/.exec(declaration))) {
      parsed.prototypes.push({ name: match[2], returns: match[1].trim(), parameters: match[3] });
    } else {
      parsed.unread.push(declaration);
    }
  }
  return parsed;
}

/**
 * kare.h's conventions, told to koffi: parameters named out or out_… (out_len,
 * out_count) are written by the call, and an owned string (char **out…) is
 * taken as a raw pointer so that it can be freed after it is read.
 */
function koffiPrototype({ name, returns, parameters }) {
  const list = parameters === 'void' ? [] : parameters.split(',').map((p) => p.trim());
  const marked = list.map((parameter) => {
    if (!/\bout(_\w+)?$/.test(parameter)) return parameter;
    return '_Out_ ' + parameter.replace(/^char \*\*(\w+)$/, 'void **$1');
  });
  return `${returns} ${name}(${marked.join(', ') || 'void'})`;
}

function findHeader() {
  const found = HEADER_CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error('kare_ffi.h not found: name it, or set KARE_FFI_HEADER');
  return found;
}

/** libkare with every function of kare_ffi.h bound, and its enum constants. */
class Library {
  constructor({ header, library } = {}) {
    header = header || process.env.KARE_FFI_HEADER || findHeader();
    library = library || process.env.KARE_LIBRARY || `libkare.so.${ABI_VERSION}`;
    let text;
    try {
      text = fs.readFileSync(header, 'utf8');
    } catch (e) {
      throw new Error(`cannot read kare's FFI declarations from ${header}: ${e.message}`);
    }
    const declarations = parseDeclarations(text);
    this.constants = Object.freeze(declarations.constants);
    this.lib = koffi.load(library);
    for (const type of declarations.types) {
      // Types are registered once per process; a second Library reuses them.
      if (koffiType(type.name)) continue;
      if (type.kind === 'opaque') koffi.opaque(type.name);
      else if (type.kind === 'struct') koffi.struct(type.name, type.members);
      else koffi.alias(type.name, type.type);
    }
    // A declaration of a form this file does not know (a callback type, say)
    // leaves that function unbound, named in `unread` or `unbound`, and the
    // rest of the library usable.
    this.unread = declarations.unread;
    this.unbound = {};
    this.fn = {};
    for (const prototype of declarations.prototypes) {
      try {
        this.fn[prototype.name] = this.lib.func(koffiPrototype(prototype));
      } catch (e) {
        this.unbound[prototype.name] = e.message;
      }
    }
    const abi = this.fn.kare_abi_version();
    if (abi !== ABI_VERSION) throw new Error(`libkare has ABI version ${abi}, this binding needs ${ABI_VERSION}`);
  }

  /** The library's version, e.g. "0.1.0". */
  version() {
    return this.fn.kare_version_string();
  }

  /** Throws the calling thread's last error when a call did not return KARE_OK. */
  check(status) {
    if (status !== this.constants.KARE_OK) {
      throw new KareError(status, this.fn.kare_status_str(status), this.fn.kare_error_message(),
        this.fn.kare_error_path());
    }
  }

  /** Runs a call handing out a string (char **out, size_t *out_len), copies it, frees it. */
  takeString(call) {
    const out = [null];
    const length = [0];
    const status = call(out, length);
    try {
      this.check(status);
      return Buffer.from(koffi.view(out[0], length[0])).toString('utf8');
    } finally {
      this.fn.kare_string_free(out[0]);
    }
  }

  /** Every finding code kare can raise, as the decoded document. */
  findingCodes() {
    return JSON.parse(this.takeString((out, len) => this.fn.kare_finding_codes_json(out, len)));
  }
}

function koffiType(name) {
  try {
    return koffi.resolve(name);
  } catch {
    return null;
  }
}

function encode(document) {
  return typeof document === 'string' ? document : JSON.stringify(document);
}

function date(value) {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

// Frees a plan or report whose close() was never called.
const finalizer = new FinalizationRegistry(({ free, handle }) => free(handle));

class Handle {
  constructor(kare, handle, free, what) {
    this.kare = kare;
    this.pointer = handle;
    this.free = free;
    this.what = what;
    finalizer.register(this, { free, handle }, this);
  }

  get handle() {
    if (this.pointer === null) throw new Error(`the ${this.what} is closed`);
    return this.pointer;
  }

  /** Frees the handle now; later calls throw. */
  close() {
    if (this.pointer !== null) {
      finalizer.unregister(this);
      this.free(this.pointer);
      this.pointer = null;
    }
  }

  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
    this.close();
  }
}

/** A plan held by libkare; a refused call throws KareError and changes nothing. */
class Plan extends Handle {
  constructor(kare, handle) {
    super(kare, handle, kare.fn.kare_plan_free, 'plan');
  }

  static fromJson(kare, document) {
    const json = encode(document);
    const out = [null];
    kare.check(kare.fn.kare_plan_load(out, json, Buffer.byteLength(json)));
    return new Plan(kare, out[0]);
  }

  static fromFile(kare, path) {
    const out = [null];
    kare.check(kare.fn.kare_plan_load_file(out, path));
    return new Plan(kare, out[0]);
  }

  toJson() {
    return this.kare.takeString((out, len) => this.kare.fn.kare_plan_to_json(out, len, this.handle));
  }

  save(path) {
    this.kare.check(this.kare.fn.kare_plan_save_file(this.handle, path));
  }

  accountCount() {
    return this.count(this.kare.fn.kare_plan_account_count);
  }

  dealCount() {
    return this.count(this.kare.fn.kare_plan_deal_count);
  }

  /** Where an account stands now, as a name: "keep" … "unassigned". */
  placement(accountId) {
    const out = [0];
    this.kare.check(this.kare.fn.kare_plan_account_placement(out, this.handle, accountId, Buffer.byteLength(accountId)));
    return this.kare.fn.kare_placement_str(out[0]);
  }

  addAccount(account) {
    this.withDocument(this.kare.fn.kare_plan_add_account, account);
  }

  replaceAccount(account) {
    this.withDocument(this.kare.fn.kare_plan_replace_account, account);
  }

  removeAccount(accountId) {
    this.kare.check(this.kare.fn.kare_plan_remove_account(this.handle, accountId, Buffer.byteLength(accountId)));
  }

  /** Puts an open or unassigned account in "keep", "attain", "recapture" or "expand". */
  assign(accountId, category, on, reason = null) {
    this.kare.check(this.kare.fn.kare_plan_assign(this.handle, accountId, this.placementCode(category), date(on), reason));
  }

  move(accountId, placement, on, reason) {
    this.kare.check(this.kare.fn.kare_plan_move(this.handle, accountId, this.placementCode(placement), date(on), reason));
  }

  fire(accountId, on, reason, action) {
    this.kare.check(this.kare.fn.kare_plan_fire(this.handle, accountId, date(on), reason, action));
  }

  addDeal(deal) {
    this.withDocument(this.kare.fn.kare_plan_add_deal, deal);
  }

  report(asOf, rep = null) {
    const out = [null];
    this.kare.check(this.kare.fn.kare_report_new(out, this.handle, date(asOf), rep));
    return new Report(this.kare, out[0]);
  }

  pipeline(asOf, rep = null) {
    return JSON.parse(this.asOf(this.kare.fn.kare_plan_pipeline_json, asOf, rep));
  }

  progress(asOf, rep = null, trendPeriods = 0) {
    return JSON.parse(this.asOf(this.kare.fn.kare_plan_progress_json, asOf, rep, trendPeriods));
  }

  mapSvg(asOf, rep = null) {
    return this.asOf(this.kare.fn.kare_plan_map_svg, asOf, rep);
  }

  reviewHtml(asOf, rep = null) {
    return this.asOf(this.kare.fn.kare_plan_review_html, asOf, rep);
  }

  /** Classifies accounts that need not join the plan, one result per account, in order. */
  classify(accounts, { threads = 1, skipInvalid = false } = {}) {
    const lines = accounts.map((account) => encode(account) + '\n').join('');
    return this.classifyJsonl(lines, { threads, skipInvalid })
      .split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
  }

  classifyJsonl(jsonl, { threads = 1, skipInvalid = false } = {}) {
    const flags = skipInvalid ? this.kare.constants.KARE_JSONL_SKIP_INVALID : 0;
    return this.kare.takeString((out, len) => this.kare.fn.kare_plan_classify_jsonl(
      out, len, this.handle, jsonl, Buffer.byteLength(jsonl), threads, flags));
  }

  placementCode(name) {
    const code = this.kare.constants[`KARE_PLACEMENT_${String(name).toUpperCase()}`];
    if (code === undefined) throw new TypeError(`'${name}' is not a placement`);
    return code;
  }

  count(fn) {
    const out = [0];
    this.kare.check(fn(out, this.handle));
    return Number(out[0]);
  }

  withDocument(fn, document) {
    const json = encode(document);
    this.kare.check(fn(this.handle, json, Buffer.byteLength(json)));
  }

  asOf(fn, asOf, rep, ...extra) {
    return this.kare.takeString((out, len) => fn(out, len, this.handle, date(asOf), rep, ...extra));
  }
}

/** An immutable report; it outlives its plan. */
class Report extends Handle {
  constructor(kare, handle) {
    super(kare, handle, kare.fn.kare_report_free, 'report');
  }

  /** How many accounts the report places at "keep" … "unassigned". */
  count(placement) {
    const code = this.kare.constants[`KARE_PLACEMENT_${String(placement).toUpperCase()}`];
    if (code === undefined) throw new TypeError(`'${placement}' is not a placement`);
    const out = [0];
    this.kare.check(this.kare.fn.kare_report_count(out, this.handle, code));
    return Number(out[0]);
  }

  findingCodes() {
    const count = [0];
    this.kare.check(this.kare.fn.kare_report_finding_count(count, this.handle));
    const codes = [];
    for (let i = 0; i < count[0]; ++i) {
      const code = [null]; // borrowed from the report: copied, never freed
      this.kare.check(this.kare.fn.kare_report_finding_code(code, this.handle, i));
      codes.push(code[0]);
    }
    return codes;
  }

  toJson() {
    return this.kare.takeString((out, len) => this.kare.fn.kare_report_to_json(out, len, this.handle));
  }

  toObject() {
    return JSON.parse(this.toJson());
  }
}

module.exports = { Library, Plan, Report, KareError, parseDeclarations, koffiPrototype };
