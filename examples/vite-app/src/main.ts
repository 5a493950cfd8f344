// A console's view of the package: typed imports from 'icp-precheck' (resolved through
// node_modules and pkg/package.json "exports", as after `npm install`), bundled by Vite.
import init, { backend, checkDomain, type DomainReport, type Issue, type Options } from 'icp-precheck';
import * as api from 'icp-precheck';
import { runSample } from '../../sample.js';

const options: Options = { locale: 'en', province: '北京' };

function describe(report: DomainReport): string {
  const errors: Issue[] = report.issues.filter((issue) => issue.severity === 'error');
  return report.ok
    ? `files as ${report.registrableUnicode ?? report.registrable ?? '?'}`
    : errors.map((issue) => `${issue.code}: ${issue.message}`).join('; ');
}

declare global {
  interface Window { __result?: unknown }
}

const status = document.getElementById('status') as HTMLParagraphElement;
init().then(() => {
  const input = document.getElementById('domain') as HTMLInputElement;
  const answer = document.getElementById('answer') as HTMLOutputElement;
  const update = () => { answer.value = describe(checkDomain(input.value, options)); };
  input.addEventListener('input', update);
  update();
  status.textContent = `ready (${backend()})`;
  window.__result = { backend: backend(), webAssembly: typeof WebAssembly, result: runSample(api), shown: answer.value };
}, (error: unknown) => {
  status.textContent = `failed: ${String(error)}`;
  window.__result = { error: String(error) };
});
