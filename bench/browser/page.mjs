// In-page part of bench/browser.mjs. Results go to window.__result (and the page title).
const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'throughput';
const pkg = params.get('pkg') ?? '/pkg';
const rounds = Number(params.get('rounds') ?? 7);
const done = (result) => {
  window.__result = result;
  document.title = 'done';
};

async function cold() {
  const t0 = performance.now();
  let answer;
  let tInit;
  if (mode === 'cold-ours') {
    const m = await import(`${pkg}/icp_precheck.js`);
    // "init() → first answer": fetching and compiling the .wasm, instantiating, one check.
    tInit = performance.now();
    await m.default({ module_or_path: `${pkg}/icp_precheck_bg.wasm` });
    answer = m.checkDomain('https://www.例子。中国/about');
  } else {
    const m = await import('/bench/out/peers.js');
    // The JavaScript has no init step: its first call.
    tInit = performance.now();
    answer = m.jsCheck('https://www.例子。中国/about');
  }
  const t1 = performance.now();
  done({ load: t1 - t0, init: t1 - tInit, sinceNavigation: t1, ok: answer.ok });
}

async function throughput() {
  const corpus = await (await fetch('/bench/corpus.json')).json();
  const pkgs = (params.get('pkgs') ?? `ours=${pkg}`).split(',').map((s) => s.split('='));
  const peers = await import('/bench/out/peers.js');
  const cases = [];
  let sink = 0;
  const BATCH = 1000;
  const batches = [];
  for (let i = 0; i < corpus.length; i += BATCH) batches.push(corpus.slice(i, i + BATCH));
  for (const [name, dir] of pkgs) {
    const m = await import(`${dir}/icp_precheck.js`);
    await m.default({ module_or_path: `${dir}/icp_precheck_bg.wasm` });
    cases.push([`${name} checkDomain`, () => { for (const s of corpus) sink ^= m.checkDomain(s).ok ? 1 : 0; }]);
    cases.push([`${name} checkDomains(${BATCH})`, () => { for (const b of batches) sink ^= m.checkDomains(b).length; }]);
  }
  cases.push(['JS combination (tr46)', () => { for (const s of corpus) sink ^= peers.jsCheck(s).ok ? 1 : 0; }]);
  cases.push(['JS combination (URL parser)', () => { for (const s of corpus) sink ^= peers.jsCheckUrl(s).ok ? 1 : 0; }]);
  cases.push(['tldts.parse alone', () => { for (const s of corpus) sink ^= peers.tldtsParse(s).domain === null ? 1 : 0; }]);
  const times = Object.fromEntries(cases.map(([n]) => [n, []]));
  for (const [, run] of cases) run();
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of r % 2 ? [...cases].reverse() : cases) {
      const t0 = performance.now();
      run();
      times[name].push(((performance.now() - t0) * 1e6) / corpus.length);
    }
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  done({ inputs: corpus.length, rounds, sink: sink & 1, results: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) });
}

(mode === 'throughput' ? throughput() : cold()).catch((e) => done({ error: String(e && e.stack || e) }));
