/** Options of every check (api.md). */
export interface Options {
  /** Language of `Issue.message`; default `'zh-CN'`. */
  locale?: 'zh-CN' | 'en';
  /** Filing province: `'BJ'`, `'CN-BJ'`, `'北京'`, `'京'` or `'11'`. */
  province?: string;
  /** Lets `checkDomain` apply the `.gov.cn` / `.edu.cn` zone rules. */
  entityType?: EntityType;
  /** `true` while a form is being filled: no `field.required` issues. */
  partial?: boolean;
  /** `'YYYY-MM-DD'`, for age and validity rules; default: the system date. */
  today?: string;
}

export type EntityType =
  | 'enterprise' | 'individual' | 'government' | 'public_institution'
  | 'social_organization' | 'private_non_enterprise' | 'foundation' | 'law_firm'
  | 'foreign_cultural_center' | 'mass_organization' | 'judicial_appraisal' | 'religious'
  | 'overseas_organization' | 'medical_institution' | 'notary' | 'military'
  | 'collective_economy' | 'arbitration'
  | (string & {});

/** One finding: a stable code, the form field it concerns, how sure we are, and why. */
export interface Issue {
  /** Stable and dotted: `'domain.ip_address'`, `'uscc.checksum'`, … */
  code: string;
  /** Form-field path into the input (`'websites.0.domains.1'`); `''` for checkDomain's own input. */
  path: string;
  /** `'error'`: the filing would be rejected; `'warning'`: it may be, or needs care. */
  severity: 'error' | 'warning';
  /** In `options.locale`. */
  message: string;
  /** What the message was built from, e.g. `{ tld: 'io' }`. */
  params?: Record<string, string | number>;
}

export interface Report {
  /** No issue has severity `'error'`. */
  ok: boolean;
  issues: Issue[];
}

export interface DomainReport extends Report {
  /** The input as given. */
  input: string;
  /** The host after stripping scheme, path, port, white space and a trailing dot. */
  host: string | null;
  /** The whole host in A-labels, lower case. */
  ascii: string | null;
  /** The whole host in U-labels. */
  unicode: string | null;
  /** The domain that is filed (eTLD+1 under the ICANN section), A-labels. */
  registrable: string | null;
  registrableUnicode: string | null;
  /** Its public suffix, A-labels (`'com.cn'`, `'xn--fiqs8s'`). */
  suffix: string | null;
  /** Last label, A-label. */
  tld: string | null;
  /** What stands left of the registrable domain, or null. */
  subdomain: string | null;
}

export interface RuleSet { version: string; source: string }

export interface RulesInfo {
  crateVersion: string;
  tldAllowlist: RuleSet;
  publicSuffixList: RuleSet;
  /** Provinces that have their own rule profile (ISO codes). */
  provinces: string[];
  provinceTldLists: { province: string; version: string; source: string }[];
  cnZones: RuleSet;
  specialUseNames: RuleSet;
  entityTypes: RuleSet;
  provinceData: RuleSet;
  idnaData: string;
  messageCount: number;
}
