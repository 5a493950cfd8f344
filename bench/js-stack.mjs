// The JavaScript combination a console team would write today to do what checkDomain does,
// used as the peer in bench/node.mjs and bench/browser.mjs. Written to be fair and fast, not a
// strawman: trim, strip the URL parts (scheme, userinfo, path/query/fragment, port, one
// trailing dot), IPv6 check (ipaddr.js), UTS #46 ToASCII (node:url domainToASCII in Node,
// tr46 in the browser), IPv4 check (validator's isIP, then ipaddr.js for the URL parser's
// short/hex/octal forms), label checks (LDH, hyphens, lengths), tldts.parse with private
// domains, and the national TLD allow-list. It does less than checkDomain: no full-width
// folding before the URL structure is read, no rule diagnosis, no messages, no province lists,
// no zones, no reserved names.
//
// Dependencies are injected so that the same code runs in Node and in a browser bundle.

// data/rules/tlds.toml [national]: ascii, and the A-labels of idn (computed by the caller's toASCII).
export const NATIONAL_ASCII = ['cn', 'com', 'net', 'ren', 'wang', 'citic', 'top', 'sohu', 'xin', 'club', 'xyz', 'vip', 'site',
  'shop', 'ink', 'info', 'mobi', 'red', 'pro', 'kim', 'ltd', 'group', 'biz', 'auto', 'link', 'work', 'law', 'beer', 'store',
  'tech', 'fun', 'online', 'art', 'design', 'wiki', 'love', 'center', 'video', 'social', 'team', 'show', 'cool', 'zone', 'world',
  'today', 'city', 'chat', 'company', 'live', 'fund', 'gold', 'plus', 'guru', 'run', 'pub', 'email', 'life', 'co', 'fashion',
  'fit', 'luxe', 'yoga', 'baidu', 'cloud', 'host', 'space', 'press', 'website', 'archi', 'asia', 'bio', 'black', 'blue',
  'green', 'lotto', 'organic', 'pet', 'pink', 'poker', 'promo', 'ski', 'vote', 'voto', 'icu', 'fans', 'tv', 'cc', 'unicom',
  'jpmorgan', 'chase', 'band', 'cab', 'cafe', 'cash', 'fan', 'fyi', 'games', 'market', 'mba', 'news', 'media', 'sale',
  'shopping', 'studio', 'tax', 'technology', 'vin', 'baby', 'college', 'monster', 'protection', 'rent', 'security', 'storage',
  'theatre', 'bond', 'cyou', 'uno', 'school', 'global', 'me'];
export const NATIONAL_IDN = ['中国', '政务', '公益', '公司', '网络', '网址', '商城', '网店', '中信', '商标', '广东', '佛山', '信息',
  '手机', '联通', '健康', '在线', '中文网', '集团', '我爱你', '商店', '企业', '娱乐', '游戏', '购物', '餐厅', '招聘', '时尚', '移动',
  '网站', '世界'];

const SCHEME = /^[a-z][a-z0-9+.-]*:\/*/i;
const LDH = /^[a-z0-9-]+$/;
const NUMERIC = /^[0-9a-fx.]+$/i;

export function makeJsCheck({ toASCII, tldts, ipaddr, isIP }) {
  const allowed = new Set([...NATIONAL_ASCII, ...NATIONAL_IDN.map((t) => toASCII(t))]);
  const parseOptions = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false };
  const issue = (code, severity = 'error') => ({ code, severity });

  return function jsCheck(input) {
    const report = { ok: false, input, host: null, ascii: null, registrable: null, suffix: null, tld: null, subdomain: null, issues: [] };
    // trim, then strip the URL parts
    let s = input.trim();
    let stripped = false;
    const scheme = SCHEME.exec(s);
    if (scheme && (scheme[0].endsWith('/') || /^(https?|ftp|wss?):/i.test(s))) {
      s = s.slice(scheme[0].length);
      stripped = true;
    } else if (s.startsWith('//')) {
      s = s.slice(2);
    }
    const cut = s.search(/[/?#\\]/);
    if (cut >= 0) {
      if (cut < s.length - 1) stripped = true;
      s = s.slice(0, cut);
    }
    const at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.slice(at + 1);
      stripped = true;
    }
    // IPv6: bracketed, or any colon beyond a port
    if (s.startsWith('[')) {
      const close = s.indexOf(']');
      const inner = close > 0 ? s.slice(1, close) : s.slice(1);
      report.host = inner;
      report.issues.push(issue(ipaddr.IPv6.isValid(inner.split('%')[0]) ? 'domain.ip_address' : 'domain.invalid'));
      return report;
    }
    const colon = s.indexOf(':');
    if (colon >= 0) {
      if (s.indexOf(':', colon + 1) < 0 && /^\d*$/.test(s.slice(colon + 1))) {
        s = s.slice(0, colon);
        stripped = true;
      } else {
        report.host = s;
        report.issues.push(issue(ipaddr.IPv6.isValid(s.split('%')[0]) ? 'domain.ip_address' : 'domain.invalid'));
        return report;
      }
    }
    if (s.length > 1 && s.endsWith('.')) {
      s = s.slice(0, -1);
      stripped = true;
    }
    if (s === '') {
      report.issues.push(issue('domain.empty'));
      return report;
    }
    report.host = s;
    if (stripped) report.issues.push(issue('domain.stripped', 'warning'));
    // UTS #46
    const ascii = toASCII(s);
    if (!ascii) {
      report.issues.push(issue('domain.invalid'));
      return report;
    }
    // IPv4 in every form (domainToASCII already turns URL-parser forms into dotted quads)
    // (ipaddr.js throws internally on a non-address, which costs ~18 µs: only ask it when the
    // name could be one of the URL parser's short, hex or octal forms.)
    if (isIP(ascii, 4) || (NUMERIC.test(ascii) && ipaddr.IPv4.isValid(ascii))) {
      report.issues.push(issue('domain.ip_address'));
      return report;
    }
    // label checks: LDH, hyphens, lengths
    if (ascii.length > 253) {
      report.issues.push(issue('domain.invalid'));
      return report;
    }
    const labels = ascii.split('.');
    for (const label of labels) {
      if (label.length === 0 || label.length > 63 || !LDH.test(label) || label.startsWith('-') || label.endsWith('-')
        || (label[2] === '-' && label[3] === '-' && !label.startsWith('xn--'))) {
        report.issues.push(issue('domain.invalid'));
        return report;
      }
    }
    report.ascii = ascii;
    const tld = labels[labels.length - 1];
    report.tld = tld;
    if (/^\d+$/.test(tld)) {
      report.issues.push(issue('domain.ip_address'));
      return report;
    }
    // Public Suffix List
    const parsed = tldts.parse(ascii, parseOptions);
    if (!parsed.isIcann && !parsed.isPrivate) {
      report.issues.push(issue(labels.length === 1 ? 'domain.single_label' : 'domain.unknown_tld'));
      return report;
    }
    if (parsed.domain === null) {
      report.issues.push(issue('domain.is_suffix'));
      return report;
    }
    if (parsed.isPrivate) report.issues.push(issue('domain.platform_subdomain'));
    report.suffix = parsed.publicSuffix;
    report.registrable = parsed.domain;
    report.subdomain = parsed.subdomain || null;
    if (report.subdomain) report.issues.push(issue('domain.subdomain', 'warning'));
    // approved TLDs
    if (!allowed.has(tld)) report.issues.push(issue('domain.tld_not_approved', tld.length === 2 ? 'error' : 'warning'));
    report.ok = !report.issues.some((i) => i.severity === 'error');
    return report;
  };
}
