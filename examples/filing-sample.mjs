// A filing that passes validateFiling (the enterprise of tests/node/forms.test.mjs), shared by
// the form-library examples (react-hook-form-app, tanstack-form-app, antd-app) as their
// initial values, and the USCC mistakes their tests type.
const principal = {
  name: '张三',
  certificate: { type: 'resident_id', number: '11010519491231002X', validUntil: 'long-term' },
  mobile: '13800138000',
  emergencyMobile: '13900139000',
  email: 'zhangsan@mysite.com',
};

export function goodFiling() {
  return {
    province: '北京',
    entity: {
      type: 'enterprise',
      name: '北京某某科技有限公司',
      certificate: { type: 'uscc', number: '91110000600037341L' },
      certificateAddress: '北京市朝阳区建国路88号',
      address: '北京市朝阳区建国路88号',
      responsible: JSON.parse(JSON.stringify(principal)),
    },
    websites: [{ name: '某某科技产品展示', domains: ['mysite.com'], responsible: JSON.parse(JSON.stringify(principal)) }],
  };
}

/** Its check character is wrong (L is right): `uscc.checksum`. */
export const BAD_USCC = '91110000600037341X';
export const GOOD_USCC = '91110000600037341L';
