// antd Form with icp-precheck's async-validator rules: one rule per field kind, a warning rule
// (antd `warningOnly`: shown, never blocks), and `rules.form` for a field checked with the
// whole filing (cross-field rules).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Form, Input } from 'antd';
import init from 'icp-precheck';
import { rules } from 'icp-precheck/integrations';
import { goodFiling } from '../../filing-sample.mjs';

const en = { locale: 'en' };
const filingRules = rules.form('filing', en);

function App() {
  const [submitted, setSubmitted] = useState(null);
  return (
    <Form initialValues={goodFiling()} onFinish={(values) => setSubmitted(values)} layout="vertical">
      <Form.Item label="Entity name" name={['entity', 'name']} rules={filingRules.field(['entity', 'name'])}>
        <Input data-field="entity.name" />
      </Form.Item>
      <Form.Item label="Unified social credit code" name={['entity', 'certificate', 'number']}
        rules={[{ required: true, message: 'Required' }, rules.certificate('uscc', Object.assign({ entityType: 'enterprise' }, en))]}>
        <Input data-field="entity.certificate.number" />
      </Form.Item>
      <Form.Item label="Principal mobile" name={['entity', 'responsible', 'mobile']} rules={[rules.mobile(Object.assign({ required: true }, en))]}>
        <Input data-field="entity.responsible.mobile" />
      </Form.Item>
      <Form.Item label="Principal e-mail" name={['entity', 'responsible', 'email']} rules={[rules.email(en)]}>
        <Input data-field="entity.responsible.email" />
      </Form.Item>
      <Form.Item label="Website domain" name={['websites', 0, 'domains', 0]}
        rules={[rules.domain(Object.assign({ required: true }, en)), rules.domain(Object.assign({ severity: 'warning' }, en))]}>
        <Input data-field="websites.0.domains.0" />
      </Form.Item>
      <Button type="primary" htmlType="submit">Submit</Button>
      {submitted && <pre id="submitted">{JSON.stringify(submitted)}</pre>}
    </Form>
  );
}

init().then(() => {
  createRoot(document.getElementById('root')).render(<App />);
  window.__ready = true;
});
