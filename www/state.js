// The page's shared state, the current locale's text and the options passed to every check.

import { TEXT } from './text.js';
import { emptyFiling } from './filing.js';

export const state = {
  locale: 'zh-CN',
  province: 'BJ',
  api: null,          // the pkg module once loaded
  filing: emptyFiling(),
  fullCheck: false,   // last form check was a submission check (partial: false)
  batch: null,        // { inputs, reports }
  firstAnswer: false,
  mobileRegions: null, // the load of mobile-regions.bin, once a province asked for it
};

export const t = (key) => TEXT[state.locale][key];
export const isZh = () => state.locale === 'zh-CN';

/** Options of every check: the page's locale and province, plus `extra`. */
export function options(extra = {}) {
  return { locale: state.locale, province: state.province, ...extra };
}
