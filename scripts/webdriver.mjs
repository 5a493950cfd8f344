// A small W3C WebDriver client (https://www.w3.org/TR/webdriver2/) over Node's fetch, enough
// to drive Firefox ESR through geckodriver and WebKitGTK's MiniBrowser through WebKitWebDriver
// the same way: start the driver, open a session, navigate, run a script, close. Used by the
// engine tests (tests/engines/) and benchmarks (bench/engines.mjs). Playwright
// drives only Chromium with Debian's browsers, so the other two engines go through the
// standard protocol their own drivers speak.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a driver executable listening on 127.0.0.1 and resolves once it answers `/status`.
 * `command` is an argv array; `portArgs(port)` the arguments that set its port.
 */
export async function startDriver({ command, portArgs, env = {} }) {
  const port = await freePort();
  const [file, ...args] = command;
  const child = spawn(file, [...args, ...portArgs(port)], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let log = '';
  const keep = (chunk) => { log = (log + chunk).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => { exited = `exited with ${code ?? signal}`; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i += 1) {
    if (exited) throw new Error(`${file} ${exited}:\n${log}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  return {
    url,
    log: () => log,
    async stop() {
      if (exited) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
      if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
}

async function call(url, method, body, timeoutMs) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed;
  try { parsed = JSON.parse(text); } catch { throw new Error(`WebDriver ${method} ${url}: ${response.status} ${text.slice(0, 500)}`); }
  if (!response.ok || parsed?.value?.error) {
    const { error, message } = parsed.value ?? {};
    throw new Error(`WebDriver ${method} ${url}: ${error ?? response.status}: ${message ?? text.slice(0, 500)}`);
  }
  return parsed.value;
}

/** A session on a started driver; `capabilities` go in `alwaysMatch`. */
export async function newSession(driver, capabilities, { timeoutMs = 90000 } = {}) {
  const value = await call(`${driver.url}/session`, 'POST', { capabilities: { alwaysMatch: capabilities } }, timeoutMs);
  const base = `${driver.url}/session/${value.sessionId}`;
  return {
    capabilities: value.capabilities,
    navigate: (url) => call(`${base}/url`, 'POST', { url }, timeoutMs),
    /** Runs `script` (a function body) in the page and returns its value. */
    execute: (script, args = []) => call(`${base}/execute/sync`, 'POST', { script, args }, timeoutMs),
    /** Polls `script` until it returns something other than null/undefined. */
    async waitFor(script, { timeout = 60000, every = 100 } = {}) {
      const until = Date.now() + timeout;
      for (;;) {
        const value = await call(`${base}/execute/sync`, 'POST', { script, args: [] }, timeoutMs);
        if (value !== null && value !== undefined) return value;
        if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for: ${script}`);
        await sleep(every);
      }
    },
    close: () => call(base, 'DELETE', undefined, timeoutMs).catch(() => {}),
  };
}

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** The two engines driven through WebDriver, each with WebAssembly on or off. */
export const ENGINES = {
  firefox: {
    name: 'Firefox ESR',
    driver: () => ({
      command: [process.env.GECKODRIVER || 'geckodriver'],
      portArgs: (port) => ['--host', '127.0.0.1', '--port', String(port)],
    }),
    capabilities: (wasm) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: FIREFOX,
        args: ['-headless'],
        prefs: { 'javascript.options.wasm': wasm, 'browser.shell.checkDefaultBrowser': false },
      },
    }),
  },
  webkit: {
    name: 'WebKitGTK',
    driver: (wasm) => ({
      command: [process.env.WEBKITWEBDRIVER || 'WebKitWebDriver'],
      portArgs: (port) => [`--port=${port}`],
      // JavaScriptCore reads its options from the environment of every process it runs in;
      // the driver starts MiniBrowser, which starts the web process, each inheriting it.
      env: wasm ? {} : { JSC_useWasm: 'false' },
    }),
    capabilities: () => ({
      browserName: 'MiniBrowser',
      // --automation must be passed by hand once args are given, or the session never starts.
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }),
  },
};

/** Starts `key`'s driver (ENGINES) and a session in it; `close()` ends both. */
export async function openEngine(key, { wasm = true } = {}) {
  const engine = ENGINES[key];
  if (!engine) throw new Error(`unknown engine ${key} (known: ${Object.keys(ENGINES).join(', ')})`);
  const driver = await startDriver(engine.driver(wasm));
  try {
    const session = await newSession(driver, engine.capabilities(wasm));
    return { engine, driver, session, async close() { await session.close(); await driver.stop(); } };
  } catch (error) {
    await driver.stop();
    throw error;
  }
}
