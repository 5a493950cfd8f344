// Size report only: the JS stack without tr46 (UTS #46 left to the platform's URL parser).
import * as tldts from 'tldts';
import ipaddr from 'ipaddr.js';
import isIP from 'validator/es/lib/isIP.js';
import { makeJsCheck } from './js-stack.mjs';

const toASCII = (s) => {
  try {
    return new URL(`http://${s}/`).hostname;
  } catch {
    return '';
  }
};
export const jsCheck = makeJsCheck({ toASCII, tldts, ipaddr, isIP });
