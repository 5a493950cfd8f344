// The batch domain check (#batch): a list or a CSV / TXT file in, a table and a CSV out.

import { $, el } from './dom.js';
import { state, t, options } from './state.js';
import { issueItem, verdictOf, registrableText } from './issues.js';

const BATCH_TABLE_ROWS = 2000;

/** First column of CSV/TXT text; skips blank lines and a header row. */
export function firstColumn(text) {
  const out = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    let cell;
    if (line.startsWith('"')) {
      let j = 1;
      cell = '';
      while (j < line.length) {
        if (line[j] === '"') {
          if (line[j + 1] === '"') { cell += '"'; j += 2; continue; }
          break;
        }
        cell += line[j];
        j += 1;
      }
    } else {
      cell = line.split(/[,\t]/)[0];
    }
    cell = cell.trim();
    if (cell === '') return;
    if (i === 0 && /^(domain|domains|域名|host|hostname|url|网址|input)$/i.test(cell)) return;
    out.push(cell);
  });
  return out;
}

export function runBatch(inputs, announce = true) {
  if (!state.api) return;
  const status = $('batch-status');
  const table = $('batch-table');
  const body = table.querySelector('tbody');
  if (!inputs.length) {
    state.batch = null;
    table.hidden = true;
    body.replaceChildren();
    $('batch-download').disabled = true;
    status.textContent = t('batchEmpty');
    return;
  }
  const reports = state.api.checkDomains(inputs, options());
  state.batch = { inputs, reports };
  const rows = reports.slice(0, BATCH_TABLE_ROWS).map((r, i) => {
    const v = verdictOf(r);
    return el('tr', { 'data-verdict': v },
      el('td', { class: 'num' }, String(i + 1)),
      el('td', { class: 'cell-input', 'data-label': t('colInput') }, r.input),
      el('td', { class: 'cell-registrable', 'data-label': t('colRegistrable') }, registrableText(r)),
      el('td', { class: `cell-verdict v-${v}`, 'data-label': t('colVerdict') }, t(v === 'ok' ? 'vOk' : v === 'warn' ? 'vWarn' : 'vError')),
      el('td', { class: 'cell-findings', 'data-label': t('colFindings') }, r.issues.length ? el('ul', { class: 'issues' }, r.issues.map(issueItem)) : t('none')));
  });
  body.replaceChildren(...rows);
  table.hidden = false;
  $('batch-download').disabled = false;
  const bad = reports.filter((r) => !r.ok).length;
  let text = t('batchDone')(reports.length, reports.length - bad, bad);
  if (reports.length > BATCH_TABLE_ROWS) text += ` ${t('batchTruncated')(BATCH_TABLE_ROWS)}`;
  if (announce || status.textContent) status.textContent = text;
}

function csvCell(value) {
  let s = value == null ? '' : String(value);
  // Spreadsheets run cells starting with = + - @ as formulas: neutralise them.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function batchCsv() {
  const { reports } = state.batch;
  const lines = [t('csvHead').map(csvCell).join(',')];
  for (const r of reports) {
    const v = verdictOf(r);
    lines.push([
      r.input, r.host, r.registrable, r.registrableUnicode, r.ascii, r.unicode, r.suffix,
      t(v === 'ok' ? 'vOk' : v === 'warn' ? 'vWarn' : 'vError'),
      r.issues.map((i) => `${i.severity}:${i.code}`).join(' '),
      r.issues.map((i) => i.message).join(' | '),
    ].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function downloadCsv() {
  if (!state.batch) return;
  const blob = new Blob([batchCsv()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: 'icp-precheck-domains.csv', class: 'vh' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);   // Excel on Chinese Windows saves CSV in GBK
  }
}

export function wireBatch() {
  $('batch-run').addEventListener('click', () => runBatch(firstColumn($('batch-input').value)));
  $('batch-download').addEventListener('click', downloadCsv);
  $('batch-file').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    const text = await readFile(file);
    const inputs = firstColumn(text);
    $('batch-input').value = inputs.join('\n');
    runBatch(inputs);
    $('batch-status').textContent = `${t('batchFileRead')(file.name, inputs.length)} ${$('batch-status').textContent}`;
  });
}
