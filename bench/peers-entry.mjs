// Browser bundle of the JavaScript peers (built by bench/build-peers.mjs into bench/out/peers.js):
// tldts, ipaddr.js, validator's isIP, tr46's UTS #46 ToASCII, and the combination of
// bench/js-stack.mjs over them. Also the bundle whose size bench/size.mjs reports.
import * as tldts from 'tldts';
import ipaddr from 'ipaddr.js';
import isIP from 'validator/es/lib/isIP.js';
import { toASCII as tr46ToASCII } from 'tr46';
import { makeJsCheck } from './js-stack.mjs';

// The URL Standard's "domain to ASCII" flags (beStrict = false), as node:url's domainToASCII.
export const toASCII = (s) => tr46ToASCII(s, { checkBidi: true, checkHyphens: false, checkJoiners: true, useSTD3ASCIIRules: false, verifyDNSLength: false, processingOption: 'nontransitional' }) ?? '';
export const jsCheck = makeJsCheck({ toASCII, tldts, ipaddr, isIP });
export const tldtsParse = tldts.parse;

// The same combination with the browser's own URL parser for UTS #46 instead of tr46 (what a
// page that does not need tr46's exact flags might do): smaller download, native speed.
const urlToASCII = (s) => {
  try {
    return new URL(`http://${s}/`).hostname;
  } catch {
    return '';
  }
};
export const jsCheckUrl = makeJsCheck({ toASCII: urlToASCII, tldts, ipaddr, isIP });
