// pkg-src/rdap.js in Node: server discovery from the bootstrap (RFC 9224) and look-ups against
// a local HTTP server (answers, 404, 5xx, not JSON, too large, slow, closed port, abort).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { rdapServers, lookupRdap, loadRdapBootstrap, RDAP_MAX_BYTES } from '../../pkg-src/rdap.js';

const shipped = JSON.parse(readFileSync(new URL('../../data/rdap/dns.json', import.meta.url), 'utf8'));

test('the shipped bootstrap: gTLDs have servers, .cn and .中国 have none', () => {
  assert.match(shipped.source, /^npm freewhois \d+\.\d+\.\d+ \(IANA RDAP bootstrap dns\.json, RFC 9224\)$/);
  assert.ok(shipped.services.length > 500);
  assert.deepEqual(rdapServers('example.com', shipped), ['https://rdap.verisign.com/com/v1/']);
  assert.deepEqual(rdapServers('EXAMPLE.COM.', shipped), ['https://rdap.verisign.com/com/v1/']);
  assert.deepEqual(rdapServers('www.example.top', shipped), ['https://rdap.zdnsgtld.com/top/']);
  // CNNIC's gTLDs .公司 / .网络 have RDAP; .cn, .中国, .hk, .tw do not.
  assert.deepEqual(rdapServers('xn--fiq228c.xn--55qx5d', shipped), ['https://restwhois.ngtld.cn/']);
  for (const d of ['example.cn', 'example.com.cn', 'xn--fsqu00a.xn--fiqs8s', 'example.hk', 'example.tw']) {
    assert.deepEqual(rdapServers(d, shipped), [], d);
  }
  assert.deepEqual(rdapServers('example.com', shipped.services), ['https://rdap.verisign.com/com/v1/'], 'services array alone');
});

test('rdapServers: longest match, https first, bad names and bad bootstraps give []', () => {
  const bootstrap = {
    services: [
      [['com'], ['https://a.example/rdap']],
      [['example.com'], ['http://plain.example/', 'https://secure.example/x/']],
      [['net', 'NET'], ['ftp://nope.example/', 'https://user:pw@nope.example/', 'https://n.example/']],
      [['bad'], []],
      'garbage', [null, null],
    ],
  };
  assert.deepEqual(rdapServers('foo.com', bootstrap), ['https://a.example/rdap/'], 'a trailing / is added');
  assert.deepEqual(rdapServers('foo.example.com', bootstrap), ['https://secure.example/x/', 'http://plain.example/']);
  assert.deepEqual(rdapServers('example.com', bootstrap), ['https://secure.example/x/', 'http://plain.example/']);
  assert.deepEqual(rdapServers('foo.net', bootstrap), ['https://n.example/'], 'only http(s) without user info');
  assert.deepEqual(rdapServers('foo.bad', bootstrap), []);
  assert.deepEqual(rdapServers('notcom', bootstrap), []);
  // Labels only match whole: 'xcom' is not under 'com'.
  assert.deepEqual(rdapServers('foo.xcom', bootstrap), []);
  for (const name of ['', ' ', '.', 'a..com', 'a/b.com', 'a.com/x', 'a.com?x', 'a b.com', '-'.repeat(64) + '.com', 'x'.repeat(254), 'ａ.com', 'a。com']) {
    assert.deepEqual(rdapServers(name, bootstrap), [], JSON.stringify(name));
  }
  // U-labels are matched as given (the bootstrap holds A-labels): no match, no throw.
  assert.deepEqual(rdapServers('例子.中国', shipped), []);
  assert.deepEqual(rdapServers('例子.com', bootstrap), ['https://a.example/rdap/']);
  for (const b of [null, undefined, 42, 'x', {}, { services: 'x' }, []]) assert.deepEqual(rdapServers('foo.com', b), []);
  const hostile = new Proxy({}, { get() { throw new Error('boom'); } });
  assert.deepEqual(rdapServers('foo.com', hostile), []);
  assert.deepEqual(rdapServers(42, bootstrap), []);
  // The returned array is a copy.
  rdapServers('foo.com', bootstrap).push('x');
  assert.deepEqual(rdapServers('foo.com', bootstrap), ['https://a.example/rdap/']);
});

// ---------------------------------------------------------------------------------------------
// A local RDAP server
// ---------------------------------------------------------------------------------------------

let server;
let base;
let closedBase;
const seen = [];

const answer = (name) => ({
  objectClassName: 'domain', ldhName: name, rdapConformance: ['rdap_level_0'],
  entities: [{ objectClassName: 'entity', roles: ['registrar'], publicIds: [{ type: 'IANA Registrar ID', identifier: '420' }],
    vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'Alibaba Cloud Computing (Beijing) Co., Ltd.']]] }],
  events: [{ eventAction: 'expiration', eventDate: '2030-01-01T00:00:00Z' }],
  status: ['active'],
});

before(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, accept: req.headers.accept, cookie: req.headers.cookie });
    const url = new URL(req.url, 'http://x');
    const m = /^\/(\w+)\/domain\/(.+)$/.exec(url.pathname);
    const json = (status, body, extra = {}) => {
      res.writeHead(status, { 'content-type': 'application/rdap+json', ...extra });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/bootstrap.json') {
      return json(200, { services: [[['com', 'net'], [`${base}/ok/`]], [['org'], [`${base}/fail500/`, `${base}/ok/`]], [['info'], [`${base}/fail503/`]], [['xyz'], [`${base}/html/`]], [['top'], [`${base}/slow/`]], [['biz'], [`${base}/big/`]], [['site'], [`${base}/bigstream/`]], [['online'], [`${closedBase}/`]], [['pub'], [`${base}/array/`]], [['club'], [`${base}/bom/`]]] });
    }
    if (url.pathname === '/notabootstrap.json') return json(200, { hello: 1 });
    if (!m) return json(404, { errorCode: 404 });
    const [, kind, name] = m;
    switch (kind) {
      case 'ok': return name.startsWith('missing') ? json(404, { errorCode: 404, title: 'Not Found' }) : json(200, answer(decodeURIComponent(name)));
      case 'fail500': return json(500, { errorCode: 500 });
      case 'fail503': return json(503, 'busy');
      case 'html': res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<html>hello</html>');
      case 'slow': return setTimeout(() => json(200, answer(name)), 1500);
      case 'big': return json(200, `{"x":"${'a'.repeat(RDAP_MAX_BYTES)}"}`);
      case 'bigstream': {
        // No Content-Length: the limit has to be enforced while reading.
        res.writeHead(200, { 'content-type': 'application/rdap+json', 'transfer-encoding': 'chunked' });
        res.write('{"x":"');
        let sent = 0;
        const more = () => {
          if (sent > 2 * RDAP_MAX_BYTES || res.destroyed) return res.end('"}');
          sent += 65536;
          res.write('a'.repeat(65536), more);
        };
        return more();
      }
      case 'array': return json(200, [1, 2]);
      case 'bom': return json(200, `\uFEFF${JSON.stringify(answer(name))}`);
      default: return json(404, {});
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  const closed = createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  closedBase = `http://127.0.0.1:${closed.address().port}`;
  await new Promise((r) => closed.close(r));
});
after(() => new Promise((r) => { server.closeAllConnections(); server.close(r); }));

const bootstrapUrl = () => `${base}/bootstrap.json`;

test('lookupRdap: an answer, with the Accept header and no cookie', async () => {
  const r = await lookupRdap('Example.COM', { bootstrapUrl: bootstrapUrl() });
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.url, `${base}/ok/domain/example.com`);
  assert.equal(r.answer.ldhName, 'example.com');
  const req = seen.find((s) => s.url === '/ok/domain/example.com');
  assert.equal(req.accept, 'application/rdap+json');
  assert.equal(req.cookie, undefined);
  // A bootstrap object instead of a URL; the BOM of a UTF-8 body is ignored.
  const b = (await loadRdapBootstrap(bootstrapUrl())).bootstrap;
  const r2 = await lookupRdap('foo.club', { bootstrap: b });
  assert.equal(r2.ok, true);
  assert.equal(r2.answer.ldhName, 'foo.club');
});

test('lookupRdap: each failure has its reason and never throws', async () => {
  const opts = { bootstrapUrl: bootstrapUrl(), timeoutMs: 500 };
  const cases = [
    ['missing.com', 'not_found', 404],
    ['foo.info', 'http', 503],
    ['foo.xyz', 'not_json', 200],
    ['foo.pub', 'not_json', 200],
    ['foo.top', 'timeout', undefined],
    ['foo.biz', 'too_large', 200],
    ['foo.site', 'too_large', 200],
    ['foo.online', 'network', undefined],
    ['example.cn', 'no_server', undefined],
    ['not a domain', 'no_server', undefined],
  ];
  for (const [name, reason, status] of cases) {
    const started = Date.now();
    const r = await lookupRdap(name, opts);
    assert.equal(r.ok, false, name);
    assert.equal(r.reason, reason, `${name}: ${JSON.stringify(r)}`);
    assert.equal(r.status, status, name);
    assert.ok(Date.now() - started < 1400, `${name} took ${Date.now() - started} ms`);
    if (reason !== 'no_server') assert.equal(r.stage, 'lookup');
  }
  // A 5xx moves on to the next server of the service.
  const org = await lookupRdap('foo.org', opts);
  assert.equal(org.ok, true);
  assert.equal(org.url, `${base}/ok/domain/foo.org`);
});

test('lookupRdap: bootstrap failures, options, aborts and odd arguments', async () => {
  const nb = await lookupRdap('example.com', { bootstrapUrl: `${base}/notabootstrap.json` });
  assert.deepEqual([nb.ok, nb.reason, nb.stage], [false, 'not_json', 'bootstrap']);
  const nf = await lookupRdap('example.com', { bootstrapUrl: `${base}/nothing.json` });
  assert.deepEqual([nf.ok, nf.reason, nf.status, nf.stage], [false, 'not_found', 404, 'bootstrap']);
  const cl = await lookupRdap('example.com', { bootstrapUrl: `${closedBase}/b.json` });
  assert.deepEqual([cl.ok, cl.reason, cl.stage], [false, 'network', 'bootstrap']);
  // Node's fetch cannot read file: URLs (the default beside the module): a failure, not a throw.
  const def = await lookupRdap('example.com');
  assert.equal(def.ok, false);
  assert.equal(def.stage, 'bootstrap');

  // Aborted before and during the request.
  const before_ = new AbortController();
  before_.abort();
  assert.equal((await lookupRdap('foo.top', { bootstrap: shipped, signal: before_.signal })).reason, 'aborted');
  const during = new AbortController();
  const b = (await loadRdapBootstrap(bootstrapUrl())).bootstrap;
  setTimeout(() => during.abort(), 100);
  const t0 = Date.now();
  const ab = await lookupRdap('foo.top', { bootstrap: b, signal: during.signal });
  assert.equal(ab.reason, 'aborted');
  assert.ok(Date.now() - t0 < 1000);

  // A fetch that never settles and ignores the signal still times out.
  const hang = await lookupRdap('example.com', { bootstrap: shipped, timeoutMs: 100, fetch: () => new Promise(() => {}) });
  assert.equal(hang.reason, 'timeout');
  // A fetch that throws synchronously, returns garbage, or a body that breaks.
  assert.equal((await lookupRdap('example.com', { bootstrap: shipped, fetch: () => { throw new TypeError('x'); } })).reason, 'network');
  assert.equal((await lookupRdap('example.com', { bootstrap: shipped, fetch: async () => 42 })).reason, 'network');
  assert.equal((await lookupRdap('example.com', { bootstrap: shipped, fetch: async () => ({ status: 200, text: async () => { throw new Error('reset'); } }) })).reason, 'network');
  // A custom fetch sees the URL and the request.
  let got;
  const custom = await lookupRdap('xn--fiqs8s.com', {
    bootstrap: shipped,
    fetch: async (url, init) => { got = { url, init }; return new Response(JSON.stringify({ objectClassName: 'domain' }), { status: 200 }); },
  });
  assert.equal(custom.ok, true);
  assert.equal(got.url, 'https://rdap.verisign.com/com/v1/domain/xn--fiqs8s.com');
  assert.equal(got.init.method, 'GET');
  assert.deepEqual(got.init.headers, { Accept: 'application/rdap+json' });
  assert.equal(got.init.credentials, undefined, 'no browser-only members outside a browser');

  for (const args of [[], [null], [42, 42], ['example.com', 'x'], ['example.com', { bootstrap: 'x' }], ['example.com', { timeoutMs: 'x', bootstrap: shipped, fetch: async () => new Response('{}') }]]) {
    const r = await lookupRdap(...args);
    assert.equal(typeof r.ok, 'boolean', JSON.stringify(args));
  }
  const loaded = await loadRdapBootstrap(bootstrapUrl());
  assert.equal(loaded.ok, true);
  assert.ok(Array.isArray(loaded.bootstrap.services));
});

test('rdap.js stays ES2017 and rdap.d.ts has no any', async () => {
  const src = readFileSync(new URL('../../pkg-src/rdap.js', import.meta.url), 'utf8');
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  assert.doesNotMatch(code, /\?\?|\?\.(?![0-9])|catch\s*\{|\{\s*\.\.\.|\*\*|\bimport\s*\(/, 'syntax newer than ES2017 (import.meta is what the wasm-bindgen glue uses too)');
  const { anyUses } = await import('../../scripts/check-dts.mjs');
  assert.deepEqual(anyUses(readFileSync(new URL('../../pkg-src/rdap.d.ts', import.meta.url), 'utf8')), []);
});
