// icp-precheck demo page. No framework, no build step: ES modules that load ../pkg/.
// Every piece of user input and every message is inserted with textContent / DOM APIs only.
//
//   text.js        UI strings per locale          lists.js       provinces, entity and certificate
//   state.js       shared state, t(), options()                  types, from the module's reference()
//   dom.js         el(), $(), path helpers        issues.js      shared rendering of findings
//   quick.js       quick domain check             form.js        the filing form and its validation
//   filing.js      filing model and examples      verify.js      domain verification, server IP
//   batch.js       batch check and CSV            rules-info.js  rule versions and sources
//   wasm-fetch.js  starts the .wasm download early (index.html runs it first)
//
// This file loads the module and wires the sections together.

import { $, el } from './dom.js';
import { state, t, isZh } from './state.js';
import { lists, setReference } from './lists.js';
import { EXAMPLES, emptyFiling, normaliseFiling } from './filing.js';
import { runQuick, wireQuick } from './quick.js';
import { renderForm, validateForm, wireForm } from './form.js';
import { runBatch, wireBatch } from './batch.js';
import { renderRules } from './rules-info.js';
import { wasmResponse, wasmUrl } from './wasm-fetch.js';

// ---------------------------------------------------------------------------------------------
// Loading the WebAssembly module
// ---------------------------------------------------------------------------------------------

async function load() {
  const status = $('status');
  try {
    // The package entry: WebAssembly, or its JavaScript build where WebAssembly is refused
    // (iOS Lockdown Mode, some in-app browsers).
    const api = await import('../pkg/index.js');
    performance.mark('icp-imported');
    // The download wasm-fetch.js started (none without WebAssembly: then the JavaScript build).
    await api.default({ module_or_path: wasmResponse ?? wasmUrl });
    if (typeof api.checkDomain !== 'function') throw new Error('checkDomain is missing from pkg/');
    if (typeof api.reference !== 'function') throw new Error('reference is missing from pkg/');
    setReference(api.reference());
    state.api = api;
    status.dataset.state = 'ready';
    status.dataset.i18n = 'ready';
    status.textContent = t('ready');
    performance.mark('icp-ready');
    return true;
  } catch (err) {
    status.dataset.state = 'error';
    status.setAttribute('role', 'alert');
    delete status.dataset.i18n;
    status.textContent = t('loadError') + (err && err.message ? err.message : String(err));
    document.documentElement.dataset.ready = 'error';
    for (const node of document.querySelectorAll('main input, main select, main textarea, main button')) node.disabled = true;
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Static text, province and language
// ---------------------------------------------------------------------------------------------

function applyText() {
  document.documentElement.lang = state.locale;
  document.title = `${t('title')} · icp-precheck`;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = t(node.dataset.i18n);
    if (typeof value === 'string') node.textContent = value;
  }
  $('lang-zh').setAttribute('aria-pressed', String(isZh()));
  $('lang-en').setAttribute('aria-pressed', String(!isZh()));
  // Until the module has answered reference(), the province select keeps index.html's option.
  if (lists.loaded) {
    $('province').replaceChildren(...lists.provinces.map(([code, zh, en]) =>
      el('option', { value: code, selected: code === state.province }, isZh() ? `${zh}（${code}）` : `${en} (${code})`)));
  }
  const quickEntity = $('quick-entity');
  const chosen = quickEntity.value;
  quickEntity.replaceChildren(el('option', { value: '' }, t('anyEntity')),
    ...lists.entityTypes.map(([key, zh, en]) => el('option', { value: key, selected: key === chosen }, isZh() ? zh : en)));
}

function setLocale(locale) {
  if (locale === state.locale) return;
  state.locale = locale;
  applyText();
  renderForm();
  refreshAll();
}

function setProvince(code) {
  state.province = code;
  refreshAll();
}

function refreshAll() {
  if (!state.api) return;
  runQuick();
  validateForm.flush();
  if (state.batch) runBatch(state.batch.inputs, false);
  renderRules();
}

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

function loadExample(name) {
  if (name === 'clear') {
    state.filing = emptyFiling();
  } else {
    const example = EXAMPLES[name]();
    state.filing = normaliseFiling(example.filing);
    state.province = example.province;
    $('province').value = state.province;
  }
  renderForm();
  refreshAll();
  $('summary-h').scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------

function wire() {
  $('lang-zh').addEventListener('click', () => setLocale('zh-CN'));
  $('lang-en').addEventListener('click', () => setLocale('en'));
  $('province').addEventListener('change', (e) => setProvince(e.target.value));
  wireQuick();
  wireForm();
  $('ex-individual').addEventListener('click', () => loadExample('individual'));
  $('ex-enterprise').addEventListener('click', () => loadExample('enterprise'));
  $('ex-mistakes').addEventListener('click', () => loadExample('mistakes'));
  $('ex-clear').addEventListener('click', () => loadExample('clear'));
  wireBatch();
}

/** Re-renders the parts built from reference() once it has answered, keeping the focus. */
function applyReference() {
  const focused = document.activeElement && document.activeElement.id;
  applyText();
  renderForm();
  if (focused && document.activeElement !== $(focused) && $(focused)) $(focused).focus();
}

async function main() {
  performance.mark('icp-start');
  const preferred = (navigator.languages || [navigator.language || '']).find(Boolean) || '';
  if (/^en\b/i.test(preferred) && !/^zh/i.test(preferred)) state.locale = 'en';
  const wanted = new URLSearchParams(window.location.search).get('lang');
  if (wanted === 'en' || wanted === 'zh-CN') state.locale = wanted;
  const loading = load();   // starts fetching and compiling while the form is built
  applyText();
  wire();
  renderForm();
  performance.mark('icp-rendered');
  const ok = await loading;
  if (!ok) return;
  applyReference();
  $('province').disabled = false;
  document.documentElement.dataset.ready = '1';
  refreshAll();
}

main();
