// A console's view of the package in plain JavaScript, bundled by webpack 5: imports from
// 'icp-precheck' resolved through node_modules and pkg/package.json "exports", as after
// `npm install`.
import init, { backend, checkDomain } from 'icp-precheck';
import * as api from 'icp-precheck';
import { runSample } from '../../sample.js';

const options = { locale: 'en', province: '北京' };

function describe(report) {
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  return report.ok
    ? `files as ${report.registrableUnicode ?? report.registrable ?? '?'}`
    : errors.map((issue) => `${issue.code}: ${issue.message}`).join('; ');
}

const status = document.getElementById('status');
init().then(() => {
  const input = document.getElementById('domain');
  const answer = document.getElementById('answer');
  const update = () => { answer.value = describe(checkDomain(input.value, options)); };
  input.addEventListener('input', update);
  update();
  status.textContent = `ready (${backend()})`;
  window.__result = { backend: backend(), webAssembly: typeof WebAssembly, result: runSample(api), shown: answer.value };
}, (error) => {
  status.textContent = `failed: ${String(error)}`;
  window.__result = { error: String(error) };
});
