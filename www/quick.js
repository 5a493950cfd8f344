// The quick domain check (#quick).

import { $, el } from './dom.js';
import { state, t, options } from './state.js';
import { issueItem, verdictOf, registrableText } from './issues.js';

export function runQuick() {
  if (!state.api) return;
  const input = $('quick-input').value;
  const verdict = $('quick-verdict');
  const facts = $('quick-facts');
  const issues = $('quick-issues');
  const input_ = $('quick-input');
  if (input.trim() === '') {
    verdict.textContent = '';
    verdict.dataset.verdict = 'none';
    facts.replaceChildren();
    issues.replaceChildren();
    input_.removeAttribute('aria-invalid');
    return;
  }
  const entityType = $('quick-entity').value;
  const report = state.api.checkDomain(input, options(entityType ? { entityType } : {}));
  const v = verdictOf(report);
  verdict.dataset.verdict = v;
  verdict.textContent = t(v === 'ok' ? 'verdictOk' : v === 'warn' ? 'verdictWarn' : 'verdictError');
  input_.setAttribute('aria-invalid', String(!report.ok));
  const rows = [
    ['factRegistrable', registrableText(report), 'registrable'],
    ['factAscii', report.ascii, 'ascii'],
    ['factUnicode', report.unicode, 'unicode'],
    ['factSuffix', report.suffix, 'suffix'],
    ['factSubdomain', report.subdomain, 'subdomain'],
  ];
  facts.replaceChildren(...rows.flatMap(([key, value, name]) => [
    el('dt', {}, t(key)), el('dd', { 'data-fact': name }, value || t('none'))]));
  issues.replaceChildren(...report.issues.map(issueItem));
  if (!state.firstAnswer) {
    state.firstAnswer = true;
    performance.mark('icp-first-answer');
  }
}

export function wireQuick() {
  $('quick-input').addEventListener('input', () => performance.mark('icp-first-input'), { once: true });
  $('quick-input').addEventListener('input', runQuick);
  $('quick-entity').addEventListener('change', runQuick);
}
