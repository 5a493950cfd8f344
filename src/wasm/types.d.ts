/** Options of every check (docs/api.md). */
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

// `EntityType` is generated from the data: src/generated/types.d.ts.

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
  provinceProfiles: RuleSet;
  certificateTypes: RuleSet;
  websiteNames: RuleSet;
  /** The app-name word lists; absent from `icp-precheck/domain`. */
  appNames?: RuleSet;
  /** The app platforms and the spellings accepted for each; absent from `icp-precheck/domain`. */
  appPlatforms?: RuleSet;
  /** The authorities and categories of a USCC's first two characters; absent from `icp-precheck/domain`. */
  usccKinds?: RuleSet;
  /** The carrier and kind of line of each mobile segment; absent from `icp-precheck/domain`. */
  mobileSegments?: RuleSet;
  /** The registrar table of domain verification (MIIT approval of each, with its basis); not in 'icp-precheck/domain'. */
  registrars?: RuleSet;
  /** Registrars known to that table, shells of a family counted one by one; not in 'icp-precheck/domain'. */
  registrarCount?: number;
  /** libphonenumber's numbering plan for CN (mobiles, landlines); not in 'icp-precheck/domain'. */
  phoneMetadata?: RuleSet;
  idnaData: string;
  messageCount: number;
}

/** `reference()`: the lists of a filing form, from the baked tables (data/rules/*.toml), in data order. */
export interface Reference {
  /** Filing provinces (备案省份): ISO 3166-2:CN code, short Chinese name, English name. */
  provinces: { code: string; name: string; en: string }[];
  /** Entity types (主办单位性质): `names[0]` is canonical; `en` is as used inside messages (lower case). */
  entityTypes: { key: EntityType; names: string[]; en: string }[];
  /** Certificate types (证件类型): `personal` for a person's document; `entities`: the entity types the form offers it to. */
  certificateTypes: { key: string; names: string[]; en: string; personal: boolean; entities: EntityType[] }[];
}

export interface RecordNumberReport extends Report {
  /** e.g. `'京ICP备12345678号-1'`. */
  normalized: string | null;
  kind: 'entity' | 'website' | 'app' | 'mini_program' | 'quick_app' | 'license' | 'public_security' | null;
  /** ISO code of the issuing province, e.g. `'BJ'`. */
  province: string | null;
}

/** `uscc`, `resident_id`, `passport`, … or the Chinese name (统一社会信用代码证书, 居民身份证, …). */
export interface Certificate { type?: string; number?: string; validUntil?: string /* 'YYYY-MM-DD' | 'long-term' */ }

export interface Person {
  name?: string; certificate?: Certificate;
  mobile?: string; emergencyMobile?: string; landline?: string; email?: string;
}

export interface Entity {
  type?: EntityType; name?: string; certificate?: Certificate;
  /** 证件住所 */
  certificateAddress?: string;
  /** 通信地址 */
  address?: string;
  /** 主体负责人 */
  responsible?: Person;
  /** 法定代表人: where given, compared with the principal in the provinces that require them to be one person. */
  legalRepresentative?: string;
}

export interface Website {
  name?: string; domains?: string[]; homepage?: string;
  serviceContent?: string[]; languages?: string[]; preApprovals?: string[];
  responsible?: Person; remarks?: string;
  /**
   * The registrations of its domains, for domain verification: WHOIS or RDAP text, RDAP
   * answers, or registration objects. Each is matched to the domain it names; findings are at
   * `websites.N.registrations.M.<field>`, the holder compared with `filing.entity`.
   */
  registrations?: Array<DomainRegistration | RdapAnswer | string>;
}

/** A domain's registration, as read from WHOIS or RDAP or given by a console (docs/api.md). */
export interface DomainRegistration {
  /** Where it was read from. */
  format?: 'whois-cnnic' | 'whois-icann' | 'rdap' | 'object';
  /** As registered (A-labels or U-labels). */
  domain?: string;
  /** As WHOIS / RDAP name it (in Chinese in CNNIC's WHOIS). */
  registrar?: string;
  registrarIanaId?: number;
  /** 域名持有者 (the registrant's organisation, else name); absent when withheld. */
  holder?: string;
  holderRedacted?: boolean;
  /** When the console knows it. */
  holderCertificate?: Certificate;
  realNameVerified?: boolean;
  /** `'YYYY-MM-DD'`. */
  realNameVerifiedAt?: string;
  /** `'YYYY-MM-DD'` or RFC 3339. */
  registeredAt?: string;
  expiresAt?: string;
  /** EPP (`'clientHold'`) or RDAP (`'client hold'`) values. */
  status?: string[];
}

/** An RDAP domain answer (RFC 9083) as parsed JSON; read member by member, every type checked. */
export interface RdapAnswer {
  objectClassName?: string;
  ldhName?: string;
  unicodeName?: string;
  status?: string[];
  [member: string]: unknown;
}

export interface RegistrationOptions extends Options {
  /** The filing entity the holder must be (an individual: that person). */
  entity?: Entity;
  /** The domain being filed; a registration of another domain is reported and not checked. */
  domain?: string;
}

/** One point of domain verification: `'unknown'` when the data given does not show it. */
export type RegistrationCheck = 'passed' | 'warning' | 'failed' | 'unknown';

export interface RegistrationReport extends Report {
  /** What was read, normalised; `null` when nothing could be. */
  registration: DomainRegistration | null;
  /** Each point MIIT verifies, so a console can show what was checked and what was not. */
  checks: {
    domain: RegistrationCheck; registrar: RegistrationCheck; validity: RegistrationCheck;
    status: RegistrationCheck; realName: RegistrationCheck; holder: RegistrationCheck;
  };
}

export interface ServerReport extends Report {
  /** The address in canonical text; an IPv4-mapped address as its IPv4 address. */
  ip: string | null;
  region: 'mainland' | 'hong_kong' | 'macao' | 'taiwan' | 'other' | null;
  /** The IP data that answered, with its licence (attribution required). */
  source: { name: string; version: string; generated: string; licence: string; attribution: string } | null;
}

export interface AppPlatform {
  platform?: 'android' | 'ios' | 'harmonyos' | (string & {});
  /** Android applicationId, iOS Bundle ID, HarmonyOS bundle name. */
  packageName?: string;
  /** Android: MD5 of the signing certificate (32 hex digits, colons allowed). */
  certificateMd5?: string;
  /** iOS: SHA-1 of the certificate (40 hex digits). */
  certificateSha1?: string;
  publicKey?: string;
}

export interface App { name?: string; platforms?: AppPlatform[]; domains?: string[]; responsible?: Person }

export interface Filing { province?: string; entity?: Entity; websites?: Website[]; apps?: App[] }
