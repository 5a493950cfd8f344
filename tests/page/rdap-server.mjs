// A local RDAP server for the page tests (verify.test.mjs): Node http on 127.0.0.1, a random
// port, a bootstrap that maps test TLDs to routes of this server, real RDAP answers from
// tests/fixtures/registration/ (dates moved where a test needs a domain that is still valid),
// and one route per failure: no CORS header, 404, 500, not JSON, slow, too large, closed port,
// and a host the page's CSP refuses (localhost instead of 127.0.0.1).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/registration');
const fixture = (name) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
const day = 24 * 3600 * 1000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** bitcoin.top's answer (registrar 成都西维数码, IANA 1556) renamed, renewed and with the registrant redacted (RFC 9537). */
function renewed(name) {
  const a = fixture('rdap-bitcoin.top.json');
  a.ldhName = `${name}.`;
  a.unicodeName = `${name}.`;
  a.events = a.events.map((e) => (e.eventAction === 'expiration' ? { ...e, eventDate: iso(Date.now() + 400 * day) }
    : e.eventAction === 'registration' ? { ...e, eventDate: iso(Date.now() - 400 * day) } : e));
  for (const entity of a.entities) {
    if (entity.roles.includes('registrant')) entity.vcardArray[1] = entity.vcardArray[1].filter((p) => p[0] !== 'org');
  }
  a.rdapConformance = [...a.rdapConformance, 'redacted'];
  a.redacted = [{
    name: { description: 'Registrant Organization' },
    prePath: "$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='org')]",
    method: 'removal',
  }];
  return a;
}

/** An answer whose registrar name is markup: the page must show it as text. */
function payload(name) {
  const a = renewed(name);
  const registrar = a.entities.find((e) => e.roles.includes('registrar'));
  registrar.vcardArray[1] = registrar.vcardArray[1].map((p) => (p[0] === 'fn' ? ['fn', {}, 'text', '<img src=x onerror="window.__xss=1">'] : p));
  return a;
}

export const ANSWERS = {
  'google.com': () => fixture('rdap-google.com-verisign.json'),          // MarkMonitor (IANA 292): not approved
  'bitcoin.top': () => fixture('rdap-bitcoin.top.json'),                 // expired in 2021
  'zhangsan-notes.com': () => renewed('zhangsan-notes.com'),             // mainland registrar, valid, holder redacted
  'zhangsan-notes.top': () => renewed('zhangsan-notes.top'),
  'markup.com': () => payload('markup.com'),
};

export async function startRdapServer() {
  const requests = [];
  let base = '';
  let port = 0;
  // A port that was free a moment ago and is closed now.
  const closed = createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  const closedPort = closed.address().port;
  await new Promise((r) => closed.close(r));

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push({ path: url.pathname, accept: req.headers.accept, origin: req.headers.origin, cookie: req.headers.cookie, credentials: req.headers.authorization });
    const cors = { 'access-control-allow-origin': '*' };
    const send = (status, body, headers = {}) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/rdap+json', 'cache-control': 'no-store', ...headers });
      res.end(text);
    };
    if (url.pathname === '/bootstrap.json') {
      return send(200, {
        description: 'test bootstrap', version: '1.0',
        services: [
          [['com', 'net', 'top'], [`${base}/ok/`]],
          [['org'], [`${base}/nocors/`]],
          [['info'], [`${base}/fail500/`]],
          [['xyz'], [`${base}/html/`]],
          [['site'], [`${base}/slow/`]],
          [['wang'], [`${base}/big/`]],
          [['online'], [`http://127.0.0.1:${closedPort}/`]],
          [['biz'], [`http://localhost:${port}/ok/`]],
        ],
      }, cors);
    }
    const m = /^\/(\w+)\/domain\/([^/]+)$/.exec(url.pathname);
    if (!m) return send(404, fixture('rdap-error-ripe-404.json'), cors);
    const [, route, raw] = m;
    const name = decodeURIComponent(raw).toLowerCase();
    switch (route) {
      case 'ok': {
        const answer = ANSWERS[name];
        return answer ? send(200, answer(), cors) : send(404, { errorCode: 404, title: 'Not Found', description: [`${name} is not registered`] }, cors);
      }
      case 'nocors': return send(200, renewed(name));                     // no Access-Control-Allow-Origin
      case 'fail500': return send(500, { errorCode: 500, title: 'Internal Server Error' }, cors);
      case 'html': return send(200, '<!doctype html><title>Maintenance</title><p>Back soon', { ...cors, 'content-type': 'text/html' });
      case 'slow': {
        const timer = setTimeout(() => send(200, renewed(name), cors), 5000);
        res.on('close', () => clearTimeout(timer));
        return undefined;
      }
      case 'big': return send(200, `{"objectClassName":"domain","ldhName":"${name}","remarks":[{"description":["${'x'.repeat(1536 * 1024)}"]}]}`, cors);
      default: return send(404, fixture('rdap-error-ripe-404.json'), cors);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  port = server.address().port;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    port,
    closedPort,
    bootstrapUrl: `${base}/bootstrap.json`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}
