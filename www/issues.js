// Shared rendering of issues and domain facts (quick check, form, batch).

import { el } from './dom.js';
import { t } from './state.js';

export function issueItem(issue) {
  return el('li', { class: `issue sev-${issue.severity}`, 'data-code': issue.code },
    el('span', { class: 'sev' }, t(issue.severity === 'error' ? 'error' : 'warning')),
    ' ', el('span', { class: 'msg' }, issue.message),
    ' ', el('code', { class: 'code' }, issue.code));
}

export function verdictOf(report) {
  if (!report.ok) return 'error';
  return report.issues.length ? 'warn' : 'ok';
}

export function registrableText(report) {
  if (!report.registrable) return t('none');
  return report.registrableUnicode && report.registrableUnicode !== report.registrable
    ? `${report.registrableUnicode}（${report.registrable}）` : report.registrable;
}
