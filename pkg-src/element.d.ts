// 'icp-precheck/element' (./element.js): <icp-domain-input>, defined on import.
import type { DomainReport, EntityType } from './icp_precheck.js';

/** `detail` of the `icp-report` event. */
export interface IcpReportDetail {
  value: string;
  /** `null` while the value is empty or the check has not started. */
  report: DomainReport | null;
}

export interface IcpDomainInputEventMap extends HTMLElementEventMap {
  'icp-report': CustomEvent<IcpReportDetail>;
}

/**
 * A form-associated domain field: shows whether the domain can be filed, the filed domain and
 * the findings in the page's language; a form is not submitted while the domain would be
 * refused (errors; with `warnings-fail`, warnings too).
 *
 * Attributes: `name`, `value` (the default value), `required`, `disabled`, `readonly`,
 * `placeholder`, `province`, `entity-type`, `lang`, `warnings-fail`.
 */
export class IcpDomainInput extends HTMLElement {
  static readonly formAssociated: true;
  static readonly observedAttributes: string[];
  value: string;
  defaultValue: string;
  name: string;
  required: boolean;
  disabled: boolean;
  readOnly: boolean;
  placeholder: string;
  /** Filing province (`'北京'`, `'BJ'`, …); `''` for none. */
  province: string;
  entityType: EntityType | '';
  warningsFail: boolean;
  /** `'zh-CN'` or `'en'`, from the nearest `lang` attribute, else the document's. */
  readonly locale: 'zh-CN' | 'en';
  /** The report of the current value; `null` while it is empty or the check has not started. */
  readonly report: DomainReport | null;
  readonly type: 'icp-domain-input';
  readonly form: HTMLFormElement | null;
  readonly labels: NodeList | null;
  readonly validity: ValidityState | null;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  setCustomValidity(message: string): void;
  select(): void;
  addEventListener<K extends keyof IcpDomainInputEventMap>(type: K, listener: (this: IcpDomainInput, ev: IcpDomainInputEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof IcpDomainInputEventMap>(type: K, listener: (this: IcpDomainInput, ev: IcpDomainInputEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * Defines the element as `name` (default `'icp-domain-input'`); `false` when that name is
 * already defined (nothing is redefined) or there is no `customElements`.
 */
export function defineIcpDomainInput(name?: string): boolean;

declare global {
  interface HTMLElementTagNameMap {
    'icp-domain-input': IcpDomainInput;
  }
}
