// Rule versions and sources (#rules), from the module's rulesInfo().

import { $, el } from './dom.js';
import { state, t } from './state.js';

export function renderRules() {
  if (!state.api) return;
  const info = state.api.rulesInfo();
  const names = t('rule');
  const list = $('rules-list');
  const nodes = [];
  for (const [key, value] of Object.entries(info)) {
    const name = names[key] || key;
    let dd;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'version' in value) {
      dd = el('dd', {}, el('span', { class: 'ver' }, value.version), ' ', el('span', { class: 'src' }, value.source));
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      dd = el('dd', {}, value.join(', ') || t('none'));
    } else if (Array.isArray(value)) {
      dd = el('dd', {}, el('ul', { class: 'plain' }, value.map((v) =>
        el('li', {}, el('span', { class: 'ver' }, `${v.province || ''} ${v.version || ''}`.trim()), ' ', el('span', { class: 'src' }, v.source || '')))));
    } else {
      dd = el('dd', {}, String(value));
    }
    nodes.push(el('div', { class: 'rule', 'data-rule': key }, el('dt', {}, name), dd));
  }
  list.replaceChildren(...nodes);
}
