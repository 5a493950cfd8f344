// icp-precheck/rdap: RDAP server discovery (RFC 9224) and domain look-up (RFC 9083) with fetch.

/** One service of the bootstrap: TLD labels (A-labels) and the base URLs of their RDAP server. */
export type RdapService = [labels: string[], baseUrls: string[]];

/** IANA's dns.json, or this package's rdap-bootstrap.json (which adds source, publication, licence). */
export interface RdapBootstrap {
  services: RdapService[];
  source?: string;
  publication?: string | null;
  licence?: string;
  version?: string;
  description?: string;
}

/** What `rdapServers` and `lookupRdap` accept as a bootstrap: the whole file or its services. */
export type RdapBootstrapInput = RdapBootstrap | RdapService[];

/** The request `lookupRdap` makes (credentials, mode and referrerPolicy in browsers only). */
export interface RdapRequestInit {
  method: 'GET';
  headers: { Accept: 'application/rdap+json' };
  redirect: 'follow';
  signal?: AbortSignal;
  credentials?: 'omit';
  mode?: 'cors';
  referrerPolicy?: 'no-referrer';
}

/** The part of a fetch Response that is read; a real `Response` fits. */
export interface RdapFetchResponse {
  readonly status: number;
  readonly url?: string;
  readonly headers?: { get(name: string): string | null };
  readonly body?: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(reason?: unknown): Promise<void>;
    };
    cancel?(reason?: unknown): Promise<void>;
  } | null;
  text(): Promise<string>;
}

/** A fetch function; the global `fetch` fits. */
export type RdapFetch = (url: string, init: RdapRequestInit) => Promise<RdapFetchResponse>;

export interface RdapFetchOptions {
  /** Another fetch (tests, a proxy); default the global `fetch`. */
  fetch?: RdapFetch;
  /** Milliseconds per request, headers and body (default 8000, at most 120000). */
  timeoutMs?: number;
  /** Aborts the look-up: the result is `{ ok: false, reason: 'aborted' }`. */
  signal?: AbortSignal;
}

export interface LookupRdapOptions extends RdapFetchOptions {
  /** The bootstrap to use; when absent it is fetched from `bootstrapUrl`. */
  bootstrap?: RdapBootstrapInput;
  /** Where to fetch the bootstrap; default ./rdap-bootstrap.json beside this module. */
  bootstrapUrl?: string | URL;
}

/**
 * Why a look-up gave no answer. In a browser a server without `Access-Control-Allow-Origin`
 * (a CORS refusal) cannot be told from an unreachable one: both are 'network'.
 */
export type RdapFailureReason =
  | 'no_server'   // no RDAP server for this TLD (.cn, .中国, .hk, .tw …), or not a domain name
  | 'network'     // unreachable, refused by CORS or CSP, or the connection broke
  | 'timeout'     // no complete answer within timeoutMs
  | 'not_found'   // HTTP 404: the registry has no such domain
  | 'http'        // any other status outside 200–299 (see `status`)
  | 'not_json'    // the body is not a JSON object
  | 'too_large'   // more than 1 MB
  | 'aborted';    // the caller's signal aborted it

export interface RdapFailure {
  ok: false;
  reason: RdapFailureReason;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** The URL that failed (after redirects when known). */
  url?: string;
  /** Whether fetching the bootstrap or the domain failed. */
  stage?: 'bootstrap' | 'lookup';
}

/** An RDAP answer: a JSON object as the server sent it (RFC 9083), for `parseRdap`. */
export interface RdapLookupAnswer {
  [member: string]: unknown;
}

export interface RdapSuccess {
  ok: true;
  /** The URL that answered (after redirects). */
  url: string;
  answer: RdapLookupAnswer;
}

export type RdapLookupResult = RdapSuccess | RdapFailure;

export interface RdapBootstrapLoaded {
  ok: true;
  url: string;
  bootstrap: RdapBootstrap;
}

/** Answers and bootstraps larger than this many bytes are refused ('too_large'). */
export const RDAP_MAX_BYTES: number;

/**
 * RDAP base URLs for `domain` (A-labels, e.g. `checkDomain(x).registrable`) from the longest
 * matching bootstrap entry (RFC 9224 §4), https first; `[]` when the TLD has no RDAP server.
 */
export function rdapServers(domain: string, bootstrap: RdapBootstrapInput): string[];

/** Fetches a bootstrap; default ./rdap-bootstrap.json beside this module. Never rejects. */
export function loadRdapBootstrap(
  url?: string | URL | null,
  options?: RdapFetchOptions,
): Promise<RdapBootstrapLoaded | RdapFailure>;

/**
 * GET `<base>domain/<name>` with `Accept: application/rdap+json` and no credentials; refuses
 * answers over 1 MB. Never rejects: a failure is `{ ok: false, reason }`.
 */
export function lookupRdap(domain: string, options?: LookupRdapOptions): Promise<RdapLookupResult>;
