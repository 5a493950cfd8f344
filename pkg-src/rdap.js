// icp-precheck/rdap: finds the RDAP server of a domain in IANA's bootstrap registry (RFC 9224)
// and fetches the domain's registration data (RFC 9083) with `fetch`, for `parseRdap` /
// `checkRegistration`. Plain ES2017, no dependencies; runs in browsers, Web Workers, Node 18+
// and Cloudflare-style workers. Nothing here throws: every failure is a result with a reason.
//
//   import { lookupRdap } from 'icp-precheck/rdap';
//   const r = await lookupRdap('example.com');      // bootstrap: ./rdap-bootstrap.json beside this file
//   if (r.ok) checkRegistration(r.answer, { locale: 'en' });
//   else r.reason;   // 'no_server' | 'network' | 'timeout' | 'not_found' | 'http' | 'not_json' | 'too_large' | 'aborted'
//
// In a browser, a server that refuses cross-origin reads (no Access-Control-Allow-Origin) and a
// server that cannot be reached look the same to `fetch` (a TypeError): both are 'network'.
// ICANN's gTLD profile requires `Access-Control-Allow-Origin: *`; .cn, .中国, .hk, .mo and .tw
// have no RDAP at all (port-43 WHOIS only), so they are 'no_server'.

/** Answers (and bootstraps) larger than this are refused: 'too_large'. */
export const RDAP_MAX_BYTES = 1024 * 1024;
const ACCEPT = 'application/rdap+json';
const DEFAULT_TIMEOUT_MS = 8000;
const MAX_TIMEOUT_MS = 120000;

// A browser or a browser worker: the only places where credentials, mode and referrer policy
// mean something (some server-side runtimes refuse these RequestInit members).
const IN_BROWSER = typeof document !== 'undefined' || typeof importScripts === 'function';

function failure(reason, extra) {
  const out = { ok: false, reason };
  if (extra) {
    if (extra.status !== undefined) out.status = extra.status;
    if (extra.url !== undefined) out.url = extra.url;
    if (extra.stage !== undefined) out.stage = extra.stage;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names and the bootstrap
// ---------------------------------------------------------------------------------------------

/**
 * The name as the bootstrap and the URL want it: trimmed, one trailing dot removed, lower-cased
 * when it is ASCII (A-labels). '' when it cannot be a domain name.
 */
function normaliseName(input) {
  if (typeof input !== 'string') return '';
  let s = input.trim();
  if (s.charAt(s.length - 1) === '.') s = s.slice(0, -1);
  if (s === '' || s.length > 253) return '';
  if (/^[\x00-\x7f]*$/.test(s)) {
    s = s.toLowerCase();
    if (!/^[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})*$/.test(s)) return '';
    return s;
  }
  // A U-label: accepted as given (only A-labels are in the bootstrap, so it rarely matches),
  // but nothing that a URL path would read differently, no full-width ASCII (the caller maps
  // that first) and no empty labels.
  if (/[\x00-\x2c\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u3002\uff01-\uff5e\uff61]/.test(s)) return '';
  if (s.split('.').some((label) => label === '')) return '';
  return s;
}

/** Base URLs of one service: http(s) only, no user info, each ending in '/', https first. */
function baseUrls(list) {
  const secure = [];
  const plain = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    let url;
    try {
      url = new URL(item);
    } catch (e) {
      continue;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) continue;
    url.search = '';
    url.hash = '';
    let href = url.href;
    if (href.charAt(href.length - 1) !== '/') href += '/';
    const into = url.protocol === 'https:' ? secure : plain;
    if (secure.indexOf(href) < 0 && plain.indexOf(href) < 0) into.push(href);
  }
  return secure.concat(plain);
}

// bootstrap object -> { map: Map<label(s), urls>, longest: number of labels of the longest key }
const indexes = new WeakMap();

function indexFor(bootstrap) {
  if (!bootstrap || typeof bootstrap !== 'object') return null;
  const cached = indexes.get(bootstrap);
  if (cached) return cached;
  const services = Array.isArray(bootstrap) ? bootstrap : bootstrap.services;
  if (!Array.isArray(services)) return null;
  const map = new Map();
  let longest = 0;
  for (const service of services) {
    if (!Array.isArray(service) || !Array.isArray(service[0]) || !Array.isArray(service[1])) continue;
    const urls = baseUrls(service[1]);
    if (!urls.length) continue;
    for (const entry of service[0]) {
      const key = normaliseName(entry);
      if (!key || map.has(key)) continue;   // the first service that names a label wins
      map.set(key, urls);
      longest = Math.max(longest, key.split('.').length);
    }
  }
  const index = { map, longest };
  indexes.set(bootstrap, index);
  return index;
}

/**
 * The RDAP base URLs for `domain` (A-labels, as `checkDomain(x).registrable` gives them), from
 * the longest matching entry of the bootstrap (RFC 9224 §4), https first; [] when there is none.
 * `bootstrap` is IANA's dns.json (or this package's rdap-bootstrap.json), or its `services` array.
 */
export function rdapServers(domain, bootstrap) {
  try {
    const name = normaliseName(domain);
    const index = indexFor(bootstrap);
    if (!name || !index) return [];
    const labels = name.split('.');
    for (let n = Math.min(labels.length, index.longest); n >= 1; n -= 1) {
      const urls = index.map.get(labels.slice(labels.length - n).join('.'));
      if (urls) return urls.slice();
    }
    return [];
  } catch (e) {
    return [];   // a hostile object (throwing getters, revoked Proxy)
  }
}

// ---------------------------------------------------------------------------------------------
// Fetching JSON with a deadline and a size limit
// ---------------------------------------------------------------------------------------------

function timeoutOf(value) {
  const n = Number(value);
  if (value === undefined || value === null || !(n > 0)) return DEFAULT_TIMEOUT_MS;
  return Math.min(n, MAX_TIMEOUT_MS);
}

function fetchOf(options) {
  if (typeof options.fetch === 'function') return options.fetch;
  if (typeof fetch === 'function') return (url, init) => fetch(url, init);
  return null;
}

function requestInit(signal) {
  const init = { method: 'GET', headers: { Accept: ACCEPT }, redirect: 'follow' };
  if (signal) init.signal = signal;
  if (IN_BROWSER) {
    init.credentials = 'omit';        // no cookies or HTTP auth, whoever the server is
    init.mode = 'cors';
    init.referrerPolicy = 'no-referrer';
  }
  return init;
}

const TOO_LARGE = {};

function cancel(response) {
  try {
    if (response.body && typeof response.body.cancel === 'function') response.body.cancel().catch(() => {});
  } catch (e) {
    // nothing to release
  }
}

/** The body as text, or TOO_LARGE past RDAP_MAX_BYTES; rejects when the connection fails. */
async function bodyText(response) {
  const body = response.body;
  if (body && typeof body.getReader === 'function' && typeof TextDecoder === 'function') {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    let size = 0;
    let text = '';
    for (;;) {
      const step = await reader.read();
      if (step.done) break;
      const chunk = step.value;
      size += chunk.byteLength;
      if (size > RDAP_MAX_BYTES) {
        reader.cancel().catch(() => {});
        return TOO_LARGE;
      }
      text += decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  }
  const text = await response.text();
  return text.length > RDAP_MAX_BYTES ? TOO_LARGE : text;
}

function header(response, name) {
  try {
    return response.headers && typeof response.headers.get === 'function' ? response.headers.get(name) : null;
  } catch (e) {
    return null;
  }
}

/**
 * GET url as JSON: { ok: true, url, answer } or a failure. The deadline covers the headers and
 * the body; a caller's signal aborts it.
 */
async function getJson(url, fetchFn, timeoutMs, signal, stage) {
  if (signal && signal.aborted) return failure('aborted', { url, stage });
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  let why = null;   // 'timeout' | 'aborted' once the request has been cut
  let timer = null;
  let onAbort = null;
  const cut = new Promise((resolve) => {
    timer = setTimeout(() => {
      why = 'timeout';
      if (controller) controller.abort();
      resolve(failure('timeout', { url, stage }));
    }, timeoutMs);
    if (signal && typeof signal.addEventListener === 'function') {
      onAbort = () => {
        why = 'aborted';
        if (controller) controller.abort();
        resolve(failure('aborted', { url, stage }));
      };
      signal.addEventListener('abort', onAbort);
    }
  });
  const work = (async () => {
    let response;
    try {
      response = await fetchFn(url, requestInit(controller ? controller.signal : undefined));
    } catch (e) {
      return failure(why || 'network', { url, stage });
    }
    if (!response || typeof response.status !== 'number') return failure('network', { url, stage });
    const finalUrl = typeof response.url === 'string' && response.url ? response.url : url;
    const status = response.status;
    if (status === 404) {
      cancel(response);
      return failure('not_found', { status, url: finalUrl, stage });
    }
    if (status < 200 || status > 299) {
      cancel(response);
      return failure('http', { status, url: finalUrl, stage });
    }
    const declared = Number(header(response, 'content-length'));
    if (declared > RDAP_MAX_BYTES) {
      cancel(response);
      return failure('too_large', { status, url: finalUrl, stage });
    }
    let text;
    try {
      text = await bodyText(response);
    } catch (e) {
      return failure(why || 'network', { status, url: finalUrl, stage });
    }
    if (text === TOO_LARGE) return failure('too_large', { status, url: finalUrl, stage });
    let answer;
    try {
      answer = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      return failure('not_json', { status, url: finalUrl, stage });
    }
    if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
      return failure('not_json', { status, url: finalUrl, stage });
    }
    return { ok: true, url: finalUrl, answer };
  })();
  try {
    return await Promise.race([work, cut]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

function defaultBootstrapUrl() {
  try {
    return new URL('./rdap-bootstrap.json', import.meta.url).href;
  } catch (e) {
    return null;
  }
}

// url -> bootstrap, for bootstraps fetched successfully (they change a few times a year).
const loaded = new Map();

/**
 * Fetches a bootstrap (IANA's dns.json or this package's rdap-bootstrap.json):
 * { ok: true, url, bootstrap } or a failure with stage 'bootstrap'. Successful loads are kept
 * for the life of the module. Without a URL, ./rdap-bootstrap.json beside this module.
 */
export async function loadRdapBootstrap(url, options) {
  let where = null;
  try {
    const opts = options && typeof options === 'object' ? options : {};
    where = url === undefined || url === null ? defaultBootstrapUrl() : String(url);
    if (!where) return failure('network', { stage: 'bootstrap' });
    if (loaded.has(where)) return { ok: true, url: where, bootstrap: loaded.get(where) };
    const fetchFn = fetchOf(opts);
    if (!fetchFn) return failure('network', { url: where, stage: 'bootstrap' });
    const got = await getJson(where, fetchFn, timeoutOf(opts.timeoutMs), opts.signal, 'bootstrap');
    if (!got.ok) return got;
    if (!Array.isArray(got.answer.services)) return failure('not_json', { url: got.url, stage: 'bootstrap' });
    loaded.set(where, got.answer);
    return { ok: true, url: got.url, bootstrap: got.answer };
  } catch (e) {
    return failure('network', { url: where === null ? undefined : where, stage: 'bootstrap' });
  }
}

/**
 * Looks `domain` up in RDAP: GET <base>domain/<name> with `Accept: application/rdap+json`, no
 * credentials, at most RDAP_MAX_BYTES, within `timeoutMs` (default 8000) per request. Tries the
 * next server of the service after a network failure, a timeout or a 5xx. Never throws.
 */
export async function lookupRdap(domain, options) {
  try {
    const opts = options && typeof options === 'object' ? options : {};
    const name = normaliseName(domain);
    if (!name) return failure('no_server', { stage: 'lookup' });
    const fetchFn = fetchOf(opts);
    if (!fetchFn) return failure('network', { stage: 'lookup' });
    const timeoutMs = timeoutOf(opts.timeoutMs);
    let bootstrap = opts.bootstrap;
    if (!bootstrap) {
      const got = await loadRdapBootstrap(opts.bootstrapUrl, { fetch: fetchFn, timeoutMs, signal: opts.signal });
      if (!got.ok) return got;
      bootstrap = got.bootstrap;
    }
    const servers = rdapServers(name, bootstrap);
    if (!servers.length) return failure('no_server', { stage: 'lookup' });
    const path = `domain/${name.split('.').map(encodeURIComponent).join('.')}`;
    let last = null;
    for (const base of servers) {
      last = await getJson(base + path, fetchFn, timeoutMs, opts.signal, 'lookup');
      const retry = !last.ok && (last.reason === 'network' || last.reason === 'timeout'
        || (last.reason === 'http' && last.status >= 500));
      if (!retry) break;
    }
    return last;
  } catch (e) {
    return failure('network', { stage: 'lookup' });
  }
}
