// icp-precheck for form libraries ('icp-precheck/integrations', also re-exported by the entry):
//   - `schemas`: Standard Schema v1 objects (react-hook-form's standardSchemaResolver, TanStack
//     Form, …) for a filing, an entity, a website, an app, a domain and a record number;
//   - `rules`: async-validator rules (antd Form, Element Plus), `{ validator(rule, value) }`
//     returning a Promise that rejects with the findings.
// Both drive the same wasm-bindgen glue as every entry, so they answer once `init()` (or
// `initSync`) of any entry has run. How warnings travel: see README.md, "Form libraries".
import init from './index.js';
import {
  __wbg_init_js as probe, checkDomain, parseRecordNumber,
  validateApp, validateEntity, validateFiling, validateWebsite,
} from './icp_precheck.js';

// ---- is the module initialised? --------------------------------------------------------
// The glue's `__wbg_init_js(instantiate)` returns the module when it has one and calls
// `instantiate` otherwise: a throwing `instantiate` asks "initialised?" without side effects.
const NOT_YET = {};
let initialised = false;
function notYet() { throw NOT_YET; }
export function isReady() {
  if (initialised) return true;
  try {
    probe(notYet);
    initialised = true;
  } catch (error) {
    if (error !== NOT_YET) throw error;
  }
  return initialised;
}

/** Resolves once the module is initialised, starting the entry's `init()` if it is not. */
export function whenReady() {
  return Promise.resolve().then(() => (isReady() ? undefined : init())).then(() => {
    if (!isReady()) throw new Error('icp-precheck: the module is not initialised; call `await init()` (or `initSync`) first');
  }, (cause) => {
    const error = new Error(`icp-precheck: the module is not initialised and \`init()\` failed (${cause && cause.message || cause}); start it first with \`await init()\` (browsers) or \`initSync({ module })\` (Node)`);
    error.cause = cause;
    throw error;
  });
}

// ---- shared helpers --------------------------------------------------------------------
const INDEX = /^(?:0|[1-9][0-9]*)$/;

/** `'websites.0.domains.1'` → `['websites', 0, 'domains', 1]`; `''` → `undefined`. */
export function pathArray(path) {
  if (!path) return undefined;
  return path.split('.').map((key) => (INDEX.test(key) ? Number(key) : key));
}

function dotted(name) {
  return Array.isArray(name) ? name.join('.') : String(name);
}

function within(path, prefix) {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}.`);
}

const plain = (options) => Object.assign({}, options);
const moduleOptions = (options) => {
  const o = plain(options);
  delete o.warningsFail;
  delete o.severity;
  delete o.required;
  delete o.holder;
  return o;
};

// ---- Standard Schema v1 ----------------------------------------------------------------
function toStandardIssue(issue) {
  const out = { message: issue.message, path: pathArray(issue.path), code: issue.code, severity: issue.severity };
  if (out.path === undefined) delete out.path;
  if (issue.params !== undefined) out.params = issue.params;
  return out;
}

function standardResult(value, report, warningsFail) {
  const errors = [];
  const warnings = [];
  for (const issue of report.issues) (issue.severity === 'error' ? errors : warnings).push(toStandardIssue(issue));
  const failing = warningsFail ? errors.concat(warnings) : errors;
  if (failing.length > 0) return { issues: failing, warnings, report };
  return { value, warnings, report };
}

const CHECKS = {
  filing: validateFiling,
  entity: validateEntity,
  website: validateWebsite,
  app: validateApp,
  domain: checkDomain,
  recordNumber: parseRecordNumber,
};

function makeSchema(kind, options) {
  const check = CHECKS[kind];
  const frozen = Object.freeze(plain(options));
  const passed = moduleOptions(frozen);
  const run = (value) => standardResult(value, check(value, passed), frozen.warningsFail === true);
  return Object.freeze({
    '~standard': Object.freeze({
      version: 1,
      vendor: 'icp-precheck',
      validate(value) {
        return isReady() ? run(value) : whenReady().then(() => run(value));
      },
    }),
    kind,
    options: frozen,
    with(more) {
      return makeSchema(kind, Object.assign({}, frozen, more));
    },
  });
}

/** The six schemas with these options (`locale`, `province`, `partial`, `warningsFail`, …). */
export function createSchemas(options) {
  return Object.freeze({
    filing: makeSchema('filing', options),
    entity: makeSchema('entity', options),
    website: makeSchema('website', options),
    app: makeSchema('app', options),
    domain: makeSchema('domain', options),
    recordNumber: makeSchema('recordNumber', options),
  });
}

export const schemas = createSchemas();

// ---- async-validator rules -------------------------------------------------------------
const isEmpty = (value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function ruleError(issue) {
  const error = new Error(issue.message);
  error.code = issue.code;
  error.severity = issue.severity;
  error.path = issue.path;
  if (issue.params !== undefined) error.params = issue.params;
  return error;
}

/** The issues a rule with these options rejects with. */
function selected(issues, options) {
  const severity = options.severity === 'warning' ? 'warning' : 'error';
  if (severity === 'warning') return issues.filter((i) => i.severity === 'warning');
  return options.warningsFail === true ? issues : issues.filter((i) => i.severity === 'error');
}

function settle(issues) {
  return issues.length === 0 ? undefined : Promise.reject(issues.map(ruleError));
}

/** A rule from `issuesOf(value, moduleOptions)`, which returns the issues concerning that value. */
function makeRule(options, issuesOf) {
  const o = plain(options);
  // One options object per rule: the module reads a plain object once and remembers it.
  const passed = Object.assign(moduleOptions(o), { partial: o.required !== true });
  const rule = {
    validator(_rule, value) {
      if (isEmpty(value) && (o.required !== true || o.severity === 'warning')) return Promise.resolve();
      const run = () => settle(selected(issuesOf(value, passed), o));
      return isReady() ? Promise.resolve().then(run) : whenReady().then(run);
    },
  };
  if (o.severity === 'warning') rule.warningOnly = true;
  return rule;
}

function atPaths(report, paths) {
  return report.issues.filter((issue) => paths.some((p) => within(issue.path, p)));
}

/** Whole forms: rules for each field from one `validate*` of the whole form's values. */
function makeForm(kind, options) {
  if (!Object.prototype.hasOwnProperty.call(FORM_CHECKS, kind)) {
    throw new TypeError(`icp-precheck: rules.form(kind): kind is one of ${Object.keys(FORM_CHECKS).join(', ')}, not ${String(kind)}`);
  }
  const check = FORM_CHECKS[kind];
  const o = plain(options);
  const passed = moduleOptions(o);
  let lastKey = null;
  let lastReport = null;
  const validate = (values) => {
    let key = null;
    try { key = JSON.stringify(values); } catch (error) { key = null; }
    if (key !== null && key === lastKey) return lastReport;
    const report = check(values, passed);
    lastKey = key;
    lastReport = report;
    return report;
  };
  const fieldRule = (name, getValues, severity) => {
    const path = dotted(name);
    const rule = {
      validator() {
        const run = () => settle(selected(atPaths(validate(getValues()), [path]), { severity, warningsFail: o.warningsFail }));
        return isReady() ? Promise.resolve().then(run) : whenReady().then(run);
      },
    };
    if (severity === 'warning') rule.warningOnly = true;
    return rule;
  };
  return Object.freeze({
    kind,
    options: Object.freeze(o),
    /** antd `Form.Item rules`: an error rule and a `warningOnly` rule, both reading the whole form. */
    field(name) {
      return [
        (form) => fieldRule(name, () => form.getFieldsValue(true), 'error'),
        (form) => fieldRule(name, () => form.getFieldsValue(true), 'warning'),
      ];
    },
    /** A plain async-validator rule (Element Plus, async-validator) that reads `getValues()`. */
    rule(name, getValues, ruleOptions) {
      const severity = ruleOptions && ruleOptions.severity === 'warning' ? 'warning' : 'error';
      return fieldRule(name, getValues, severity);
    },
    /** The report of these values (synchronous; the module must be initialised). */
    validate(values) {
      return validate(values);
    },
    /** antd `form.setFields(…)` data: one entry per path, with its errors and warnings. */
    fields(values) {
      const byPath = new Map();
      for (const issue of validate(values).issues) {
        let entry = byPath.get(issue.path);
        if (entry === undefined) {
          entry = { name: pathArray(issue.path) || [], errors: [], warnings: [] };
          byPath.set(issue.path, entry);
        }
        const failing = issue.severity === 'error' || o.warningsFail === true;
        (failing ? entry.errors : entry.warnings).push(issue.message);
      }
      return Array.from(byPath.values());
    },
  });
}

const FORM_CHECKS = { filing: validateFiling, entity: validateEntity, website: validateWebsite, app: validateApp };

export const rules = Object.freeze({
  /** A domain field: `checkDomain`. */
  domain(options) {
    return makeRule(options, (value, o) => checkDomain(value, o).issues);
  },
  /**
   * A certificate number of this type (`'uscc'`, `'resident_id'`, …, or the Chinese name): the
   * entity's (`options.entityType` checks the type against it), or with `holder: 'principal'`
   * the principal's (personal documents only, ages by province).
   */
  certificate(type, options) {
    const o = plain(options);
    const holder = o.holder === 'principal' ? 'principal' : 'entity';
    return makeRule(o, (number, mo) => {
      const certificate = { type, number };
      if (holder === 'principal') {
        return atPaths(validateEntity({ responsible: { certificate } }, mo), ['responsible.certificate.number', 'responsible.certificate.type']);
      }
      const entity = { certificate };
      if (mo.entityType !== undefined) entity.type = mo.entityType;
      return atPaths(validateEntity(entity, mo), ['certificate.number', 'certificate.type']);
    });
  },
  /** A mobile number (the principal's `mobile`). */
  mobile(options) {
    return makeRule(options, (mobile, o) => atPaths(validateEntity({ responsible: { mobile } }, o), ['responsible.mobile']));
  },
  /** An e-mail address (the principal's `email`). */
  email(options) {
    return makeRule(options, (email, o) => atPaths(validateEntity({ responsible: { email } }, o), ['responsible.email']));
  },
  /** An ICP or public-security record number. */
  recordNumber(options) {
    return makeRule(options, (value, o) => parseRecordNumber(value, o).issues);
  },
  /** Rules for the fields of a whole form: `kind` is `'filing'`, `'entity'`, `'website'` or `'app'`. */
  form(kind, options) {
    return makeForm(kind, options);
  },
});
