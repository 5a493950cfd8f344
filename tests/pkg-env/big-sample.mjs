// The larger inputs every environment answers, beside examples/sample.js: domains from the
// conformance fixtures, every registration fixture, and server addresses in and out of the
// mainland. answers.mjs gives Node's answers to them; the browser suites send the same inputs
// to Chromium, Firefox and WebKit and compare.
import { readFileSync } from 'node:fs';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

export const DOMAIN_OPTIONS = { locale: 'en', today: '2025-06-01' };

/** About 3,500 domains: the PSL test list, every 16th IDNA test, and made-up IDNs that grow memory. */
export function bigSample() {
  const psl = [...fixture('test_psl.txt').matchAll(/^checkPublicSuffix\('([^']*)'/gm)].map((m) => m[1]);
  const idna = fixture('IdnaTestV2.txt').split('\n').filter((l) => l && !l.startsWith('#'))
    .filter((_, i) => i % 16 === 0)
    .map((l) => l.split(';')[0].trim().replace(/\\u([0-9A-Fa-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\x\{([0-9A-Fa-f]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16))));
  const made = Array.from({ length: 3000 }, (_, i) => `w${i}.例子${i % 7}.中国`);
  return [...psl, ...idna, ...made];
}

export const REGISTRATION_OPTIONS = {
  today: '2026-12-01', locale: 'en', province: 'SH', entity: { type: 'enterprise', name: '北京例子科技有限公司' },
};

/** The text of every registration fixture (WHOIS and RDAP answers), in expected.json's order. */
export function registrationFixtures() {
  const dir = new URL('../fixtures/registration/', import.meta.url);
  return Object.keys(JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')))
    .map((file) => readFileSync(new URL(file, dir), 'utf8'));
}

export const SERVER_IPS = ['114.114.114.114', '8.8.8.8', '202.175.1.1', '168.95.1.1', '103.235.46.39', '2400:3200::1', '10.0.0.1', 'nonsense'];
