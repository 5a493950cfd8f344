// `tsc --noEmit -p examples/react-hook-form-app` (scripts/test-integrations.sh): icp-precheck's
// schemas are Standard Schema v1 by @standard-schema/spec's own types, react-hook-form's
// resolver takes them with the right form values, and the rules and the element are typed.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { Resolver } from 'react-hook-form';
import type { DomainReport, Entity, Filing, RecordNumberReport, App, Website } from 'icp-precheck';
import { createSchemas, rules, schemas, type SchemaIssue } from 'icp-precheck/integrations';
import { defineIcpDomainInput, IcpDomainInput } from 'icp-precheck/element';

// Each schema is a StandardSchemaV1 of its input, by the spec package's types.
const filing: StandardSchemaV1<Filing> = schemas.filing;
const entity: StandardSchemaV1<Entity> = schemas.entity;
const website: StandardSchemaV1<Website> = schemas.website;
const app: StandardSchemaV1<App> = schemas.app;
const domain: StandardSchemaV1<string> = schemas.domain;
const recordNumber: StandardSchemaV1<string> = schemas.recordNumber;
const en: StandardSchemaV1<Filing> = createSchemas({ locale: 'en', province: '北京' }).filing.with({ warningsFail: true });
export const all = [filing, entity, website, app, domain, recordNumber, en];

// Inference through the spec's helpers.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inputIsFiling: Same<StandardSchemaV1.InferInput<typeof schemas.filing>, Filing> = true;
const outputIsString: Same<StandardSchemaV1.InferOutput<typeof schemas.domain>, string> = true;
export const inferred = [inputIsFiling, outputIsString];

// Results: the extra members are typed.
export async function results(): Promise<string[]> {
  const out: string[] = [];
  const r = await schemas.domain['~standard'].validate('0x7f.1');
  if (r.issues) {
    const first: SchemaIssue = r.issues[0];
    const path: ReadonlyArray<string | number> | undefined = first.path;
    const severity: 'error' | 'warning' = first.severity;
    out.push(first.code, severity, String(path), first.message);
  } else {
    const value: string = r.value;
    const report: DomainReport = r.report;
    out.push(value, report.registrable ?? '');
  }
  const n = await schemas.recordNumber['~standard'].validate('京ICP备12345678号-1');
  const report: RecordNumberReport = n.report;
  out.push(report.normalized ?? '', ...n.warnings.map((w) => w.message));
  return out;
}

// react-hook-form: the resolver's form values are the filing.
export const resolver: Resolver<Filing> = standardSchemaResolver(schemas.filing);

// async-validator rules.
export const fieldRules = [
  rules.domain({ locale: 'en', required: true }),
  rules.domain({ severity: 'warning' }),
  rules.certificate('uscc', { entityType: 'enterprise' }),
  rules.certificate('resident_id', { holder: 'principal', province: '北京' }),
  rules.mobile(), rules.email(), rules.recordNumber(),
];
const form = rules.form('filing', { locale: 'en' });
export const antdRules = form.field(['entity', 'certificate', 'number']);
export const plainRule = form.rule('websites.0.domains.0', () => ({ websites: [{ domains: ['x'] }] }));
export const setFields = form.fields({}).map((f) => [f.name.join('.'), ...f.errors, ...f.warnings]);

// The element.
defineIcpDomainInput();
const input: IcpDomainInput = document.createElement('icp-domain-input');
input.province = '北京';
input.addEventListener('icp-report', (event) => {
  const ok: boolean | undefined = event.detail.report?.ok;
  const value: string = event.detail.value;
  console.log(ok, value, input.report?.registrableUnicode, input.validity?.valid, input.form?.id);
});
