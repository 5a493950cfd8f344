// pkg/ in Node 20 as a backend uses it (by package name, through package.json "exports"), and
// the JavaScript fallback: same answers as the WebAssembly build with WebAssembly deleted,
// under `node --jitless` (no WebAssembly at all), and through 'icp-precheck/js' or the
// `icp-precheck-js` export condition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ANSWERS = fileURLToPath(new URL('./answers.mjs', import.meta.url));

function run(mode, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, ANSWERS, mode], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}

const reference = run('glue');

test('reference: wasm-bindgen module with initSync(bytes) answers the sample', () => {
  assert.equal(reference.webAssembly, 'object');
  assert.equal(reference.result.one.registrable, 'xn--fsqu00a.xn--fiqs8s');
  assert.ok(reference.result.domains.some((r) => r.issues.some((i) => i.code === 'domain.ip_address')));
  assert.ok(reference.sampleSize > 3000, `sample of ${reference.sampleSize} domains`);
  assert.ok(reference.registrations.length > 30 && reference.registrations.every((r) => 'checks' in r));
  assert.deepEqual(reference.servers.map((s) => s.region), ['mainland', 'other', 'macao', 'taiwan', 'hong_kong', 'mainland', null, null]);
  console.log(`reference (wasm): ${reference.sampleSize} domains in ${reference.extra.bigMs} ms`);
});

for (const [mode, args, expected] of [
  ['sync', [], 'wasm'],
  ['async', [], 'wasm'],
  ['nowasm', [], 'js'],
  ['nowasm', ['--jitless'], 'js'],
  ['js', [], 'js'],
  ['condition', ['--conditions=icp-precheck-js'], 'js'],
]) {
  test(`'icp-precheck' ${mode} ${args.join(' ')}: ${expected} build, same answers as the reference`, () => {
    const got = run(mode, args);
    assert.equal(got.backend, expected);
    if (mode === 'nowasm') {
      assert.equal(got.webAssembly, 'undefined');
      assert.match(got.extra.initSyncError, /no WebAssembly.*await init\(\)/);
    }
    assert.deepEqual(got.result, reference.result);
    assert.deepEqual(got.registrations, reference.registrations, 'checkRegistration on the registration fixtures');
    assert.deepEqual(got.servers, reference.servers, 'checkServer');
    assert.equal(got.big.length, reference.big.length);
    for (let i = 0; i < reference.big.length; i += 1) {
      assert.deepEqual(got.big[i], reference.big[i], `checkDomain(${JSON.stringify(reference.big[i].input)})`);
    }
    console.log(`${mode} ${args.join(' ')}: ${got.backend}, ${got.sampleSize} domains in ${got.big && got.extra.bigMs} ms`);
  });
}

test('a node that does not know the condition gets the WebAssembly entry', () => {
  const got = run('sync', ['--conditions=some-other']);
  assert.equal(got.backend, 'wasm');
});
