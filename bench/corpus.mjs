// Reproducible corpus of pasted domain inputs for every benchmark (native, Node, browser).
//
//   node bench/corpus.mjs [count=100000] [out=bench/corpus.json]
//
// A fixed-seed PRNG (mulberry32, seed 0x1CB2024) makes the same file on every machine; the
// file is a JSON array of strings (inputs may hold tabs and newlines, so not one per line).
// bench/corpus.json is build output (bench/.gitignore); benches/check_domain.rs and
// bench/node.mjs regenerate it when it is missing. The mix, by weight, is printed on stdout.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED = 0x1cb2024;

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Approved (national list) and not approved / unknown TLDs, weighted by how often people paste them.
const APPROVED = ['com', 'com', 'com', 'com', 'cn', 'cn', 'cn', 'net', 'net', 'org', 'com.cn', 'com.cn', 'net.cn', 'org.cn',
  'gov.cn', 'edu.cn', 'bj.cn', 'sh.cn', 'top', 'xyz', 'vip', 'shop', 'club', 'info', 'tech', 'site', 'online', 'cc', 'tv',
  'me', 'co', 'ltd', 'group', 'work', 'art', 'link', 'store', 'cloud', 'fun', 'pub', 'ink', 'wang', 'biz', 'mobi', 'asia', 'red',
  'love', 'live', 'pro', 'kim'];
const OTHER = ['io', 'dev', 'app', 'ai', 'de', 'jp', 'co.uk', 'com.au', 'us', 'ru', 'fr', 'hk', 'com.hk', 'tw', 'kr',
  'page', 'blog', 'zip', 'eu', 'nl', 'notatld', 'internal', 'corp', 'lan', 'sg', 'com.sg', 'in', 'ca', 'br', 'com.br'];
const IDN_TLDS = ['中国', '公司', '网络', '网址', '商城', '在线', '中文网', '移动', '我爱你', 'cn', 'com', '信息', '集团'];
const IDN_WORDS = ['例子', '中文', '测试', '北京', '上海', '广州', '深圳', '网站', '商城', '科技', '学习', '数据', '旅游', '音乐',
  '新闻', '电影', '图书', '健康', '美食', '汽车', '房产', '教育', '医疗', '金融'];
const WORDS = ['shop', 'cloud', 'tech', 'data', 'blog', 'news', 'mail', 'home', 'game', 'pay', 'bank', 'travel', 'food', 'music',
  'video', 'photo', 'china', 'beijing', 'shanghai', 'star', 'sun', 'moon', 'dragon', 'panda', 'tea', 'silk', 'jade', 'lotus',
  'smart', 'fast', 'open', 'best', 'my', 'the', 'go', 'one', 'app', 'web', 'net', 'hub', 'lab', 'soft', 'info', 'easy', 'top'];
const SUBS = ['www', 'www', 'www', 'm', 'api', 'cdn', 'static', 'mail', 'blog', 'shop', 'admin', 'test', 'dev', 'img', 'a.b', 'en', 'wap'];
const PLATFORMS = ['github.io', 'gitee.io', 'vercel.app', 'netlify.app', 'herokuapp.com', 'blogspot.com', 'pages.dev',
  'azurewebsites.net', 'cloudfront.net', 's3.amazonaws.com', 'myshopify.com', 'web.app', 'firebaseapp.com'];
const RESERVED = ['localhost', 'printer.local', 'my.test', 'example.com', 'www.example.org', 'foo.invalid', 'abc.onion',
  '1.in-addr.arpa', 'router.home.arpa', 'example', 'site.localhost'];
const SCHEMES = ['http://', 'https://', 'https://', 'HTTPS://', '//', 'ftp://', 'ws://'];
const PATHS = ['/', '/index.html', '/a/b/c', '/?q=1', '/path?x=1&y=2#top', '#frag', '?utm_source=wx', '/zh-CN/about'];

export function generate(count = 100_000, seed = SEED) {
  const rnd = mulberry32(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const chance = (p) => rnd() < p;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const randomLabel = () => {
    const n = 3 + int(10);
    let s = letters[int(26)];
    for (let i = 1; i < n; i++) s += chance(0.08) && i < n - 1 ? '-' : alnum[int(alnum.length)];
    return s;
  };
  const label = () => (chance(0.5) ? pick(WORDS) + (chance(0.5) ? pick(WORDS) : '') + (chance(0.2) ? int(100) : '') : randomLabel());
  const plain = (tlds) => `${label()}.${pick(tlds)}`;
  const anyTld = () => (chance(0.78) ? APPROVED : OTHER);
  const idn = () => `${pick(IDN_WORDS)}${chance(0.3) ? pick(IDN_WORDS) : ''}.${pick(IDN_TLDS)}`;
  const fullWidth = (s) => [...s].map((c) => (c === '.' ? (chance(0.5) ? '。' : '．') : c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0) + 0xfee0) : c)).join('');
  const ipv4 = () => [int(256), int(256), int(256), int(256)];
  const ipv4Form = () => {
    const [a, b, c, d] = ipv4();
    switch (int(7)) {
      case 0: case 1: case 2: return `${a}.${b}.${c}.${d}`;
      case 3: return String(((a << 24) >>> 0) + (b << 16) + (c << 8) + d);
      case 4: return `0x${a.toString(16)}.${b}.${c}.${d}`;
      case 5: return `0${a.toString(8)}.0.0.${d}`;
      default: return `${a}.${d}`;
    }
  };
  const ipv6 = () => {
    const h = () => int(65536).toString(16);
    switch (int(5)) {
      case 0: return `2001:db8::${h()}`;
      case 1: return `[fe80::${h()}:${h()}]`;
      case 2: return `${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
      case 3: return `http://[2001:db8::${h()}]:8080/`;
      default: return `::ffff:${ipv4().join('.')}`;
    }
  };
  const invalid = () => {
    switch (int(9)) {
      case 0: return `${label()}_${label()}.com`;
      case 1: return `-${label()}.cn`;
      case 2: return `${label()}-.net`;
      case 3: return `${label()}..com`;
      case 4: return `ab--${label()}.com`;
      case 5: return `${'a'.repeat(64 + int(10))}.com`;
      case 6: return `${label()} ${label()}.com`;
      case 7: return `${label()}!.com`;
      default: return `xn--${label()}.com`;
    }
  };
  const kinds = [
    // [name, weight, make]
    ['plain', 30, () => plain(anyTld())],
    ['subdomain', 14, () => `${pick(SUBS)}.${plain(anyTld())}`],
    ['url', 14, () => `${pick(SCHEMES)}${chance(0.6) ? pick(SUBS) + '.' : ''}${plain(anyTld())}${chance(0.2) ? ':' + (1 + int(65535)) : ''}${pick(PATHS)}`],
    ['upper', 5, () => (chance(0.5) ? plain(anyTld()).toUpperCase() : `WWW.${label().toUpperCase()}.Com`)],
    ['padded', 4, () => `${pick([' ', '  ', '\t', '\u3000'])}${plain(anyTld())}${pick(['', ' ', '.', '\n', '/'])}`],
    ['full_width', 3, () => fullWidth(chance(0.5) ? plain(APPROVED) : `https://www.${plain(APPROVED)}/`)],
    ['idn', 8, () => (chance(0.3) ? `www.${idn()}` : chance(0.2) ? `https://${idn()}/` : idn())],
    ['punycode', 2, () => pick(['xn--fsqu00a.xn--fiqs8s', 'www.xn--fiqs8s', 'xn--55qx5d.cn', 'xn--6qq986b3xl.xn--55qx5d', 'xn--io0a7i.xn--io0a7i'])],
    ['ipv4', 5, () => (chance(0.85) ? ipv4Form() : chance(0.5) ? `http://${ipv4().join('.')}:8080/` : fullWidth(ipv4().join('.')))],
    ['ipv6', 3, ipv6],
    ['invalid', 6, invalid],
    ['platform', 4, () => `${label()}.${pick(PLATFORMS)}`],
    ['reserved', 3, () => pick(RESERVED)],
    ['single_label', 1, () => label()],
    ['bare_suffix', 1, () => pick(['com.cn', 'github.io', 'cn', 'co.uk', '中国'])],
  ];
  const total = kinds.reduce((s, k) => s + k[1], 0);
  const out = [];
  const counts = {};
  for (let i = 0; i < count; i++) {
    let r = rnd() * total;
    let k = kinds[0];
    for (const kind of kinds) {
      if ((r -= kind[1]) < 0) {
        k = kind;
        break;
      }
    }
    counts[k[0]] = (counts[k[0]] ?? 0) + 1;
    out.push(k[2]());
  }
  return { inputs: out, counts };
}

export const CORPUS_PATH = fileURLToPath(new URL('./corpus.json', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 100_000);
  const path = process.argv[3] ?? CORPUS_PATH;
  const { inputs, counts } = generate(count);
  writeFileSync(path, JSON.stringify(inputs));
  console.log(`wrote ${inputs.length} inputs to ${path}`);
  console.log(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
}
