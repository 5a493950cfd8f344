// TanStack Form with icp-precheck's Standard Schema as the form's onChange validator. TanStack
// calls validators synchronously (a Promise there throws), so the module is initialised first.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from '@tanstack/react-form';
import init from 'icp-precheck';
import { createSchemas } from 'icp-precheck/integrations';
import { goodFiling } from '../../filing-sample.mjs';

const filing = createSchemas({ locale: 'en' }).filing;

// TanStack names array items with brackets: issue path ['websites', 0, 'domains', 0] is websites[0].domains[0].
const FIELDS = [
  ['entity.name', 'Entity name'],
  ['entity.certificate.number', 'Unified social credit code'],
  ['entity.responsible.mobile', 'Principal mobile'],
  ['websites[0].domains[0]', 'Website domain'],
];

function App() {
  const [submitted, setSubmitted] = useState(null);
  const form = useForm({
    defaultValues: goodFiling(),
    validators: { onChange: filing },
    onSubmit: ({ value }) => setSubmitted(value),
  });
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); form.handleSubmit(); }}>
      {FIELDS.map(([name, label]) => (
        <form.Field key={name} name={name}>
          {(field) => (
            <p>
              <label>{label} <input data-field={name} value={field.state.value ?? ''}
                onChange={(e) => field.handleChange(e.target.value)} onBlur={field.handleBlur} /></label>
              <span className="error" data-error-for={name}>
                {field.state.meta.errors.map((e) => (typeof e === 'string' ? e : e?.message)).join(' ')}
              </span>
            </p>
          )}
        </form.Field>
      ))}
      <button type="submit">Submit</button>
      {submitted && <pre id="submitted">{JSON.stringify(submitted)}</pre>}
    </form>
  );
}

init().then(() => {
  createRoot(document.getElementById('root')).render(<App />);
  window.__ready = true;
});
