// Domain verification (域名信息核验) and server location for the filing form of the demo page.
//
// Beside each domain of a website: a box for a pasted WHOIS or RDAP answer and, where the TLD
// has an RDAP server, a button that fetches the answer from the browser (../pkg/rdap.js). The
// registration is checked with checkRegistration (what was read, the six checks) and added to
// the filing as websites[i].registrations, so validateFiling's findings appear in that box.
// Per website: a server IP field checked with checkServer (mainland or not).
//
// Everything the user or a server supplies is inserted as text (the page's `el`).

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const TEXT = {
  'zh-CN': {
    verifyTitle: (n) => `域名核验 · 域名 ${n}`,
    pasteLabel: (n) => `域名 ${n} 的 WHOIS 或 RDAP 查询结果`,
    pasteHint: '工信部核验域名的注册商（须为工信部批复的境内注册商）、有效期、锁定状态、实名认证，以及持有人是否为备案主体。粘贴该域名的 WHOIS 或 RDAP 查询结果（文本或 JSON），结果只在本机检查。',
    howRdap: (host) => `也可以点击“查询 RDAP”，由浏览器直接向注册局的 RDAP 服务器（${host}）查询。`,
    howCnnic: '.cn / .中国 / .hk / .tw 等后缀的注册局只提供 WHOIS（端口 43，例如 whois.cnnic.cn），浏览器无法直接查询：请在终端运行 whois 加域名，或在注册商控制台查询，再把结果粘贴到这里。',
    howNone: '该后缀在 IANA 的 RDAP 服务器列表中没有服务器：请粘贴 WHOIS 查询结果。',
    howLoading: '正在加载 RDAP 服务器列表…',
    howNoDomain: '先在上面填写域名。',
    howNotFileable: '上面的域名不能备案（见其下方的问题），所以不查询 RDAP；仍可以粘贴查询结果。',
    lookup: '查询 RDAP', lookingUp: '查询中…', clear: '清除',
    statusLoading: (host) => `正在向 ${host} 查询 RDAP…`,
    statusDone: (url) => `已取得 RDAP 应答：${url}`,
    reason: {
      no_server: '该域名后缀没有 RDAP 服务器，请粘贴 WHOIS 查询结果。',
      network: (host) => `无法从浏览器读取 ${host} 的应答：网络不通，或该服务器不允许网页跨域读取（CORS），浏览器无法区分这两种情况。请在终端或注册商网站查询后粘贴结果。`,
      timeout: (host, s) => `${host} 在 ${s} 秒内没有应答，请稍后再试，或粘贴 WHOIS 查询结果。`,
      not_found: (host) => `${host} 没有这个域名的记录（HTTP 404）：域名可能尚未注册，或拼写有误。`,
      http: (host, status) => `${host} 返回了错误（HTTP ${status}），请稍后再试，或粘贴 WHOIS 查询结果。`,
      not_json: (host) => `${host} 的应答不是 RDAP（JSON）数据。`,
      too_large: (host) => `${host} 的应答超过 1 MB，已拒绝。`,
      aborted: () => '查询已取消。',
      bootstrap: (url) => `无法加载 RDAP 服务器列表（${url}），请粘贴 WHOIS 查询结果。`,
      module: '无法加载 RDAP 查询模块（pkg/rdap.js），请粘贴 WHOIS 查询结果。',
      no_domain: '请先填写可以备案的域名，再查询 RDAP。',
    },
    unsupported: '当前版本的校验模块不支持域名核验（缺少 checkRegistration）。',
    checkFailed: '核验出错：',
    read: '读取到的信息', checksTitle: '核验项', sep: '：',
    fFormat: '格式', fDomain: '域名', fRegistrar: '注册商', fIana: 'IANA 编号', fRegistered: '注册时间',
    fExpires: '到期时间', fStatus: '状态', fHolder: '持有人', fRealName: '实名认证',
    holderHidden: '已被注册局隐藏（此处无法核对）', notGiven: '未提供',
    realNameYes: (at) => (at ? `已认证（${at}）` : '已认证'), realNameNo: '未认证',
    formats: { 'whois-cnnic': 'WHOIS（CNNIC）', 'whois-icann': 'WHOIS（ICANN gTLD）', rdap: 'RDAP', object: '对象' },
    checks: { domain: '域名一致', registrar: '注册商已获批复', validity: '在有效期内', status: '未被锁定', realName: '已实名认证', holder: '持有人为备案主体' },
    states: { passed: '通过', failed: '未通过', warning: '需注意', unknown: '无法判断' },
    serverLabel: '服务器 IP', serverHint: 'ICP 备案只适用于中国大陆境内的服务器：填写网站服务器的 IPv4 或 IPv6 地址。',
    serverChecking: '正在检查…', serverUnsupported: '当前版本的校验模块不支持服务器检查（缺少 checkServer）。',
    serverFailed: '服务器检查出错：',
    region: (r) => `所在地区：${r}`,
    regions: { mainland: '中国大陆', hong_kong: '中国香港', macao: '中国澳门', taiwan: '中国台湾', other: '中国境外' },
    regionUnknown: '无法判断',
    source: (s) => `IP 数据：${s.name} ${s.version}（${[s.licence, urlIn(s.attribution)].filter(Boolean).join('，')}）`,
  },
  en: {
    verifyTitle: (n) => `Domain verification · domain ${n}`,
    pasteLabel: (n) => `WHOIS or RDAP answer for domain ${n}`,
    pasteHint: 'MIIT checks each domain\'s registrar (an MIIT-approved mainland registrar), validity, holds, real-name verification, and that the holder is the filing entity. Paste the domain\'s WHOIS or RDAP answer (text or JSON); it is checked in this browser only.',
    howRdap: (host) => `Or press "Look up RDAP" to ask the registry's RDAP server (${host}) from this browser.`,
    howCnnic: 'The registries of .cn, .中国, .hk, .tw and similar suffixes answer only WHOIS (port 43, e.g. whois.cnnic.cn), which a browser cannot reach: run whois with the domain in a terminal, or look it up in your registrar\'s console, and paste the answer here.',
    howNone: 'IANA\'s RDAP list has no server for this suffix: paste the WHOIS answer.',
    howLoading: 'Loading the list of RDAP servers…',
    howNoDomain: 'Fill in the domain above first.',
    howNotFileable: 'The domain above cannot be filed (see its findings), so it is not looked up; an answer can still be pasted.',
    lookup: 'Look up RDAP', lookingUp: 'Looking up…', clear: 'Clear',
    statusLoading: (host) => `Asking ${host} over RDAP…`,
    statusDone: (url) => `RDAP answer received: ${url}`,
    reason: {
      no_server: 'This suffix has no RDAP server; paste the WHOIS answer.',
      network: (host) => `The browser could not read an answer from ${host}: the network failed, or the server does not let web pages read it (CORS); a browser cannot tell these apart. Look it up in a terminal or at your registrar and paste the answer.`,
      timeout: (host, s) => `${host} did not answer within ${s} s; try again later, or paste the WHOIS answer.`,
      not_found: (host) => `${host} has no record of this domain (HTTP 404): it may not be registered, or it is misspelt.`,
      http: (host, status) => `${host} answered with an error (HTTP ${status}); try again later, or paste the WHOIS answer.`,
      not_json: (host) => `${host} did not answer with RDAP (JSON) data.`,
      too_large: (host) => `The answer from ${host} is larger than 1 MB and was refused.`,
      aborted: () => 'The look-up was cancelled.',
      bootstrap: (url) => `The list of RDAP servers (${url}) could not be loaded; paste the WHOIS answer.`,
      module: 'The RDAP module (pkg/rdap.js) could not be loaded; paste the WHOIS answer.',
      no_domain: 'Fill in a domain that can be filed first, then look it up.',
    },
    unsupported: 'This version of the checker has no domain verification (checkRegistration is missing).',
    checkFailed: 'The verification failed: ',
    read: 'What was read', checksTitle: 'Checks', sep: ': ',
    fFormat: 'Format', fDomain: 'Domain', fRegistrar: 'Registrar', fIana: 'IANA ID', fRegistered: 'Registered',
    fExpires: 'Expires', fStatus: 'Status', fHolder: 'Holder', fRealName: 'Real-name verification',
    holderHidden: 'hidden by the registry (cannot be checked here)', notGiven: 'not given',
    realNameYes: (at) => (at ? `verified (${at})` : 'verified'), realNameNo: 'not verified',
    formats: { 'whois-cnnic': 'WHOIS (CNNIC)', 'whois-icann': 'WHOIS (ICANN gTLD)', rdap: 'RDAP', object: 'object' },
    checks: { domain: 'Same domain', registrar: 'Approved registrar', validity: 'Within validity', status: 'No hold', realName: 'Real-name verified', holder: 'Holder is the filing entity' },
    states: { passed: 'passed', failed: 'failed', warning: 'check', unknown: 'unknown' },
    serverLabel: 'Server IP', serverHint: 'ICP filing applies only to servers in the Chinese mainland: enter the IPv4 or IPv6 address of the website\'s server.',
    serverChecking: 'Checking…', serverUnsupported: 'This version of the checker has no server check (checkServer is missing).',
    serverFailed: 'The server check failed: ',
    region: (r) => `Region: ${r}`,
    regions: { mainland: 'Chinese mainland', hong_kong: 'Hong Kong', macao: 'Macao', taiwan: 'Taiwan', other: 'outside China' },
    regionUnknown: 'unknown',
    source: (s) => `IP data: ${s.name} ${s.version} (${[s.licence, urlIn(s.attribution)].filter(Boolean).join(', ')})`,
  },
};

/** The first URL in an attribution text (the data's licence asks for it to be shown). */
const urlIn = (text) => (/https?:\/\/[^\s,;，；)）]+/.exec(text || '') || [''])[0];

const CHECKS = ['domain', 'registrar', 'validity', 'status', 'realName', 'holder'];
// Suffixes whose registries have no RDAP (port-43 WHOIS only): .cn, .中国, .中國, .hk, .香港, .mo,
// .澳门/.澳門, .tw, .台湾/.台灣. Everything else: whatever the bootstrap says.
const WHOIS_ONLY = new Set(['cn', 'xn--fiqs8s', 'xn--fiqz9s', 'hk', 'xn--j6w193g', 'mo', 'xn--mix082f', 'xn--mix891f',
  'tw', 'xn--kprw13d', 'xn--kpry57d']);
const VERIFY = Symbol('verify');   // per-website state, kept on the website object (not sent to the API)

function pageParams() {
  const params = new URLSearchParams(window.location.search);
  // The bootstrap may be overridden (tests point it at a local server), but only with one of
  // this origin or of the loopback address, so a link cannot make the page trust another list.
  let bootstrapUrl = new URL('../pkg/rdap-bootstrap.json', import.meta.url).href;
  const wanted = params.get('rdapBootstrap');
  if (wanted) {
    try {
      const url = new URL(wanted, window.location.href);
      if (url.origin === window.location.origin || url.hostname === '127.0.0.1') bootstrapUrl = url.href;
    } catch {
      // keep the default
    }
  }
  const timeout = Number(params.get('rdapTimeout'));
  return { bootstrapUrl, timeoutMs: timeout >= 100 && timeout <= 60000 ? timeout : 8000 };
}

const hostOf = (url) => {
  try { return new URL(url).host; } catch { return String(url || ''); }
};

/**
 * ctx: { el, idFor, register, api(), options(extra), locale(), filing(), revalidate() } from app.js.
 */
export function createVerify(ctx) {
  const { el } = ctx;
  const tv = (key) => TEXT[ctx.locale()][key];
  const { bootstrapUrl, timeoutMs } = pageParams();
  const slots = new Map();          // slot id -> slot
  let nextId = 1;
  let rdapModule = null;            // Promise of ../pkg/rdap.js
  let bootstrap = { state: 'unloaded', value: null, promise: null, failure: null };

  // ------------------------------------------------------------------------------- state

  function dataOf(website) {
    if (!website[VERIFY]) website[VERIFY] = { regs: [], server: { id: nextId++, ip: '', report: null, key: '', seq: 0, pending: false, error: null, timer: 0 } };
    return website[VERIFY];
  }

  function regSlot(website, j) {
    const data = dataOf(website);
    if (!data.regs[j]) {
      const slot = { id: nextId++, domainText: '', text: '', answer: null, answerText: null, parsedText: null, parsed: null, status: null, controller: null, report: null, error: null, domain: '', open: false };
      data.regs[j] = slot;
      slots.set(slot.id, slot);
    }
    return data.regs[j];
  }

  function forget(slot) {
    if (!slot) return;
    if (slot.controller) slot.controller.abort();
    slots.delete(slot.id);
  }

  function attached(slot) {
    return ctx.filing().websites.some((w) => w[VERIFY] && w[VERIFY].regs.includes(slot));
  }

  /** Called by app.js before it removes item `index` of `list`. */
  function removing(list, index) {
    const filing = ctx.filing();
    if (list === 'websites') {
      const website = filing.websites[index];
      if (website && website[VERIFY]) {
        website[VERIFY].regs.forEach(forget);
        clearTimeout(website[VERIFY].server.timer);
      }
      return;
    }
    const m = /^websites\.(\d+)\.domains$/.exec(list);
    if (!m) return;
    const website = filing.websites[Number(m[1])];
    if (!website || !website[VERIFY]) return;
    const removed = website[VERIFY].regs.splice(index, 1);
    removed.forEach(forget);
  }

  // ------------------------------------------------------------------------------- RDAP

  function loadRdap() {
    if (!rdapModule) {
      rdapModule = import('../pkg/rdap.js').catch((err) => {
        rdapModule = null;
        throw err;
      });
    }
    return rdapModule;
  }

  /** Loads the bootstrap once (again after a failure); repaints the blocks when it arrives. */
  function ensureBootstrap() {
    if (bootstrap.state === 'ready') return Promise.resolve(bootstrap);
    if (bootstrap.promise) return bootstrap.promise;
    bootstrap.state = 'loading';
    bootstrap.promise = loadRdap().then(
      (rdap) => rdap.loadRdapBootstrap(bootstrapUrl, { timeoutMs }).then((got) => {
        bootstrap = got.ok
          ? { state: 'ready', value: got.bootstrap, promise: null, failure: null, rdap }
          : { state: 'failed', value: null, promise: null, failure: got };
        return bootstrap;
      }),
      () => {
        bootstrap = { state: 'failed', value: null, promise: null, failure: { reason: 'module' } };
        return bootstrap;
      },
    ).then((b) => {
      paintAll();
      return b;
    });
    return bootstrap.promise;
  }

  function serversFor(domain) {
    if (!domain || bootstrap.state !== 'ready') return [];
    return bootstrap.rdap.rdapServers(domain, bootstrap.value);
  }

  async function lookup(slot) {
    if (!slot.domain) {
      slot.status = { state: 'error', reason: 'no_domain' };
      paint(slot);
      return;
    }
    if (slot.controller) slot.controller.abort();
    const controller = new AbortController();
    slot.controller = controller;
    const servers = serversFor(slot.domain);
    slot.status = { state: 'loading', url: servers[0] || bootstrapUrl };
    paint(slot);
    const b = await ensureBootstrap();
    let result;
    if (b.state !== 'ready') {
      result = b.failure && b.failure.reason === 'module' ? { ok: false, reason: 'module' } : { ok: false, reason: 'bootstrap', url: bootstrapUrl };
    } else {
      result = await b.rdap.lookupRdap(slot.domain, { bootstrap: b.value, timeoutMs, signal: controller.signal });
    }
    if (slot.controller !== controller) return;      // superseded by another look-up
    slot.controller = null;
    if (!attached(slot)) return;                     // the domain or website was removed meanwhile
    if (result.ok) {
      slot.answer = result.answer;
      slot.text = JSON.stringify(result.answer, null, 2);
      slot.answerText = slot.text;
      slot.status = { state: 'done', url: result.url };
      slot.open = true;
      const box = document.querySelector(`textarea[data-slot="${slot.id}"]`);
      if (box) box.value = slot.text;
      const details = document.querySelector(`details[data-slot="${slot.id}"]`);
      if (details) details.open = true;
    } else if (result.stage === 'bootstrap') {
      slot.status = { state: 'error', reason: 'bootstrap', url: result.url || bootstrapUrl };
    } else {
      slot.status = { state: 'error', reason: result.reason, status: result.status, url: result.url || servers[0] || '' };
    }
    paint(slot);
    ctx.revalidate();
  }

  // ------------------------------------------------------------------------------- checking

  /** What the API is given for a slot: the RDAP object, parsed JSON, or the text; null when empty. */
  function inputOf(slot) {
    const text = slot.text.replace(/^\uFEFF/, '').trim();   // a BOM from a saved file
    if (text === '') return null;
    if (slot.answer && slot.answerText === slot.text) return slot.answer;
    if (slot.parsedText !== slot.text) {
      slot.parsedText = slot.text;
      slot.parsed = text;
      if (text.startsWith('{')) {
        try {
          const value = JSON.parse(text);
          if (value && typeof value === 'object') slot.parsed = value;
        } catch {
          // not JSON after all: the API reads the text (and says it cannot)
        }
      }
    }
    return slot.parsed;
  }

  function registrableOf(value) {
    const api = ctx.api();
    if (!api || typeof value !== 'string' || value.trim() === '') return '';
    try {
      return api.checkDomain(value, ctx.options()).registrable || '';
    } catch {
      return '';
    }
  }

  /**
   * Before validateFiling: checks every registration (checkRegistration with the filing's
   * entity and the domain), puts them into value.websites[i].registrations (remembering which
   * domain each came from, for the paths), repaints the blocks, and re-runs stale server checks.
   */
  function prepare(value, remap, opts) {
    const api = ctx.api();
    const filing = ctx.filing();
    let wantBootstrap = false;
    filing.websites.forEach((website, i) => {
      const data = website[VERIFY];
      if (!data) return;
      const registrations = [];
      const original = [];
      data.regs.forEach((slot, j) => {
        if (!slot) return;
        slot.domainText = String(website.domains[j] || '').trim();
        slot.domain = registrableOf(website.domains[j]);
        if (slot.domain) wantBootstrap = true;
        slot.report = null;
        slot.error = null;
        const input = inputOf(slot);
        if (input !== null) {
          if (api && typeof api.checkRegistration === 'function') {
            try {
              slot.report = api.checkRegistration(input, { ...opts, ...(value.entity ? { entity: value.entity } : {}), ...(slot.domain ? { domain: slot.domain } : {}) });
            } catch (err) {
              slot.error = err && err.message ? err.message : String(err);
            }
          }
          registrations.push(slot.report && slot.report.registration ? slot.report.registration : input);
          original.push(j);
        }
        paint(slot);
      });
      if (registrations.length) {
        if (!value.websites) value.websites = [];
        while (value.websites.length <= i) value.websites.push({});
        value.websites[i].registrations = registrations;
        if (original.some((o, k) => o !== k)) remap.set(`websites.${i}.registrations`, original);
      }
      const server = data.server;
      if (server.ip.trim() !== '' && server.key !== serverKey() && !server.pending) runServer(website);
    });
    if (wantBootstrap && bootstrap.state === 'unloaded') ensureBootstrap();
  }

  // ------------------------------------------------------------------------------- server IP

  const serverKey = () => `${ctx.locale()}|${JSON.stringify(ctx.options())}`;

  async function runServer(website) {
    const server = dataOf(website).server;
    const api = ctx.api();
    const ip = server.ip.trim();
    server.seq += 1;
    const seq = server.seq;
    if (ip === '') {
      server.report = null;
      server.error = null;
      server.pending = false;
      paintServer(website);
      ctx.revalidate();
      return;
    }
    if (!api || typeof api.checkServer !== 'function') {
      server.error = tv('serverUnsupported');
      paintServer(website);
      return;
    }
    server.pending = true;
    paintServer(website);
    const key = serverKey();
    let report = null;
    let error = null;
    try {
      report = await api.checkServer(ip, ctx.options());
    } catch (err) {
      error = tv('serverFailed') + (err && err.message ? err.message : String(err));
    }
    if (seq !== server.seq) return;                  // a newer address was typed meanwhile
    server.pending = false;
    server.report = report;
    server.error = error;
    server.key = key;
    paintServer(website);
    ctx.revalidate();
  }

  /** Server findings for the form, with paths 'websites.i.server'. */
  function issues() {
    const out = [];
    ctx.filing().websites.forEach((website, i) => {
      const server = website[VERIFY] && website[VERIFY].server;
      if (!server || !server.report || server.ip.trim() === '') return;
      for (const issue of server.report.issues || []) out.push({ ...issue, path: `websites.${i}.server` });
    });
    return out;
  }

  // ------------------------------------------------------------------------------- rendering

  function block(i, j, website, crumbs) {
    const slot = regSlot(website, j);
    const path = `websites.${i}.registrations.${j}`;
    const id = ctx.idFor(path);
    const ids = { hint: `${id}-hint`, how: `${id}-how`, status: `${id}-status`, read: `${id}-read`, msg: `${id}-msg` };
    const box = el('textarea', {
      id, rows: 4, class: 'verify-input', 'data-verify': 'registration', 'data-slot': slot.id,
      spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
      'aria-describedby': [ids.hint, ids.how, ids.status, ids.msg].join(' '),
    });
    box.value = slot.text;
    const msgs = el('ul', { id: ids.msg, class: 'msgs' });
    const title = tv('verifyTitle')(j + 1);
    ctx.register(path, { focus: box, msgs, control: box, label: [...crumbs, title].join(' › ') });
    const details = el('details', { class: 'verify', 'data-verify-block': path, 'data-slot': slot.id, open: slot.open || slot.text !== '' },
      el('summary', {}, el('span', { class: 'verify-title' }, title), ' ', el('span', { class: 'verify-badge', 'data-role': 'badge' })),
      el('div', { class: 'verify-body' },
        el('label', { for: id }, tv('pasteLabel')(j + 1)),
        el('p', { id: ids.hint, class: 'field-hint' }, tv('pasteHint')),
        el('p', { id: ids.how, class: 'field-hint verify-how', 'data-role': 'how' }),
        box,
        el('div', { class: 'verify-actions' },
          el('button', { type: 'button', class: 'btn btn-small', 'data-verify-action': 'lookup', 'data-slot': slot.id, 'data-role': 'lookup', 'aria-describedby': ids.status, hidden: true }, tv('lookup')),
          el('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-verify-action': 'clear', 'data-slot': slot.id, 'data-role': 'clear' }, tv('clear'))),
        el('p', { id: ids.status, class: 'verify-status', role: 'status', 'aria-live': 'polite', 'data-role': 'status' }),
        el('div', { id: ids.read, class: 'verify-read', 'data-role': 'read' }),
        msgs));
    details.addEventListener('toggle', () => { slot.open = details.open; });
    paint(slot, details);
    return details;
  }

  function paintAll() {
    for (const slot of slots.values()) paint(slot);
  }

  function part(root, role) {
    return root.querySelector(`[data-role="${role}"]`);
  }

  function paint(slot, root = document.querySelector(`details[data-slot="${slot.id}"]`)) {
    if (!root) return;
    const servers = serversFor(slot.domain);
    const tld = slot.domain ? slot.domain.split('.').pop() : '';
    // How to get the answer for this domain.
    let how = '';
    if (!slot.domain) how = slot.domainText ? tv('howNotFileable') : tv('howNoDomain');
    else if (WHOIS_ONLY.has(tld)) how = tv('howCnnic');
    else if (servers.length) how = tv('howRdap')(hostOf(servers[0]));
    else if (bootstrap.state === 'failed') how = bootstrap.failure && bootstrap.failure.reason === 'module' ? tv('reason').module : tv('reason').bootstrap(bootstrapUrl);
    else if (bootstrap.state === 'ready') how = tv('howNone');
    else how = tv('howLoading');
    part(root, 'how').textContent = how;
    const button = part(root, 'lookup');
    const loading = slot.status && slot.status.state === 'loading';
    button.hidden = !(servers.length && !WHOIS_ONLY.has(tld));
    button.disabled = loading;
    button.textContent = loading ? tv('lookingUp') : tv('lookup');
    part(root, 'clear').hidden = slot.text === '' && !slot.status;
    // The look-up's state.
    const status = part(root, 'status');
    status.replaceChildren();
    status.dataset.state = slot.status ? slot.status.state : 'none';
    delete status.dataset.reason;
    if (slot.status) {
      const s = slot.status;
      if (s.state === 'loading') status.textContent = tv('statusLoading')(hostOf(s.url));
      else if (s.state === 'done') status.textContent = tv('statusDone')(s.url);
      else {
        status.dataset.reason = s.reason;
        const r = tv('reason')[s.reason];
        const host = hostOf(s.url);
        status.textContent = typeof r === 'function'
          ? (s.reason === 'timeout' ? r(host, Math.round(timeoutMs / 100) / 10) : s.reason === 'http' ? r(host, s.status) : s.reason === 'bootstrap' ? r(s.url) : r(host))
          : (r || s.reason);
      }
    }
    // What was read, and the checks.
    const read = part(root, 'read');
    const badge = part(root, 'badge');
    badge.textContent = '';
    delete badge.dataset.state;
    if (slot.text.trim() === '') {
      read.replaceChildren();
      return;
    }
    const api = ctx.api();
    if (api && typeof api.checkRegistration !== 'function') {
      read.replaceChildren(el('p', { class: 'verify-note' }, tv('unsupported')));
      return;
    }
    if (slot.error) {
      read.replaceChildren(el('p', { class: 'verify-note' }, tv('checkFailed') + slot.error));
      return;
    }
    const report = slot.report;
    if (!report) {
      read.replaceChildren();
      return;
    }
    // The box's headline: failed, needs a look, passed, or not all could be checked.
    const states = CHECKS.map((c) => (report.checks && report.checks[c]) || 'unknown');
    const severities = (report.issues || []).map((i) => i.severity);
    const overall = states.includes('failed') || severities.includes('error') ? 'failed'
      : states.includes('warning') || severities.includes('warning') ? 'warning'
        : states.every((c) => c === 'passed') ? 'passed' : 'unknown';
    badge.dataset.state = overall;
    badge.textContent = tv('states')[overall];
    read.replaceChildren(...readFacts(report.registration), checksList(report.checks));
  }

  function readFacts(reg) {
    if (!reg) return [];
    const rows = [];
    const add = (key, value, name) => rows.push(el('dt', {}, tv(key)), el('dd', { 'data-fact': name }, value));
    if (reg.format) add('fFormat', tv('formats')[reg.format] || reg.format, 'format');
    add('fDomain', reg.domain || tv('notGiven'), 'domain');
    add('fRegistrar', reg.registrar || tv('notGiven'), 'registrar');
    add('fIana', reg.registrarIanaId != null ? String(reg.registrarIanaId) : tv('notGiven'), 'registrarIanaId');
    if (reg.registeredAt) add('fRegistered', reg.registeredAt, 'registeredAt');
    add('fExpires', reg.expiresAt || tv('notGiven'), 'expiresAt');
    add('fStatus', reg.status && reg.status.length ? reg.status.join(', ') : tv('notGiven'), 'status');
    add('fHolder', reg.holderRedacted ? tv('holderHidden') : reg.holder || tv('notGiven'), 'holder');
    if (reg.realNameVerified !== undefined && reg.realNameVerified !== null) {
      add('fRealName', reg.realNameVerified ? tv('realNameYes')(reg.realNameVerifiedAt) : tv('realNameNo'), 'realName');
    }
    return [el('h4', { class: 'verify-sub' }, tv('read')), el('dl', { class: 'facts verify-facts' }, rows)];
  }

  function checksList(checks) {
    if (!checks) return el('span');
    return el('div', { class: 'verify-checks-wrap' },
      el('h4', { class: 'verify-sub' }, tv('checksTitle')),
      el('ul', { class: 'verify-checks' }, CHECKS.map((name) => {
        const state = checks[name] || 'unknown';
        return el('li', { 'data-check': name, 'data-state': state },
          el('span', { class: 'check-name' }, tv('checks')[name]), tv('sep'),
          el('span', { class: 'check-state' }, tv('states')[state] || state));
      })));
  }

  function serverField(i, website, crumbs) {
    const server = dataOf(website).server;
    const path = `websites.${i}.server`;
    const id = ctx.idFor(path);
    const input = el('input', {
      id, type: 'text', inputmode: 'url', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
      placeholder: '114.114.114.114', 'data-verify': 'server', 'data-server': server.id,
      'aria-describedby': `${id}-hint ${id}-out ${id}-msg`,
    });
    input.value = server.ip;
    const msgs = el('ul', { id: `${id}-msg`, class: 'msgs' });
    const label = tv('serverLabel');
    ctx.register(path, { focus: input, msgs, control: input, label: [...crumbs, label].join(' › ') });
    const wrap = el('div', { class: 'field field-server', 'data-field': path, 'data-server': server.id },
      el('label', { for: id }, label),
      el('p', { id: `${id}-hint`, class: 'field-hint' }, tv('serverHint')),
      input,
      el('p', { id: `${id}-out`, class: 'server-out', role: 'status', 'aria-live': 'polite', 'data-role': 'server-out' }),
      msgs);
    paintServer(website, wrap);
    return wrap;
  }

  function paintServer(website, root) {
    const server = dataOf(website).server;
    const wrap = root || document.querySelector(`div.field-server[data-server="${server.id}"]`);
    if (!wrap) return;
    const out = wrap.querySelector('[data-role="server-out"]');
    delete out.dataset.region;
    if (server.ip.trim() === '') out.replaceChildren();
    else if (server.pending && !server.report) out.replaceChildren(tv('serverChecking'));
    else if (server.error) out.replaceChildren(server.error);
    else if (server.report) {
      const r = server.report;
      out.dataset.region = r.region || 'unknown';
      const region = r.region ? tv('regions')[r.region] || r.region : tv('regionUnknown');
      out.replaceChildren(el('span', { class: 'server-region' }, tv('region')(region)),
        r.source ? el('span', { class: 'server-source' }, tv('source')(r.source)) : '');
    }
  }

  // ------------------------------------------------------------------------------- events

  function wire(form) {
    // A finding in the summary opens its (closed) verification box before the page focuses it.
    document.addEventListener('click', (event) => {
      const button = event.target.closest && event.target.closest('#summary-list button[data-path]');
      const m = button && /^(websites\.\d+\.registrations\.\d+)/.exec(button.dataset.path);
      const details = m && document.querySelector(`details[data-verify-block="${m[1]}"]`);
      if (details) details.open = true;
    }, true);
    form.addEventListener('input', (event) => {
      const target = event.target;
      if (target.dataset.verify === 'registration') {
        const slot = slots.get(Number(target.dataset.slot));
        if (!slot) return;
        slot.text = target.value;
        if (slot.answerText !== slot.text && slot.status && slot.status.state === 'done') slot.status = null;
        ctx.revalidate();
      } else if (target.dataset.verify === 'server') {
        const website = websiteOf(target);
        if (!website) return;
        const server = dataOf(website).server;
        server.ip = target.value;
        clearTimeout(server.timer);
        server.timer = setTimeout(() => runServer(website), 250);
      }
    });
    form.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-verify-action]');
      if (!button) return;
      const slot = slots.get(Number(button.dataset.slot));
      if (!slot) return;
      if (button.dataset.verifyAction === 'lookup') {
        lookup(slot);
      } else if (button.dataset.verifyAction === 'clear') {
        if (slot.controller) slot.controller.abort();
        slot.controller = null;
        Object.assign(slot, { text: '', answer: null, answerText: null, status: null });
        const box = document.querySelector(`textarea[data-slot="${slot.id}"]`);
        if (box) {
          box.value = '';
          box.focus();
        }
        ctx.revalidate();
      }
    });
  }

  function websiteOf(node) {
    const group = node.closest('fieldset[data-group-path]');
    const m = group && /^websites\.(\d+)$/.exec(group.dataset.groupPath);
    return m ? ctx.filing().websites[Number(m[1])] : null;
  }

  return { block, serverField, prepare, issues, removing, wire };
}
