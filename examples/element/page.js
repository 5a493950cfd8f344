// The page's one module: registers <icp-domain-input> and records what the tests look at.
// A bundled app writes `import 'icp-precheck/element'`; this page loads pkg/ by path.
import '../../pkg/element.js';
import { schemas } from '../../pkg/integrations.js';

const form = document.getElementById('filing');
window.__submits = [];
window.__events = [];
form.addEventListener('submit', (event) => {
  event.preventDefault();
  window.__submits.push(Object.fromEntries(new FormData(form)));
});
for (const type of ['icp-report', 'input', 'change']) {
  form.addEventListener(type, (event) => {
    window.__events.push({ type, id: event.target.id, ok: event.detail && event.detail.report ? event.detail.report.ok : null });
  });
}

// Before the element's init() has finished, a schema's validate is a Promise that waits for it.
const pending = schemas.domain['~standard'].validate('0x7f.1');
window.__promisePath = pending instanceof Promise;
pending.then((result) => {
  window.__promiseResult = result;
  window.__ready = true;
  document.getElementById('out').textContent = 'ready';
});
