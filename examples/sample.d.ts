// Types of sample.js for the TypeScript example.
import type * as Api from '../pkg/index.js';
export const DOMAINS: string[];
export const RECORD_NUMBERS: string[];
export const FILING: Api.Filing;
export const OPTIONS: Api.Options;
export function runSample(api: typeof Api): {
  domains: Api.DomainReport[];
  one: Api.DomainReport;
  records: Api.RecordNumberReport[];
  filing: Api.Report;
  wrongTypes: Api.Report;
  rulesVersion: string;
};
