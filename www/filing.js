// The filing model of the form: empty values, the examples, and the copy sent to the checker.

export function emptyPerson() {
  return { name: '', certificate: { type: 'resident_id', number: '', validUntil: '' }, mobile: '', emergencyMobile: '', landline: '', email: '' };
}
export function emptyWebsite() {
  return { name: '', domains: [''], homepage: '', serviceContent: [], languages: ['中文简体'], responsible: emptyPerson(), remarks: '' };
}
export function emptyPlatform(platform = 'android') {
  return { platform, packageName: '', certificateMd5: '', certificateSha1: '' };
}
export function emptyApp() {
  return { name: '', platforms: [emptyPlatform()], domains: [''], responsible: emptyPerson() };
}
export function emptyFiling() {
  return {
    entity: { type: '', name: '', certificate: { type: '', number: '', validUntil: '' }, certificateAddress: '', address: '', responsible: emptyPerson() },
    websites: [emptyWebsite()],
    apps: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Examples (valid check digits in the good ones)
// ---------------------------------------------------------------------------------------------

function person(name, type, number, mobile, extra = {}) {
  const { validUntil = '', ...rest } = extra;
  return { ...emptyPerson(), name, certificate: { type, number, validUntil }, mobile, ...rest };
}

export const EXAMPLES = {
  individual: () => ({
    province: 'ZJ',
    filing: {
      entity: {
        type: 'individual', name: '张三',
        certificate: { type: 'resident_id', number: '33010619880315051X', validUntil: '2035-06-30' },
        certificateAddress: '浙江省杭州市西湖区文三路 100 号', address: '浙江省杭州市西湖区文三路 100 号 3 幢 201 室',
        responsible: person('张三', 'resident_id', '33010619880315051X', '13812345678', { email: 'zhangsan@example.cn', emergencyMobile: '13912345670', validUntil: '2035-06-30' }),
      },
      websites: [{
        name: '张三读书笔记', domains: ['zhangsan-notes.cn'], homepage: 'https://www.zhangsan-notes.cn/',
        serviceContent: ['其他'], languages: ['中文简体'],
        responsible: person('张三', 'resident_id', '33010619880315051X', '13812345678', { email: 'zhangsan@example.cn', emergencyMobile: '13912345670', validUntil: '2035-06-30' }),
        remarks: '个人读书笔记，记录阅读心得；不含论坛、评论和经营性内容。',
      }],
      apps: [],
    },
  }),
  enterprise: () => ({
    province: 'BJ',
    filing: {
      entity: {
        type: 'enterprise', name: '北京示例科技有限公司',
        certificate: { type: 'uscc', number: '91110000600037341L', validUntil: 'long-term' },
        certificateAddress: '北京市海淀区中关村大街 1 号', address: '北京市海淀区中关村大街 1 号 8 层 801 室',
        responsible: person('李雷', 'resident_id', '360426199101010071', '13912345678', { emergencyMobile: '13712345679', landline: '010-62345678', email: 'lilei@example-tech.cn', validUntil: '2036-01-01' }),
      },
      websites: [
        {
          name: '示例科技官方网站', domains: ['example-tech.cn'], homepage: 'https://www.example-tech.cn/',
          serviceContent: ['单位门户网站'], languages: ['中文简体', '英语'],
          responsible: person('李雷', 'resident_id', '360426199101010071', '13912345678', { emergencyMobile: '13712345679', email: 'lilei@example-tech.cn', validUntil: '2036-01-01' }),
          remarks: '',
        },
        {
          name: '示例科技开发者文档', domains: ['示例科技.中国'], homepage: 'https://www.示例科技.中国/docs/',
          serviceContent: ['其他'], languages: ['中文简体'],
          responsible: person('韩梅梅', 'resident_id', '110105199205201230', '13612345678', { emergencyMobile: '13512345678', email: 'hanmeimei@example-tech.cn', validUntil: '2030-05-20' }),
          remarks: '',
        },
      ],
      apps: [{
        name: '示例科技助手',
        platforms: [
          { platform: 'android', packageName: 'cn.example_tech.assistant', certificateMd5: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', certificateSha1: '' },
          { platform: 'ios', packageName: 'cn.example-tech.assistant', certificateMd5: '', certificateSha1: '0123456789ABCDEF0123456789ABCDEF01234567' },
        ],
        domains: ['example-tech.cn'],
        responsible: person('李雷', 'resident_id', '360426199101010071', '13912345678', { emergencyMobile: '13712345679', email: 'lilei@example-tech.cn', validUntil: '2036-01-01' }),
      }],
    },
  }),
  mistakes: () => ({
    province: 'BJ',
    filing: {
      entity: {
        type: 'individual', name: '李四',
        // An individual who picked the business licence, with a wrong check digit (…341L is right).
        certificate: { type: 'uscc', number: '91110000600037341A', validUntil: '' },
        certificateAddress: '北京市市辖区朝阳区', address: '朝阳区',
        // First-generation 15-digit ID card; mobile in an unassigned segment (140); bad e-mail.
        responsible: person('李四', 'resident_id', '110105491231002', '14012345678', { emergencyMobile: '14012345678', email: 'lisi@@example', landline: '12345' }),
      },
      websites: [{
        name: '李四的博客', domains: ['192.168.1.10', 'mysite.io', 'lisi.github.io'], homepage: 'http://192.168.1.10/',
        serviceContent: ['博客/个人空间'], languages: ['英语'],
        // Born 2012-05-20: under age.
        responsible: person('李小四', 'resident_id', '110105201205201230', '13812345678', { email: 'xiaosi@example.cn' }),
        remarks: '',
      }],
      apps: [{
        name: '李四',
        platforms: [{ platform: 'android', packageName: 'lisi', certificateMd5: '0123456789ABCDEF0123456789ABCDEF01234567', certificateSha1: '' }],
        domains: ['localhost'],
        responsible: person('李四', 'resident_id', '110105491231002', '14012345678', {}),
      }],
    },
  }),
};

/** An example filing with every field of the form present. */
export function normaliseFiling(f) {
  const fixPerson = (p) => ({ ...emptyPerson(), ...p, certificate: { ...emptyPerson().certificate, ...(p.certificate || {}) } });
  const strip = (o) => JSON.parse(JSON.stringify(o));
  return strip({
    entity: { ...emptyFiling().entity, ...f.entity, responsible: fixPerson(f.entity.responsible || {}) },
    websites: f.websites.map((w) => ({ ...emptyWebsite(), ...w, responsible: fixPerson(w.responsible || {}) })),
    apps: f.apps.map((a) => ({ ...emptyApp(), ...a, platforms: a.platforms.map((p) => ({ ...emptyPlatform(), ...p })), responsible: fixPerson(a.responsible || {}) })),
  });
}

// ---------------------------------------------------------------------------------------------
// What is sent to validateFiling
// ---------------------------------------------------------------------------------------------

/** A copy of the filing without empty strings or empty lists; remembers original domain indices. */
export function cleanFiling(filing) {
  const remap = new Map();
  function clean(value, path) {
    if (typeof value === 'string') return value.trim() === '' ? undefined : value;
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) {
        const kept = [];
        const original = [];
        value.forEach((v, i) => { if (v.trim() !== '') { kept.push(v); original.push(i); } });
        if (original.some((o, i) => o !== i)) remap.set(path, original);
        return kept.length ? kept : undefined;
      }
      const out = value.map((v, i) => clean(v, `${path}.${i}`) ?? {});
      return out.length ? out : undefined;
    }
    if (value && typeof value === 'object') {
      const out = {};
      for (const [k, v] of Object.entries(value)) {
        const c = clean(v, path ? `${path}.${k}` : k);
        if (c !== undefined) out[k] = c;
      }
      return Object.keys(out).length ? out : undefined;
    }
    return value;
  }
  const value = clean(filing, '') || {};
  return { value, remap };
}

export function remapPath(path, remap) {
  for (const [list, original] of remap) {
    if (path === list || !path.startsWith(`${list}.`)) continue;
    const rest = path.slice(list.length + 1);
    const m = /^(\d+)(.*)$/.exec(rest);
    if (m && original[Number(m[1])] !== undefined) return `${list}.${original[Number(m[1])]}${m[2]}`;
  }
  return path;
}

