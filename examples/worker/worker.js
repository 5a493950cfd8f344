// Module worker: the same package entry as a page; `?nowasm` deletes WebAssembly first, as
// iOS Lockdown Mode leaves a worker.
import { runSample } from '../sample.js';

if (new URL(self.location.href).searchParams.has('nowasm')) delete self.WebAssembly;

self.onmessage = async () => {
  try {
    const api = await import('../../pkg/index.js');
    await api.default();
    self.postMessage({ backend: api.backend(), webAssembly: typeof WebAssembly, result: runSample(api) });
  } catch (error) {
    self.postMessage({ error: String(error && error.stack || error) });
  }
};
