// The inputs every example runs, so the tests can compare answers across environments
// (WebAssembly vs the JavaScript build, page vs worker vs bundle vs Node).
export const DOMAINS = [
  'https://www.例子。中国/about', 'example.com', 'www.baidu.com', '192.168.0.1', '0x7f.1',
  'github.io', 'me.github.io', 'com.cn', 'localhost', 'xn--fiqs8s', 'a.b.gov.cn', 'ｗｗｗ．ｅｘａｍｐｌｅ．ｃｎ',
  'foo.io', '', 'a..b', '-bad-.com', 'xn--zz.com', 'ab--cd.com', `${'a'.repeat(64)}.com`,
];
export const RECORD_NUMBERS = ['京ICP备12345678号-1', '沪ICP证123456号', '京公网安备11010502030143号', 'ICP 123', ''];
export const FILING = {
  province: '北京',
  entity: {
    type: 'enterprise', name: '北京示例科技有限公司',
    certificate: { type: 'uscc', number: '91110000802100433B' },
    responsible: { name: '张三', certificate: { type: 'resident_id', number: '11010519491231002X' }, mobile: '13800138000', email: 'a@b' },
  },
  websites: [{ name: '示例', domains: ['example.com', '1.2.3.4'] }],
  apps: [{ name: 'App', platforms: [{ platform: 'android', packageName: 'com.example.app', certificateMd5: 'xyz' }] }],
};
export const OPTIONS = { locale: 'en', today: '2025-06-01' };

/** Runs the sample through an initialised module namespace; a plain JSON-able object. */
export function runSample(api) {
  return {
    domains: api.checkDomains(DOMAINS, OPTIONS),
    one: api.checkDomain(DOMAINS[0], { province: '北京' , today: '2025-06-01' }),
    records: RECORD_NUMBERS.map((n) => api.parseRecordNumber(n, OPTIONS)),
    filing: api.validateFiling(FILING, OPTIONS),
    wrongTypes: api.validateFiling({ entity: 42, websites: 'x', apps: [null] }, OPTIONS),
    rulesVersion: api.rulesInfo().crateVersion,
  };
}
