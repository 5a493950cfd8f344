// react-hook-form with icp-precheck's Standard Schema (@hookform/resolvers/standard-schema).
// No `await init()` here on purpose: before the module is initialised the schema's validate
// returns a Promise that starts it, which the resolver awaits.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { get, useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { createSchemas, isReady } from 'icp-precheck/integrations';
import { goodFiling } from '../../filing-sample.mjs';

const filing = createSchemas({ locale: 'en' }).filing;

const FIELDS = [
  ['entity.name', 'Entity name'],
  ['entity.certificate.number', 'Unified social credit code'],
  ['entity.responsible.mobile', 'Principal mobile'],
  ['websites.0.domains.0', 'Website domain'],
];

function App() {
  const { register, handleSubmit, watch, formState: { errors } } = useForm({
    mode: 'onChange',
    defaultValues: goodFiling(),
    resolver: standardSchemaResolver(filing),
  });
  const [submitted, setSubmitted] = useState(null);
  // Warnings do not fail validation: they ride on the result as `warnings`.
  const values = watch();
  const result = isReady() ? filing['~standard'].validate(values) : null;
  const warnings = result && !(result instanceof Promise) ? result.warnings : [];
  return (
    <form onSubmit={handleSubmit((data) => setSubmitted(data))} noValidate>
      {FIELDS.map(([name, label]) => (
        <p key={name}>
          <label>{label} <input {...register(name)} data-field={name} /></label>
          <span className="error" data-error-for={name}>{get(errors, name)?.message}</span>
        </p>
      ))}
      <ul id="warnings">{warnings.map((w, i) => <li key={i} data-path={w.path.join('.')}>{w.message}</li>)}</ul>
      <button type="submit">Submit</button>
      {submitted && <pre id="submitted">{JSON.stringify(submitted)}</pre>}
    </form>
  );
}

createRoot(document.getElementById('root')).render(<App />);
window.__ready = true;
