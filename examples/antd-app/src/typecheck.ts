// `tsc --noEmit -p examples/antd-app` (scripts/test-integrations.sh): icp-precheck's rules are
// antd `Form.Item` rules by antd's own types (icp-precheck's .d.ts are checked strictly in
// examples/react-hook-form-app; here antd's are skipped).
import type { FormInstance, FormItemProps } from 'antd';
import { rules } from 'icp-precheck/integrations';

type AntdRules = NonNullable<FormItemProps['rules']>;
const filingRules = rules.form('filing', { locale: 'en' });
export const itemRules: AntdRules = [
  { required: true },
  rules.domain({ required: true }),
  rules.domain({ severity: 'warning' }),
  rules.certificate('uscc', { entityType: 'enterprise' }),
  rules.mobile(), rules.email(), rules.recordNumber(),
  ...filingRules.field(['entity', 'name']),
];
export function setAll(form: FormInstance): void {
  form.setFields(filingRules.fields(form.getFieldsValue(true)));
}
