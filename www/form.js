// The filing form (#filing): rendered from state.filing, every field registered by its issue
// path; validated as the user types, findings shown beside their fields and in the summary.

import { createVerify } from './verify.js';
import { $, el, idFor, getAt, setAt, debounce } from './dom.js';
import { state, t, isZh, options } from './state.js';
import { issueItem, registrableText } from './issues.js';
import { emptyWebsite, emptyApp, emptyPlatform, cleanFiling, remapPath } from './filing.js';
import { lists } from './lists.js';

// Choices of the form that are not rule data: [value (Chinese, as filed), English label].
const SERVICE_CONTENT = [
  ['其他', 'Other'], ['单位门户网站', 'Organisation portal'], ['综合门户', 'General portal'],
  ['网络购物', 'Online shopping'], ['网上支付', 'Online payment'], ['网络新闻', 'Online news'],
  ['博客/个人空间', 'Blog / personal space'], ['网络广告/信息', 'Advertising / information'],
  ['网络游戏', 'Online games'], ['网络音乐', 'Online music'], ['网络影视', 'Film and video'],
  ['网络图片', 'Pictures'], ['网络软件/下载', 'Software / downloads'], ['网上求职', 'Job search'],
  ['网络教育', 'Online education'], ['网站建设', 'Web design'],
];
const LANGUAGES = [
  ['中文简体', 'Simplified Chinese'], ['中文繁体', 'Traditional Chinese'], ['英语', 'English'],
  ['日语', 'Japanese'], ['法语', 'French'], ['俄罗斯语', 'Russian'], ['西班牙语', 'Spanish'],
  ['阿拉伯语', 'Arabic'], ['维吾尔语', 'Uyghur'], ['藏语', 'Tibetan'], ['蒙古语', 'Mongolian'],
  ['朝鲜语', 'Korean'],
];
const PLATFORMS = [['android', 'Android'], ['ios', 'iOS'], ['harmonyos', 'HarmonyOS']];

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/** path -> { path, focus, msgs, label, control, norm } */
let registry = new Map();

function register(path, entry) {
  registry.set(path, { path, ...entry });
}

/** A text field (input or textarea) bound to a path of state.filing. */
function textField(path, labelKey, crumbs, opts = {}) {
  const id = idFor(path);
  const msgId = `${id}-msg`;
  const hintKey = opts.hint;
  const hintId = hintKey ? `${id}-hint` : null;
  const normId = opts.domain ? `${id}-norm` : null;
  const label = opts.labelText || t(labelKey);
  const attrs = {
    id, name: path, 'data-path': path, type: opts.type || 'text', autocomplete: 'off',
    inputmode: opts.inputmode, spellcheck: opts.spellcheck === false ? 'false' : undefined,
    autocapitalize: opts.spellcheck === false ? 'off' : undefined,
    'aria-describedby': [hintId, normId, msgId].filter(Boolean).join(' '),
    placeholder: opts.placeholder,
  };
  const control = opts.multiline ? el('textarea', { ...attrs, type: undefined, rows: 3 }) : el('input', attrs);
  control.value = getAt(state.filing, path) ?? '';
  const msgs = el('ul', { id: msgId, class: 'msgs' });
  const wrap = el('div', { class: `field${opts.domain ? ' field-domain' : ''}`, 'data-field': path },
    el('label', { for: id }, label),
    hintId ? el('p', { id: hintId, class: 'field-hint' }, t(hintKey)) : null,
    opts.row ? el('div', { class: 'row' }, control, opts.row) : control,
    normId ? el('p', { id: normId, class: 'norm' }) : null,
    msgs);
  register(path, { focus: control, msgs, control, label: [...crumbs, label].join(' › '), norm: normId ? wrap.querySelector(`#${normId}`) : null, domain: !!opts.domain });
  return wrap;
}

function selectField(path, labelKey, crumbs, choices, opts = {}) {
  const id = idFor(path);
  const msgId = `${id}-msg`;
  const value = getAt(state.filing, path) ?? '';
  const control = el('select', { id, name: path, 'data-path': path, 'aria-describedby': msgId },
    opts.noEmpty ? null : el('option', { value: '' }, t('choose')),
    ...choices.map(([key, zh, en]) => el('option', { value: key, selected: key === value }, isZh() ? zh : (en || zh))));
  control.value = value;
  const msgs = el('ul', { id: msgId, class: 'msgs' });
  const label = t(labelKey);
  register(path, { focus: control, msgs, control, label: [...crumbs, label].join(' › ') });
  return el('div', { class: 'field', 'data-field': path }, el('label', { for: id }, label), control, msgs);
}

function checkGroup(path, labelKey, crumbs, choices) {
  const id = idFor(path);
  const msgId = `${id}-msg`;
  const values = getAt(state.filing, path) || [];
  const boxes = choices.map(([value, en], i) => {
    const boxId = `${id}-${i}`;
    const box = el('input', { type: 'checkbox', id: boxId, value, 'data-group': path, checked: values.includes(value) });
    return el('span', { class: 'check' }, box, el('label', { for: boxId }, isZh() ? value : en));
  });
  const msgs = el('ul', { id: msgId, class: 'msgs' });
  const label = t(labelKey);
  const fs = el('fieldset', { class: 'field checks', id, 'aria-describedby': msgId, 'data-field': path },
    el('legend', {}, label), el('div', { class: 'check-grid' }, boxes), msgs);
  register(path, { focus: boxes[0].querySelector('input'), msgs, control: fs, label: [...crumbs, label].join(' › ') });
  return fs;
}

/** A fieldset that also takes findings addressed to the group itself (e.g. 'websites.0'). */
function group(path, legend, crumbs, children, extraClass = '') {
  const id = idFor(path || 'filing');
  const msgs = el('ul', { id: `${id}-msg`, class: 'msgs group-msgs' });
  const fs = el('fieldset', { class: `group ${extraClass}`.trim(), id: `${id}-group`, 'data-group-path': path, 'aria-describedby': `${id}-msg` },
    el('legend', {}, legend), msgs, ...children);
  register(path, { focus: null, fieldset: fs, msgs, label: [...crumbs, legend].join(' › ') });
  return fs;
}

function personFields(prefix, crumbs) {
  return [
    el('div', { class: 'grid' },
      textField(`${prefix}.name`, 'personName', crumbs),
      selectField(`${prefix}.certificate.type`, 'certType', crumbs, lists.personCertTypes),
      textField(`${prefix}.certificate.number`, 'certNumber', crumbs, { spellcheck: false }),
      textField(`${prefix}.certificate.validUntil`, 'validUntil', crumbs, { hint: 'validUntilHint', placeholder: 'YYYY-MM-DD', spellcheck: false }),
      textField(`${prefix}.mobile`, 'mobile', crumbs, { type: 'tel', inputmode: 'tel' }),
      textField(`${prefix}.emergencyMobile`, 'emergencyMobile', crumbs, { type: 'tel', inputmode: 'tel' }),
      textField(`${prefix}.landline`, 'landline', crumbs, { type: 'tel', inputmode: 'tel', hint: 'landlineHint' }),
      textField(`${prefix}.email`, 'email', crumbs, { type: 'email', inputmode: 'email', spellcheck: false })),
  ];
}

/** The domain fields of a list; `after(j)` adds something below field j (the verification). */
function domainList(prefix, labelKey, crumbs, domains, after = null) {
  const label = t(labelKey);
  const items = domains.flatMap((_, j) => {
    const path = `${prefix}.${j}`;
    const remove = domains.length > 1
      ? el('button', { type: 'button', class: 'btn btn-icon', 'data-action': 'remove-item', 'data-list': prefix, 'data-index': j, 'aria-label': t('removeDomain')(j + 1) }, '×')
      : null;
    const field = textField(path, null, [...crumbs, label], {
      labelText: t('domainN')(j + 1), domain: true, spellcheck: false, inputmode: 'url', row: remove, placeholder: 'example.cn',
    });
    return after ? [field, after(j)] : [field];
  });
  const listMsgs = el('ul', { id: `${idFor(prefix)}-msg`, class: 'msgs' });
  register(prefix, { focus: null, msgs: listMsgs, label: [...crumbs, label].join(' › '), listOf: prefix });
  return el('fieldset', { class: 'field domain-list', 'data-field': prefix, 'aria-describedby': `${idFor(prefix)}-msg ${idFor(prefix)}-hint` },
    el('legend', {}, label),
    el('p', { class: 'field-hint', id: `${idFor(prefix)}-hint` }, t('domainsHint')),
    listMsgs,
    ...items,
    el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'add-domain', 'data-list': prefix }, t('addDomain')));
}

export function renderForm() {
  const form = $('filing-form');
  registry = new Map();
  const f = state.filing;
  const general = el('ul', { id: 'f-general-msg', class: 'msgs group-msgs' });
  register('', { focus: $('province'), msgs: general, label: t('general') });

  const entityCrumbs = [t('sEntity')];
  const entity = group('entity', t('sEntity'), [], [
    el('div', { class: 'grid' },
      selectField('entity.type', 'entityType', entityCrumbs, lists.entityTypes),
      textField('entity.name', 'entityName', entityCrumbs),
      selectField('entity.certificate.type', 'certType', entityCrumbs, lists.entityCertTypes),
      textField('entity.certificate.number', 'certNumber', entityCrumbs, { spellcheck: false }),
      textField('entity.certificate.validUntil', 'validUntil', entityCrumbs, { hint: 'validUntilHint', placeholder: 'YYYY-MM-DD', spellcheck: false })),
    textField('entity.certificateAddress', 'certificateAddress', entityCrumbs, { hint: 'certificateAddressHint' }),
    textField('entity.address', 'address', entityCrumbs, { hint: 'addressHint' }),
    group('entity.responsible', t('sResponsible'), entityCrumbs, personFields('entity.responsible', [...entityCrumbs, t('sResponsible')]), 'sub'),
  ]);

  const websites = f.websites.map((w, i) => {
    const p = `websites.${i}`;
    const title = t('website')(i + 1);
    const crumbs = [title];
    return group(p, title, [], [
      el('div', { class: 'group-tools' },
        el('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'remove-item', 'data-list': 'websites', 'data-index': i }, t('removeWebsite')(i + 1))),
      textField(`${p}.name`, 'siteName', crumbs, { hint: 'siteNameHint' }),
      domainList(`${p}.domains`, 'domains', crumbs, w.domains, (j) => verify.block(i, j, w, crumbs)),
      verify.serverField(i, w, crumbs),
      textField(`${p}.homepage`, 'homepage', crumbs, { type: 'url', inputmode: 'url', spellcheck: false, placeholder: 'https://www.example.cn/' }),
      checkGroup(`${p}.serviceContent`, 'serviceContent', crumbs, SERVICE_CONTENT),
      checkGroup(`${p}.languages`, 'languages', crumbs, LANGUAGES),
      group(`${p}.responsible`, t('webResponsible'), crumbs, personFields(`${p}.responsible`, [...crumbs, t('webResponsible')]), 'sub'),
      textField(`${p}.remarks`, 'remarks', crumbs, { multiline: true, hint: 'remarksHint' }),
    ], 'item');
  });

  const apps = f.apps.map((a, i) => {
    const p = `apps.${i}`;
    const title = t('app')(i + 1);
    const crumbs = [title];
    const platforms = a.platforms.map((_, k) => {
      const pp = `${p}.platforms.${k}`;
      const ptitle = t('platform')(k + 1);
      const pcrumbs = [...crumbs, ptitle];
      return group(pp, ptitle, crumbs, [
        a.platforms.length > 1 ? el('div', { class: 'group-tools' },
          el('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'remove-item', 'data-list': `${p}.platforms`, 'data-index': k }, t('removePlatform')(k + 1))) : null,
        el('div', { class: 'grid' },
          selectField(`${pp}.platform`, 'platformField', pcrumbs, PLATFORMS.map(([key, name]) => [key, name, name]), { noEmpty: true }),
          textField(`${pp}.packageName`, 'packageName', pcrumbs, { spellcheck: false, placeholder: 'com.example.app' }),
          textField(`${pp}.certificateMd5`, 'certificateMd5', pcrumbs, { spellcheck: false }),
          textField(`${pp}.certificateSha1`, 'certificateSha1', pcrumbs, { spellcheck: false })),
      ], 'sub');
    });
    return group(p, title, [], [
      el('div', { class: 'group-tools' },
        el('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'remove-item', 'data-list': 'apps', 'data-index': i }, t('removeApp')(i + 1))),
      textField(`${p}.name`, 'appName', crumbs),
      ...platforms,
      el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'add-platform', 'data-list': `${p}.platforms` }, t('addPlatform')),
      domainList(`${p}.domains`, 'appDomains', crumbs, a.domains),
      group(`${p}.responsible`, t('appResponsible'), crumbs, personFields(`${p}.responsible`, [...crumbs, t('appResponsible')]), 'sub'),
    ], 'item');
  });

  const websitesSection = el('section', { class: 'list', 'aria-labelledby': 'websites-h' },
    el('h3', { id: 'websites-h' }, t('sWebsites')),
    el('ul', { id: 'f-websites-msg', class: 'msgs group-msgs' }),
    ...websites,
    el('button', { type: 'button', class: 'btn', 'data-action': 'add-website' }, t('addWebsite')));
  register('websites', { focus: null, msgs: websitesSection.querySelector('#f-websites-msg'), label: t('sWebsites'), fieldset: websitesSection });
  const appsSection = el('section', { class: 'list', 'aria-labelledby': 'apps-h' },
    el('h3', { id: 'apps-h' }, t('sApps')),
    el('ul', { id: 'f-apps-msg', class: 'msgs group-msgs' }),
    ...apps,
    el('button', { type: 'button', class: 'btn', 'data-action': 'add-app' }, t('addApp')));
  register('apps', { focus: null, msgs: appsSection.querySelector('#f-apps-msg'), label: t('sApps'), fieldset: appsSection });

  form.replaceChildren(general, entity, websitesSection, appsSection);
}


// ---------------------------------------------------------------------------------------------
// Form input handling
// ---------------------------------------------------------------------------------------------

function onFormInput(event) {
  const target = event.target;
  if (target.dataset.path) {
    setAt(state.filing, target.dataset.path, target.value);
    if (target.dataset.path === 'entity.type') validateForm.flush(); else validateForm();
  } else if (target.dataset.group) {
    const path = target.dataset.group;
    const values = new Set(getAt(state.filing, path) || []);
    if (target.checked) values.add(target.value); else values.delete(target.value);
    setAt(state.filing, path, [...values]);
    validateForm();
  }
}

function onFormClick(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  const list = button.dataset.list;
  let focusPath = null;
  if (action === 'add-website') {
    state.filing.websites.push(emptyWebsite());
    focusPath = `websites.${state.filing.websites.length - 1}.name`;
  } else if (action === 'add-app') {
    state.filing.apps.push(emptyApp());
    focusPath = `apps.${state.filing.apps.length - 1}.name`;
  } else if (action === 'add-domain') {
    const arr = getAt(state.filing, list);
    arr.push('');
    focusPath = `${list}.${arr.length - 1}`;
  } else if (action === 'add-platform') {
    const arr = getAt(state.filing, list);
    arr.push(emptyPlatform(arr.some((p) => p.platform === 'android') ? 'ios' : 'android'));
    focusPath = `${list}.${arr.length - 1}.platform`;
  } else if (action === 'remove-item') {
    const arr = getAt(state.filing, list);
    const index = Number(button.dataset.index);
    verify.removing(list, index);
    arr.splice(index, 1);
    if (list.endsWith('.domains') && arr.length === 0) arr.push('');
    focusPath = arr.length ? `${list}.${Math.min(index, arr.length - 1)}` : null;
  }
  renderForm();
  validateForm.flush();
  let target = null;
  if (focusPath) {
    const entry = registry.get(focusPath);
    target = entry && (entry.focus || (entry.fieldset && entry.fieldset.querySelector('input, select, textarea')));
  }
  if (!target) {
    const section = action.includes('app') || (list && list.startsWith('apps')) ? registry.get('apps') : registry.get('websites');
    target = section && section.fieldset.querySelector('button[data-action^="add"]');
  }
  if (target) target.focus();
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function entryFor(path) {
  let p = path || '';
  for (;;) {
    const entry = registry.get(p);
    if (entry) return entry;
    if (p === '') return null;
    const dot = p.lastIndexOf('.');
    p = dot < 0 ? '' : p.slice(0, dot);
  }
}

export const validateForm = debounce(() => runValidation(false), 150);

// Domain verification and server IP beside each website (verify.js).
const verify = createVerify({
  el, idFor, register, options, api: () => state.api, locale: () => state.locale,
  filing: () => state.filing, revalidate: () => validateForm(),
});

export function runValidation(full) {
  if (!state.api) return;
  state.fullCheck = full;
  const { value, remap } = cleanFiling(state.filing);
  value.province = state.province;
  const entityType = state.filing.entity.type || undefined;
  const opts = options({ partial: !full, ...(entityType ? { entityType } : {}) });
  let issues = [];
  const note = $('api-note');
  note.hidden = true;

  // Normalised values of every domain field (one boundary crossing).
  const domainEntries = [...registry.values()].filter((e) => e.domain);
  const domainValues = domainEntries.map((e) => e.control.value);
  const reports = domainValues.some((v) => v.trim() !== '') ? state.api.checkDomains(domainValues, opts) : [];
  domainEntries.forEach((entry, i) => {
    const report = reports[i];
    entry.norm.replaceChildren();
    if (!report || domainValues[i].trim() === '' || !report.registrable) return;
    entry.norm.append(
      el('span', { class: 'norm-item', 'data-norm': 'registrable' }, `${t('normRegistrable')}: ${registrableText(report)}`),
      el('span', { class: 'norm-item', 'data-norm': 'ascii' }, `${t('normAscii')}: ${report.ascii}`),
      el('span', { class: 'norm-item', 'data-norm': 'unicode' }, `${t('normUnicode')}: ${report.unicode}`));
  });

  // Pasted or looked-up registrations go into websites[i].registrations.
  verify.prepare(value, remap, opts);
  try {
    const report = state.api.validateFiling(value, opts);
    issues = report.issues.map((i) => ({ ...i, path: remapPath(i.path, remap) }));
    // A province that wants a local principal's mobile (Jiangsu) needs the mobile prefixes'
    // provinces, which the .wasm does not carry: fetch them the first time, then check again.
    const unchecked = report.issues.some((i) => i.code === 'mobile.province_unchecked' && i.params && i.params.reason === 'data_unavailable');
    if (unchecked && state.api.loadMobileRegions && !state.mobileRegions) {
      state.mobileRegions = state.api.loadMobileRegions().then(() => runValidation(state.fullCheck), () => {});
    }
  } catch (err) {
    // Only a trapped module throws here: say so rather than show a form without findings.
    note.hidden = false;
    note.textContent = t('apiFailed') + (err && err.message ? err.message : String(err));
  }
  showFindings([...issues, ...verify.issues()]);
}

function showFindings(issues) {
  for (const entry of registry.values()) {
    entry.msgs.replaceChildren();
    if (entry.control && entry.control.tagName !== 'FIELDSET') entry.control.removeAttribute('aria-invalid');
    if (entry.fieldset) entry.fieldset.removeAttribute('data-invalid');
  }
  const items = [];
  for (const issue of issues) {
    const entry = entryFor(issue.path);
    if (!entry) continue;
    const li = issueItem(issue);
    li.dataset.path = issue.path;
    entry.msgs.append(li);
    if (entry.control && entry.control.tagName !== 'FIELDSET') {
      if (issue.severity === 'error') entry.control.setAttribute('aria-invalid', 'true');
      else if (!entry.control.hasAttribute('aria-invalid')) entry.control.setAttribute('aria-invalid', 'false');
    }
    if (entry.control && entry.control.tagName === 'FIELDSET' && issue.severity === 'error') {
      for (const box of entry.control.querySelectorAll('input')) box.setAttribute('aria-invalid', 'true');
    }
    items.push({ issue, entry });
  }
  // Clear stale aria-invalid on checkbox groups without errors.
  for (const entry of registry.values()) {
    if (entry.control && entry.control.tagName === 'FIELDSET' && !items.some((it) => it.entry === entry && it.issue.severity === 'error')) {
      for (const box of entry.control.querySelectorAll('input')) box.removeAttribute('aria-invalid');
    }
  }
  renderSummary(items);
}

function renderSummary(items) {
  const errors = items.filter((it) => it.issue.severity === 'error');
  const warnings = items.filter((it) => it.issue.severity !== 'error');
  const live = $('summary-live');
  const list = $('summary-list');
  const anyInput = JSON.stringify(cleanFiling(state.filing).value) !== '{}';
  let text;
  if (items.length) text = t('summaryCounts')(errors.length, warnings.length);
  else text = anyInput || state.fullCheck ? t('summaryNone') : t('summaryEmpty');
  if (state.fullCheck) text += t('summaryFull');
  live.textContent = text;
  live.dataset.errors = String(errors.length);
  live.dataset.warnings = String(warnings.length);
  list.replaceChildren(...[...errors, ...warnings].map(({ issue, entry }) =>
    el('li', { class: `sev-${issue.severity}` },
      el('button', { type: 'button', class: 'summary-item', 'data-path': issue.path, 'data-code': issue.code },
        el('span', { class: 'sev' }, t(issue.severity === 'error' ? 'error' : 'warning')), ' ',
        el('span', { class: 'where' }, entry.label), ' ',
        el('span', { class: 'msg' }, issue.message)))));
}

export function focusPath(path) {
  const entry = entryFor(path);
  if (!entry) return;
  const target = entry.focus || (entry.fieldset && entry.fieldset.querySelector('input, select, textarea'));
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

export function wireForm() {
  const form = $('filing-form');
  form.addEventListener('input', onFormInput);
  form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT' || e.target.type === 'checkbox') { onFormInput(e); } });
  form.addEventListener('click', onFormClick);
  form.addEventListener('submit', (e) => e.preventDefault());
  verify.wire(form);
  $('summary-list').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-path]');
    if (button) focusPath(button.dataset.path);
  });
  $('full-check').addEventListener('click', () => runValidation(true));
}
