// pkg/ in the two engines besides Chromium that users' browsers and webviews run:
//   - Firefox ESR (Debian firefox-esr, through geckodriver), with WebAssembly and with it
//     switched off by its preference `javascript.options.wasm`;
//   - WebKitGTK (Debian's MiniBrowser through WebKitWebDriver: the engine of Safari and of
//     every iOS webview), with WebAssembly and with `JSC_useWasm=false`, which turns it off
//     as iOS Lockdown Mode does.
// In each: the plain module page, the module Web Worker and the demo page, and then the
// domain, registration and server answers on the large sample (tests/pkg-env/big-sample.mjs),
// the domains through 'icp-precheck/domain' too.
// Every answer must equal Node's WebAssembly build, which the Chromium suite
// (tests/pkg-env/browser.test.mjs) is held to as well: so any difference from Chromium fails.
// The demo page must download the .wasm exactly once with WebAssembly and not at all without.
//
// Run through scripts/test-engines.sh (WebKit needs an X display: xvfb-run).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { ENGINES, openEngine } from '../../scripts/webdriver.mjs';
import { bigSample, DOMAIN_OPTIONS, registrationFixtures, REGISTRATION_OPTIONS, SERVER_IPS } from '../pkg-env/big-sample.mjs';

const ANSWERS = fileURLToPath(new URL('../pkg-env/answers.mjs', import.meta.url));
const reference = JSON.parse(execFileSync(process.execPath, [ANSWERS, 'glue'],
  { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
const sample = bigSample();
const registrationTexts = registrationFixtures();
assert.equal(sample.length, reference.sampleSize);

const only = process.env.ENGINES ? process.env.ENGINES.split(',') : Object.keys(ENGINES);

// Runs in the page. import() gives the page's own module instance in WebKit, but a fresh one
// in Firefox (its WebDriver scripts have a module map of their own), so it calls init(),
// which returns at once for an instance the page already started. One JSON string comes back.
const ANSWER_SAMPLE = `
  const [domains, options, texts, registrationOptions, ips] = arguments;
  return import('/pkg/index.js').then(async (api) => {
    await api.default();
    const started = performance.now();
    const big = api.checkDomains(domains, options);
    const bigMs = performance.now() - started;
    const registrations = texts.map((text) => api.checkRegistration(text, registrationOptions));
    const servers = await Promise.all(ips.map((ip) => api.checkServer(ip, { locale: 'en' })));
    const domainOnly = await import('/pkg/domain.js');
    await domainOnly.default();
    const bigDomainOnly = domainOnly.checkDomains(domains, options);
    return JSON.stringify({ backend: api.backend(), domainBackend: domainOnly.backend(), big, bigMs, bigDomainOnly, registrations, servers });
  });`;

const RESULT = 'return window.__result === undefined ? null : JSON.stringify(window.__result)';

for (const key of only) {
  const engine = ENGINES[key];
  if (!engine) throw new Error(`ENGINES: unknown engine ${key} (known: ${Object.keys(ENGINES).join(', ')})`);
  for (const wasm of [true, false]) {
    const backend = wasm ? 'wasm' : 'js';
    describe(`${engine.name}, ${wasm ? 'WebAssembly' : 'WebAssembly off'}`, () => {
      let server;
      let browser;
      let session;
      before(async () => {
        server = await serve();
        browser = await openEngine(key, { wasm });
        session = browser.session;
      });
      after(async () => {
        await browser?.close();
        await server?.close();
      });

      const open = async (page) => {
        server.reset();
        await session.navigate(`${server.url}${page}`);
        const result = JSON.parse(await session.waitFor(RESULT));
        return { result, requests: new Map(server.requests) };
      };
      const fetched = (requests, pattern) => [...requests].filter(([p]) => pattern.test(p)).reduce((n, [, c]) => n + c, 0);

      test('plain module page: the sample, the same answers as Node', async () => {
        const { result, requests } = await open('/examples/plain/index.html');
        assert.equal(result.error, undefined, result.error);
        assert.equal(result.backend, backend);
        assert.equal(result.webAssembly, wasm ? 'object' : 'undefined');
        assert.deepEqual(result.result, reference.result);
        assert.equal(fetched(requests, /\.wasm$/), wasm ? 1 : 0, 'the .wasm downloads');
        assert.equal(fetched(requests, /icp_precheck_asm[^/]*\.js$/), wasm ? 0 : 1, 'the JavaScript build downloads');
      });

      test(`${sample.length} domains (full and domain-only entry), ${registrationTexts.length} registrations, ${SERVER_IPS.length} servers: the same answers as Node`, async () => {
        await open('/examples/plain/index.html');
        const answers = JSON.parse(await session.execute(ANSWER_SAMPLE,
          [sample, DOMAIN_OPTIONS, registrationTexts, REGISTRATION_OPTIONS, SERVER_IPS]));
        assert.equal(answers.backend, backend);
        const differing = answers.big.map((r, i) => [sample[i], r, reference.big[i]])
          .filter(([, got, want]) => JSON.stringify(got) !== JSON.stringify(want));
        assert.deepEqual(differing.slice(0, 3), [], `${differing.length} of ${sample.length} domains differ`);
        assert.equal(answers.domainBackend, backend, 'icp-precheck/domain chose the same build');
        const differingDomainOnly = answers.bigDomainOnly.filter((r, i) => JSON.stringify(r) !== JSON.stringify(reference.big[i]));
        assert.equal(differingDomainOnly.length, 0, `icp-precheck/domain: ${differingDomainOnly.length} domains differ`);
        assert.deepEqual(answers.registrations, reference.registrations);
        assert.deepEqual(answers.servers, reference.servers);
        console.log(`# ${engine.name} (${backend}): checkDomains of ${sample.length} domains in ${answers.bigMs.toFixed(0)} ms`);
      });

      test('module Web Worker: the sample, the same answers', async () => {
        const { result } = await open('/examples/worker/index.html');
        assert.equal(result.error, undefined, result.error);
        assert.equal(result.backend, backend);
        assert.deepEqual(result.result, reference.result);
      });

      test(`demo page: ready, the .wasm downloaded ${wasm ? 'once' : 'not at all'}`, async () => {
        server.reset();
        await session.navigate(`${server.url}/www/index.html`);
        const ready = await session.waitFor('return document.documentElement.dataset.ready || null');
        assert.equal(ready, '1', 'the demo page loaded its module');
        const requests = new Map(server.requests);
        assert.equal(fetched(requests, /\.wasm$/), wasm ? 1 : 0, `.wasm requests: ${JSON.stringify([...requests])}`);
        assert.equal(fetched(requests, /icp_precheck_asm[^/]*\.js$/), wasm ? 0 : 1);
        // The page's quick check answers through the module the engine chose.
        const verdict = await session.execute(`
          return import('/pkg/index.js').then(async (api) => { await api.default(); return api.backend() + ' ' + api.checkDomain('例子.中国').ok; });`);
        assert.equal(verdict, `${backend} true`);
      });
    });
  }
}
