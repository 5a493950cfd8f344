// 'icp-precheck/integrations' (./integrations.js): Standard Schema v1 objects and
// async-validator rules over the package's checks. README.md, "Form libraries", says how
// warnings travel.
import type { App, DomainReport, Entity, Filing, Options, RecordNumberReport, Report, Website } from './icp_precheck.js';

// ---- Standard Schema v1 (the interface of @standard-schema/spec, which asks implementers to
// copy it rather than depend on the package) ----------------------------------------------
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> { readonly value: Output; readonly issues?: undefined }
  interface FailureResult { readonly issues: ReadonlyArray<Issue> }
  interface Issue { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined }
  interface PathSegment { readonly key: PropertyKey }
  interface Types<Input = unknown, Output = Input> { readonly input: Input; readonly output: Output }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** Options of a schema: the checks' options, and whether warnings fail validation too. */
export interface SchemaOptions extends Options {
  /** `true`: warnings are failures too (in `issues`). Default `false`: they are in `warnings` only. */
  warningsFail?: boolean;
}

/**
 * One finding as a Standard Schema issue: `path` is an array of keys with numeric indices
 * (`['websites', 0, 'domains', 1]`, absent for the value itself), and the package's `code`,
 * `severity` and `params` are kept.
 */
export interface SchemaIssue extends StandardSchemaV1.Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly params?: Record<string, string | number>;
}

/** No error (nor, with `warningsFail`, warning): the value as given, its warnings and the report. */
export interface SchemaSuccess<Output, R extends Report> extends StandardSchemaV1.SuccessResult<Output> {
  readonly value: Output;
  readonly issues?: undefined;
  /** Every warning, also when validation passes. */
  readonly warnings: ReadonlyArray<SchemaIssue>;
  /** What the package's function answered (`DomainReport` for `schemas.domain`, …). */
  readonly report: R;
}

/** The errors (and, with `warningsFail`, the warnings) as `issues`; the warnings also in `warnings`. */
export interface SchemaFailure<R extends Report> extends StandardSchemaV1.FailureResult {
  readonly issues: ReadonlyArray<SchemaIssue>;
  readonly warnings: ReadonlyArray<SchemaIssue>;
  readonly report: R;
}

export type SchemaResult<Output, R extends Report = Report> = SchemaSuccess<Output, R> | SchemaFailure<R>;

export interface SchemaProps<Input, R extends Report> extends StandardSchemaV1.Props<Input, Input> {
  readonly version: 1;
  readonly vendor: 'icp-precheck';
  /**
   * Synchronous once the module is initialised (`await init()` or `initSync` of any entry);
   * before that, a Promise that starts the entry's `init()` and then validates.
   */
  readonly validate: (value: unknown) => SchemaResult<Input, R> | Promise<SchemaResult<Input, R>>;
  readonly types?: StandardSchemaV1.Types<Input, Input> | undefined;
}

export type SchemaKind = 'filing' | 'entity' | 'website' | 'app' | 'domain' | 'recordNumber';

export interface IcpSchema<Input, R extends Report = Report> extends StandardSchemaV1<Input, Input> {
  readonly '~standard': SchemaProps<Input, R>;
  readonly kind: SchemaKind;
  readonly options: Readonly<SchemaOptions>;
  /** The same schema with these options merged over its own. */
  with(options: SchemaOptions): IcpSchema<Input, R>;
}

export interface Schemas {
  filing: IcpSchema<Filing>;
  entity: IcpSchema<Entity>;
  website: IcpSchema<Website>;
  app: IcpSchema<App>;
  domain: IcpSchema<string, DomainReport>;
  recordNumber: IcpSchema<string, RecordNumberReport>;
}

/** The schemas with default options (locale zh-CN, warnings do not fail). */
export const schemas: Readonly<Schemas>;
/** The schemas with these options, e.g. `createSchemas({ locale: 'en', province: '北京' })`. */
export function createSchemas(options?: SchemaOptions): Readonly<Schemas>;

// ---- async-validator rules -------------------------------------------------------------
export interface RuleOptions extends Options {
  /** Empty values are refused (with the package's `field.required` / `domain.empty`); default: passed, left to your `required` rule. */
  required?: boolean;
  /** `'warning'`: a rule that rejects with the warnings only, marked `warningOnly` (antd shows them without blocking). Default `'error'`. */
  severity?: 'error' | 'warning';
  /** The error rule rejects on warnings too. */
  warningsFail?: boolean;
}

export interface CertificateRuleOptions extends RuleOptions {
  /** `'entity'` (default): checked as the entity's certificate (`entityType` checks the type against it); `'principal'`: as the principal's. */
  holder?: 'entity' | 'principal';
}

/** What a rule rejects with: one `Error` per finding, carrying the finding. */
export interface RuleError extends Error {
  code: string;
  severity: 'error' | 'warning';
  /** The finding's path in what the package checked (e.g. `'responsible.mobile'`, `'websites.0.domains.0'`). */
  path: string;
  params?: Record<string, string | number>;
}

/**
 * An async-validator rule (antd `Form.Item rules`, Element Plus `rules`): `validator` resolves
 * when the value passes and rejects with an array of `RuleError` otherwise.
 */
export interface Rule {
  validator(rule: unknown, value: unknown): Promise<void>;
  /** Set on warning rules (antd: shown as a warning, does not block submission). */
  warningOnly?: boolean;
}

/** The part of antd's `FormInstance` a form rule reads. */
export interface FormValues {
  getFieldsValue(all: true): unknown;
}
/** antd's rule-as-function form: called with the form instance. */
export type RuleRender = (form: FormValues) => Rule;

/** antd `form.setFields` data. */
export interface FieldData {
  name: Array<string | number>;
  errors: string[];
  warnings: string[];
}

export type FormKind = 'filing' | 'entity' | 'website' | 'app';

export interface FormRules<Values> {
  readonly kind: FormKind;
  readonly options: Readonly<SchemaOptions>;
  /**
   * antd: `<Form.Item name={name} rules={form.field(name)}>`. An error rule and a `warningOnly`
   * rule, both validating the whole form (`getFieldsValue(true)`, one check per change of the
   * values) and rejecting with the findings at `name` or below it.
   */
  field(name: string | number | Array<string | number>): [RuleRender, RuleRender];
  /** A plain rule for `name` that validates `getValues()` (Element Plus: `() => model`). */
  rule(name: string | number | Array<string | number>, getValues: () => unknown, options?: { severity?: 'error' | 'warning' }): Rule;
  /** The report of these values. Synchronous: the module must be initialised. */
  validate(values: Values | unknown): Report;
  /** Every finding as antd `setFields` data (also those at paths no field shows). */
  fields(values: Values | unknown): FieldData[];
}

export interface Rules {
  domain(options?: RuleOptions): Rule;
  certificate(type: string, options?: CertificateRuleOptions): Rule;
  mobile(options?: RuleOptions): Rule;
  email(options?: RuleOptions): Rule;
  recordNumber(options?: RuleOptions): Rule;
  form(kind: 'filing', options?: SchemaOptions): FormRules<Filing>;
  form(kind: 'entity', options?: SchemaOptions): FormRules<Entity>;
  form(kind: 'website', options?: SchemaOptions): FormRules<Website>;
  form(kind: 'app', options?: SchemaOptions): FormRules<App>;
}

export const rules: Readonly<Rules>;

/** `true` once the module is initialised (by any entry's `init()` / `initSync`). */
export function isReady(): boolean;
/** Resolves once the module is initialised, starting the entry's `init()` if needed. */
export function whenReady(): Promise<void>;
/** `'websites.0.domains.1'` → `['websites', 0, 'domains', 1]`; `''` → `undefined`. */
export function pathArray(path: string): Array<string | number> | undefined;
