// Reads the domain reports that src/wasm/transfer.rs writes into the module's memory and
// builds docs/api.md's DomainReport objects from them (the protocol: docs/transfer.md; its tables
// are declared once, in src/wasm/protocol.toml, and generated for both sides). Texts that are
// part of the input are sliced from the caller's own string, rule and catalogue texts are
// decoded once and cached by address, and messages are filled from their cached templates, as
// catalogue::render_with fills them in Rust.
//
// wasm-bindgen makes it a snippet the glue imports; scripts/build-pkg.sh minifies it from here,
// bundling the generated tables in, and puts it into the glue (scripts/inline-snippets.mjs), so
// pages fetch no extra module. Syntax: ES2017.

import { NULL, INPUT, FIELD, BYTES, STATIC, NUMBER, TEMPLATE, SEVERITY, OPTION_NAMES, REPORT_FIELDS, domainReport } from '../generated/transfer-tables.js';

const utf8 = new TextDecoder('utf-8');
const toUtf8 = new TextEncoder();
let buffer = null;
let u8 = null;
let u32 = null;
let i32 = null;
/**
 * Static texts by address, with their length in bytes (two texts may start at the same
 * address when the linker shares a prefix; the later one then gets its own entry under a
 * string key): they never move and never change.
 */
const statics = new Map();
const staticLengths = new Map();
/** Message templates, by the same key, split into [literal, name, literal, name, …, literal]. */
const templates = new Map();
/** The cache key of a static text: its address (a small integer), or address and length. */
function staticKey(ptr, len) {
  const known = staticLengths.get(ptr);
  if (known === undefined) {
    staticLengths.set(ptr, len);
    return ptr;
  }
  return known === len ? ptr : `${ptr}:${len}`;
}

// Read position (in words) and the report being read: module state, to keep the hot path
// free of closures and small objects.
let at = 0;
let bytesBase = 0;
let input = '';
const fields = REPORT_FIELDS.map(() => null);

function useMemory(memory) {
  // A grown WebAssembly memory detaches the old buffer; wasm2js's memory swaps in a new one.
  if (memory.buffer !== buffer) {
    buffer = memory.buffer;
    u8 = new Uint8Array(buffer);
    u32 = new Uint32Array(buffer);
    i32 = new Int32Array(buffer);
  }
}

function decode(ptr, len) {
  if (len <= 24) {
    // Short ASCII (most hosts and params): cheaper than a TextDecoder call.
    let s = '';
    for (let i = ptr, end = ptr + len; i < end; i++) {
      const c = u8[i];
      if (c > 0x7f) return utf8.decode(u8.subarray(ptr, ptr + len));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(u8.subarray(ptr, ptr + len));
}

function staticText(ptr, len) {
  const key = staticKey(ptr, len);
  let s = statics.get(key);
  if (s === undefined) {
    s = decode(ptr, len);
    statics.set(key, s);
  }
  return s;
}

function slice(s, a, b) {
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Reads one text (or number) and moves past it. */
function text() {
  const kind = u32[at], a = u32[at + 1], b = u32[at + 2];
  at += 3;
  switch (kind & 0xff) {
    case NULL: return null;
    case INPUT: return slice(input, a, b);
    case FIELD: return slice(fields[kind >>> 8], a, b);
    case BYTES: return decode(bytesBase + a, b);
    case STATIC: return b === 0 ? '' : staticText(a, b);
    case NUMBER: return (b | 0) * 4294967296 + a;
    default: throw new Error(`icp-precheck: unknown text kind ${kind} in a report`);
  }
}

function template(ptr, len) {
  const key = staticKey(ptr, len);
  let parts = templates.get(key);
  if (parts === undefined) {
    parts = staticText(ptr, len).split(/\{([^}]*)\}/);
    templates.set(key, parts);
  }
  return parts;
}

const names = [];
const values = [];

function issue() {
  const severity = SEVERITY[u32[at]];
  at += 1;
  const code = text();
  const path = text();
  let parts = null;
  let message;
  if (u32[at] === TEMPLATE) {
    parts = template(u32[at + 1], u32[at + 2]);
    at += 3;
  } else {
    message = text();
  }
  const paramCount = u32[at], displayCount = u32[at + 1];
  at += 2;
  const total = paramCount + displayCount;
  let params;
  for (let i = 0; i < total; i++) {
    names[i] = text();
    values[i] = text();
    if (i < paramCount) {
      if (params === undefined) params = {};
      params[names[i]] = values[i];
    }
  }
  if (parts !== null) {
    // Display values first (they override params of the same name), then params.
    message = parts[0];
    for (let p = 1; p < parts.length; p += 2) {
      const name = parts[p];
      let value;
      for (let i = paramCount; i < total; i++) if (names[i] === name) { value = values[i]; break; }
      if (value === undefined) for (let i = 0; i < paramCount; i++) if (names[i] === name) { value = values[i]; break; }
      message += (value === undefined ? `{${name}}` : value) + parts[p + 1];
    }
  }
  return params === undefined
    ? { code, path, severity, message }
    : { code, path, severity, message, params };
}

function report(given) {
  const header = u32[at];
  at += 1;
  input = typeof given === 'string' ? given : '';
  const inputText = text();
  for (let i = 0; i < fields.length; i++) fields[i] = text();
  const count = header >>> 1;
  const issues = new Array(count);
  for (let i = 0; i < count; i++) issues[i] = issue();
  return domainReport((header & 1) === 1, issues, inputText, fields);
}

/**
 * Writes `given` as UTF-8 into the module's input buffer [ptr, ptr + capacity) when it is a
 * string of at most `max` UTF-16 units, and returns its length in bytes; -1 when it is not
 * such a string (the module then reads it the slow way); -2 - n when the buffer needs n bytes.
 * One call instead of wasm-bindgen's type test, length, allocation and copy.
 */
export function writeInput(memory, given, ptr, capacity, max) {
  if (typeof given !== 'string' || given.length > max) return -1;
  const n = given.length;
  if (n * 3 > capacity) return -2 - n * 3;
  useMemory(memory);
  // Lone surrogates become U+FFFD here; the module sends such inputs the slow way, which reports them.
  return writeString(given, ptr, capacity);
}

/** Writes the string `given` as UTF-8 at `ptr`, with room for it; returns its length in bytes. */
function writeString(given, ptr, capacity) {
  const n = given.length;
  let i = 0;
  for (; i < n; i++) {
    const c = given.charCodeAt(i);
    if (c > 0x7f) break;
    u8[ptr + i] = c;
  }
  if (i === n) return n;
  return i + toUtf8.encodeInto(given.slice(i), u8.subarray(ptr + i, ptr + capacity)).written;
}

/**
 * For `checkDomains`: reads `inputs[start]`, `inputs[start + 1]`, … (each once) into `read`,
 * and writes the strings among them as UTF-8 one after another from `ptr`, with a status word
 * per item from `status`: its length in bytes, -1 when it is not a string of at most `max`
 * UTF-16 units, -2 when reading it threw. Stops before `end` when the buffer might not hold
 * the next item (the module's buffer always holds one); returns the number of items done.
 */
export function writeInputs(memory, inputs, read, start, end, status, ptr, capacity, max) {
  useMemory(memory);
  const room = capacity - max * 3;
  let used = 0;
  let i = start;
  for (let s = status >>> 2; i < end && used <= room; i++, s++) {
    let item;
    try {
      item = inputs[i];
    } catch (unreadable) { // named: ES2017 (old webviews) has no optional catch binding
      read.push(undefined);
      i32[s] = -2;
      continue;
    }
    read.push(item);
    if (typeof item !== 'string' || item.length > max) {
      i32[s] = -1;
      continue;
    }
    const length = writeString(item, ptr + used, capacity - used);
    i32[s] = length;
    used += length;
  }
  return i - start;
}

const isOwnEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * The option fields of `options` as one short string, for the module to compare with the last
 * options it read (consoles pass the same options on every keystroke): per field in
 * OPTION_NAMES order, '' when absent, undefined or null (the module reads all three as
 * absent), 't' / 'f' for a boolean, 's' + text for a string; joined by U+0000. Only the own
 * enumerable fields count, as for the module's own reading. Returns null for anything else
 * (not a plain object, a getter that throws, a number where a string belongs, a long or
 * ill-formed string): the module then reads the object field by field and reports it.
 */
export function optionsKey(options) {
  if (typeof options !== 'object' || options === null) return null;
  try {
    if (Array.isArray(options)) return null;
  } catch (revoked) { // a revoked proxy
    return null;
  }
  let key = '';
  for (let i = 0; i < OPTION_NAMES.length; i++) {
    const name = OPTION_NAMES[i];
    let value;
    try {
      if (!isOwnEnumerable.call(options, name)) {
        key += i === 0 ? '' : '\0';
        continue;
      }
      value = options[name];
    } catch (unreadable) { // named: ES2017 (old webviews) has no optional catch binding
      return null;
    }
    if (i > 0) key += '\0';
    if (value === undefined || value === null) continue;
    if (typeof value === 'boolean') key += value ? 't' : 'f';
    else if (typeof value === 'string' && value.length <= 64 && !/[\0\uD800-\uDFFF]/.test(value)) key += 's' + value;
    else return null;
  }
  return key;
}

/** One report, for `checkDomain(given)`. */
export function decodeDomainReport(memory, given, words, bytes) {
  useMemory(memory);
  at = words >>> 2;
  bytesBase = bytes;
  return report(given);
}

/**
 * `count` reports, for `checkDomains`: the i-th reads its input texts from `read[i]`, the
 * items as the module read them (a plain array it made: the page's array is not read twice).
 */
export function decodeDomainReports(memory, read, count, words, bytes) {
  useMemory(memory);
  at = words >>> 2;
  bytesBase = bytes;
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = report(read[i]);
  return out;
}
