// Types of kare.js for TypeScript CRMs: `import { Library, Plan } from 'kare'`.

export type PlacementName = 'keep' | 'attain' | 'recapture' | 'expand' | 'fired' | 'unassigned';
export type DateLike = string | Date;
export type Document = string | Record<string, unknown>;

/** A call kare refused; the plan is as it was before. */
export class KareError extends Error {
  /** The KARE_ERROR_ code, e.g. -5. */
  readonly status: number;
  /** Its stable name, e.g. "conflict". */
  readonly statusName: string;
  /** The library's sentence, without the path. */
  readonly kareMessage: string;
  /** Where in the document, e.g. "accounts[26].attributes.seats"; "" for no place. */
  readonly path: string;
}

export class Library {
  /** Header: the option, else $KARE_FFI_HEADER, else an installed kare_ffi.h; library: else $KARE_LIBRARY, else libkare.so.1. */
  constructor(options?: { header?: string; library?: string });
  /** The enum constants of kare_ffi.h: KARE_OK, KARE_ERROR_CONFLICT, KARE_PLACEMENT_EXPAND, ... */
  readonly constants: Readonly<Record<string, number>>;
  /** Every function of kare_ffi.h, bound by koffi; outputs are one-element arrays. */
  readonly fn: Record<string, (...args: unknown[]) => any>;
  /** Declarations of kare_ffi.h of a form this binding cannot read, and functions koffi refused (name: reason). */
  readonly unread: string[];
  readonly unbound: Record<string, string>;
  version(): string;
  findingCodes(): any;
  check(status: number): void;
}

interface Closable {
  /** Frees the handle now; later calls throw. */
  close(): void;
}

export class Plan implements Closable {
  static fromJson(kare: Library, document: Document): Plan;
  static fromFile(kare: Library, path: string): Plan;
  close(): void;
  toJson(): string;
  save(path: string): void;
  accountCount(): number;
  dealCount(): number;
  placement(accountId: string): PlacementName;
  addAccount(account: Document): void;
  replaceAccount(account: Document): void;
  removeAccount(accountId: string): void;
  assign(accountId: string, category: 'keep' | 'attain' | 'recapture' | 'expand', on: DateLike, reason?: string | null): void;
  move(accountId: string, placement: PlacementName | 'open', on: DateLike, reason: string): void;
  fire(accountId: string, on: DateLike, reason: string, action: string): void;
  addDeal(deal: Document): void;
  report(asOf: DateLike, rep?: string | null): Report;
  pipeline(asOf: DateLike, rep?: string | null): any;
  progress(asOf: DateLike, rep?: string | null, trendPeriods?: number): any;
  mapSvg(asOf: DateLike, rep?: string | null): string;
  reviewHtml(asOf: DateLike, rep?: string | null): string;
  classify(accounts: Document[], options?: { threads?: number; skipInvalid?: boolean }): any[];
  classifyJsonl(jsonl: string, options?: { threads?: number; skipInvalid?: boolean }): string;
}

export class Report implements Closable {
  close(): void;
  count(placement: PlacementName): number;
  findingCodes(): string[];
  toJson(): string;
  toObject(): any;
}
