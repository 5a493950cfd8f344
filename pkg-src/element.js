// <icp-domain-input> ('icp-precheck/element'): a form-associated domain field that says at
// once whether the domain can be filed, which domain is filed, and why not, in the page's
// language. Importing this module defines the element once (never throws if it is defined).
//
//   <script type="module">import 'icp-precheck/element';</script>
//   <form><icp-domain-input name="domain" required province="北京"></icp-domain-input></form>
//
// A <form> is not submitted while the domain would be refused; `report` is the DomainReport,
// `icp-report` is dispatched with it. Styles live in the shadow root as a constructable
// stylesheet (no inline style: fine under `style-src 'self'`). Starts the package with the
// entry's `init()` (WebAssembly, or the JavaScript build where it is missing) on first use.
import init from './index.js';
import { __wbg_init_js as probe, checkDomain } from './icp_precheck.js';

const TAG = 'icp-domain-input';
const NOT_YET = {};
function notYet() { throw NOT_YET; }

// ---- the module: 'loading' until init() settles, then 'ready' or 'failed' --------------
let moduleState = 'idle';
const live = new Set();
function moduleReady() {
  if (moduleState === 'ready') return true;
  try {
    probe(notYet);
    moduleState = 'ready';
    return true;
  } catch (error) {
    if (error !== NOT_YET) throw error;
    return false;
  }
}
function startModule() {
  if (moduleState !== 'idle' || moduleReady()) return;
  moduleState = 'loading';
  Promise.resolve().then(() => init()).then(() => { moduleState = 'ready'; }, (error) => {
    moduleState = moduleReady() ? 'ready' : 'failed';
    if (moduleState === 'failed' && typeof console !== 'undefined') console.error('icp-domain-input: the domain check could not start', error);
  }).then(() => { live.forEach((el) => el._update(true)); });
}

// The document's language, watched once for every connected element.
let langObserver = null;
function watchDocumentLang() {
  if (langObserver !== null || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => { live.forEach((el) => el._update(true)); });
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

// ---- what the element says itself (findings come in the module's own messages) ---------
const TEXT = {
  'zh-CN': {
    ok: '可以备案', refused: '不能备案', loading: '正在加载域名检查…', failed: '域名检查无法加载，未检查',
    filed: '备案域名：', open: '（', close: '）', required: '请填写域名。',
  },
  en: {
    ok: 'Can be filed', refused: 'Cannot be filed', loading: 'Loading the domain check…', failed: 'The domain check could not load; not checked',
    filed: 'Filed domain: ', open: ' (', close: ')', required: 'Please enter a domain.',
  },
};

const CSS = `
:host{display:inline-block;vertical-align:top;min-width:16em;color:inherit;font:inherit;
--icp-ok:#15803d;--icp-error:#b91c1c;--icp-warning:#8a5a00;--icp-border:#8c8c8c;--icp-focus:#2563eb}
:host([hidden]){display:none}
[hidden]{display:none!important}
input{box-sizing:border-box;width:100%;margin:0;padding:.35em .5em;font:inherit;color:inherit;
background:Field;border:1px solid var(--icp-border);border-radius:4px}
input:focus{outline:2px solid var(--icp-focus);outline-offset:1px}
input[aria-invalid=true]{border-color:var(--icp-error)}
input:disabled{opacity:.6}
.verdict{margin:.3em 0 0;font-size:.9em}
.ok{color:var(--icp-ok)}
.refused{color:var(--icp-error)}
.loading,.failed{opacity:.75}
.filed{margin-inline-start:.5em;color:CanvasText}
ul{margin:.2em 0 0;padding:0 0 0 1.2em;font-size:.85em}
li.error{color:var(--icp-error)}
li.warning{color:var(--icp-warning)}
`;
let sheet = null;
function styleInto(root) {
  // Constructable stylesheets are not subject to a page's CSP (style-src); engines without
  // them (Safari < 16.4) get a <style>, which a CSP without 'unsafe-inline' refuses.
  try {
    if (sheet === null) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } catch (error) {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
}

function el(name, attributes, parent) {
  const node = document.createElement(name);
  for (const key of Object.keys(attributes)) node.setAttribute(key, attributes[key]);
  if (parent) parent.appendChild(node);
  return node;
}

function localeOf(lang) {
  const l = (lang || '').trim().toLowerCase();
  return l === '' || l.startsWith('zh') ? 'zh-CN' : 'en';
}

const Base = typeof HTMLElement === 'function' ? HTMLElement : class {};
let serial = 0;

export class IcpDomainInput extends Base {
  static get formAssociated() { return true; }
  static get observedAttributes() { return ['value', 'required', 'disabled', 'placeholder', 'province', 'lang', 'entity-type', 'warnings-fail', 'readonly', 'aria-label']; }

  constructor() {
    super();
    this._internals = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
    this._value = '';
    this._dirty = false;
    this._report = null;
    this._custom = '';
    this._fieldsetDisabled = false;
    this._optionsKey = null;
    this._options = null;
    this._shown = null;
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    styleInto(root);
    const id = `icp-${(serial += 1)}`;
    this._input = el('input', {
      part: 'input', type: 'text', inputmode: 'url', autocomplete: 'off', autocapitalize: 'none',
      spellcheck: 'false', 'aria-describedby': `${id}-v ${id}-i`,
    }, root);
    this._verdict = el('div', { part: 'verdict', class: 'verdict', id: `${id}-v`, role: 'status', hidden: '' }, root);
    this._word = el('span', { class: 'word' }, this._verdict);
    this._filed = el('span', { part: 'filed', class: 'filed' }, this._verdict);
    this._list = el('ul', { part: 'issues', class: 'issues', id: `${id}-i`, hidden: '' }, root);

    this._input.addEventListener('input', () => {
      this._value = this._input.value;
      this._dirty = true;
      this._update(false);
      // The input event is composed: it reaches the page from the host by itself.
    });
    this._input.addEventListener('change', () => {
      this.dispatchEvent(new Event('change', { bubbles: true }));
    });
    this._input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      const form = this.form;
      if (!form) return;
      event.preventDefault();
      if (typeof form.requestSubmit === 'function') form.requestSubmit();
      else {
        const button = form.querySelector('button:not([type]), [type=submit]');
        if (button) button.click();
      }
    });
  }

  connectedCallback() {
    // Properties set before the element was defined shadow the accessors: replay them.
    for (const key of ['value', 'name', 'required', 'disabled', 'readOnly', 'placeholder', 'province', 'entityType', 'warningsFail']) {
      if (Object.prototype.hasOwnProperty.call(this, key)) {
        const v = this[key];
        delete this[key];
        this[key] = v;
      }
    }
    live.add(this);
    watchDocumentLang();
    if (!this._dirty && this.hasAttribute('value')) this._value = this.getAttribute('value');
    this._input.value = this._value;
    this._syncInput();
    startModule();
    this._update(true);
  }

  disconnectedCallback() {
    live.delete(this);
  }

  attributeChangedCallback(name) {
    if (name === 'value') {
      if (!this._dirty) {
        this._value = this.getAttribute('value') || '';
        this._input.value = this._value;
        if (this.isConnected) this._update(true);
      }
      return;
    }
    this._syncInput();
    if (this.isConnected) this._update(true);
  }

  // ---- form-associated callbacks ----
  formDisabledCallback(disabled) {
    this._fieldsetDisabled = disabled;
    this._syncInput();
  }

  formResetCallback() {
    this._dirty = false;
    this._value = this.getAttribute('value') || '';
    this._input.value = this._value;
    this._update(true);
  }

  formStateRestoreCallback(state) {
    if (typeof state === 'string') this.value = state;
  }

  // ---- properties as native fields have them ----
  get value() { return this._value; }
  set value(v) {
    this._value = v === null || v === undefined ? '' : String(v);
    this._input.value = this._value;
    this._dirty = true;
    this._update(true);
  }

  get defaultValue() { return this.getAttribute('value') || ''; }
  set defaultValue(v) { this.setAttribute('value', v); }

  get name() { return this.getAttribute('name') || ''; }
  set name(v) { this.setAttribute('name', v); }

  get required() { return this.hasAttribute('required'); }
  set required(v) { this.toggleAttribute('required', Boolean(v)); }

  get disabled() { return this.hasAttribute('disabled'); }
  set disabled(v) { this.toggleAttribute('disabled', Boolean(v)); }

  get readOnly() { return this.hasAttribute('readonly'); }
  set readOnly(v) { this.toggleAttribute('readonly', Boolean(v)); }

  get placeholder() { return this.getAttribute('placeholder') || ''; }
  set placeholder(v) { this.setAttribute('placeholder', v); }

  get province() { return this.getAttribute('province') || ''; }
  set province(v) {
    if (v === null || v === undefined || v === '') this.removeAttribute('province');
    else this.setAttribute('province', v);
  }

  get entityType() { return this.getAttribute('entity-type') || ''; }
  set entityType(v) {
    if (v === null || v === undefined || v === '') this.removeAttribute('entity-type');
    else this.setAttribute('entity-type', v);
  }

  get warningsFail() { return this.hasAttribute('warnings-fail'); }
  set warningsFail(v) { this.toggleAttribute('warnings-fail', Boolean(v)); }

  /** `'zh-CN'` or `'en'`: from the nearest `lang` attribute, else the document's. */
  get locale() {
    const owner = this.closest('[lang]');
    return localeOf(owner ? owner.getAttribute('lang') : document.documentElement.getAttribute('lang'));
  }

  /** The DomainReport of the value; `null` while it is empty or the check has not started. */
  get report() { return this._report; }

  get type() { return TAG; }
  get form() { return this._internals ? this._internals.form : null; }
  get labels() { return this._internals ? this._internals.labels : null; }
  get validity() { return this._internals ? this._internals.validity : null; }
  get validationMessage() { return this._internals ? this._internals.validationMessage : ''; }
  get willValidate() { return this._internals ? this._internals.willValidate : false; }
  checkValidity() { return this._internals ? this._internals.checkValidity() : true; }
  reportValidity() { return this._internals ? this._internals.reportValidity() : true; }
  setCustomValidity(message) {
    this._custom = message === null || message === undefined ? '' : String(message);
    this._update(false, true);
  }

  select() { this._input.select(); }

  // ---- internals ----
  _syncInput() {
    const input = this._input;
    input.disabled = this.disabled || this._fieldsetDisabled;
    input.readOnly = this.readOnly;
    input.required = this.required;
    input.placeholder = this.placeholder;
    const label = this.getAttribute('aria-label') || this._labelText();
    if (label) input.setAttribute('aria-label', label);
    else input.removeAttribute('aria-label');
  }

  _labelText() {
    const labels = this.labels;
    if (!labels || labels.length === 0) return '';
    return (labels[0].textContent || '').trim();
  }

  _optionsFor(locale) {
    const province = this.province;
    const entityType = this.entityType;
    const key = `${locale}|${province}|${entityType}`;
    if (key !== this._optionsKey) {
      // One object per setting: the module reads a plain options object once and remembers it.
      const options = { locale };
      if (province) options.province = province;
      if (entityType) options.entityType = entityType;
      this._optionsKey = key;
      this._options = options;
    }
    return this._options;
  }

  /** Re-checks the value, shows the verdict, sets the form value and validity, tells the page. */
  _update(force, validityOnly) {
    const locale = this.locale;
    const text = TEXT[locale];
    const value = this._value;
    const empty = value.trim() === '';
    const ready = moduleReady();
    const options = this._optionsFor(locale);
    const before = this._report;
    if (!validityOnly) this._report = ready && !empty ? checkDomain(value, options) : null;
    const report = this._report;

    if (this._internals) this._internals.setFormValue(value);
    this._setValidity(empty, ready, report, text, options);
    this._setStates(empty, ready, report);
    if (validityOnly) return;
    this._render(empty, ready, report, text);
    if (report !== before || (force && report !== null)) {
      this.dispatchEvent(new CustomEvent('icp-report', { bubbles: true, composed: true, detail: { value, report } }));
    }
  }

  _setValidity(empty, ready, report, text, options) {
    const internals = this._internals;
    if (!internals) return;
    const anchor = this._input;
    let message = '';
    let flags = {};
    if (this._custom !== '') {
      flags = { customError: true };
      message = this._custom;
    } else if (empty) {
      if (this.required) {
        flags = { valueMissing: true };
        message = ready ? checkDomain('', options).issues[0].message : text.required;
      }
    } else if (!ready) {
      if (moduleState !== 'failed') {
        flags = { customError: true };
        message = text.loading;
      }
    } else {
      const failing = report.issues.filter((i) => i.severity === 'error' || this.warningsFail);
      if (failing.length > 0) {
        flags = { customError: true };
        message = failing.map((i) => i.message).join('\n');
      }
    }
    if (message === '') internals.setValidity({});
    else internals.setValidity(flags, message, anchor);
    anchor.setAttribute('aria-invalid', message !== '' && !empty && ready ? 'true' : 'false');
  }

  _setStates(empty, ready, report) {
    const states = this._internals && this._internals.states;
    if (!states) return;
    const on = {
      empty,
      loading: !ready && moduleState !== 'failed',
      ok: Boolean(report && report.ok),
      refused: Boolean(report && !report.ok),
      warning: Boolean(report && report.issues.some((i) => i.severity === 'warning')),
    };
    for (const name of Object.keys(on)) {
      try {
        if (on[name]) states.add(name); else states.delete(name);
      } catch (error) {
        // Chromium 90-124 accepts only `--name` states.
        try { if (on[name]) states.add(`--${name}`); else states.delete(`--${name}`); } catch (ignored) { /* no custom states */ }
      }
    }
  }

  _render(empty, ready, report, text) {
    const shown = `${empty}|${ready}|${moduleState}|${text.ok}|${report ? JSON.stringify(report) : ''}`;
    if (shown === this._shown) return;
    this._shown = shown;
    const verdict = this._verdict;
    const list = this._list;
    while (list.firstChild) list.removeChild(list.firstChild);
    this._filed.textContent = '';
    if (empty) {
      verdict.hidden = true;
      list.hidden = true;
      return;
    }
    verdict.hidden = false;
    if (!ready) {
      verdict.className = `verdict ${moduleState === 'failed' ? 'failed' : 'loading'}`;
      this._word.textContent = moduleState === 'failed' ? text.failed : text.loading;
      list.hidden = true;
      return;
    }
    verdict.className = `verdict ${report.ok ? 'ok' : 'refused'}`;
    this._word.textContent = `${report.ok ? '✓' : '✗'} ${report.ok ? text.ok : text.refused}`;
    if (report.registrable) {
      const unicode = report.registrableUnicode || report.registrable;
      this._filed.textContent = text.filed + unicode + (unicode !== report.registrable ? text.open + report.registrable + text.close : '');
    }
    for (const issue of report.issues) {
      const li = el('li', { class: issue.severity, 'data-code': issue.code }, list);
      li.textContent = issue.message;
    }
    list.hidden = report.issues.length === 0;
  }
}

/** Defines `<icp-domain-input>` (or `name`) unless something is already defined under that name. */
export function defineIcpDomainInput(name) {
  const tag = name || TAG;
  if (typeof customElements === 'undefined') return false;
  if (customElements.get(tag)) return false;
  customElements.define(tag, tag === TAG ? IcpDomainInput : class extends IcpDomainInput {});
  return true;
}

defineIcpDomainInput();
