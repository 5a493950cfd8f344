// icp-precheck demo page. No framework, no build step: an ES module that loads ../pkg/.
// Every piece of user input and every message is inserted with textContent / DOM APIs only.

import { createVerify } from './verify.js';

// ---------------------------------------------------------------------------------------------
// Static data (labels only; the rules themselves live in the WebAssembly module)
// ---------------------------------------------------------------------------------------------

const PROVINCES = [
  ['BJ', '北京', 'Beijing'], ['TJ', '天津', 'Tianjin'], ['HE', '河北', 'Hebei'], ['SX', '山西', 'Shanxi'],
  ['NM', '内蒙古', 'Inner Mongolia'], ['LN', '辽宁', 'Liaoning'], ['JL', '吉林', 'Jilin'],
  ['HL', '黑龙江', 'Heilongjiang'], ['SH', '上海', 'Shanghai'], ['JS', '江苏', 'Jiangsu'],
  ['ZJ', '浙江', 'Zhejiang'], ['AH', '安徽', 'Anhui'], ['FJ', '福建', 'Fujian'], ['JX', '江西', 'Jiangxi'],
  ['SD', '山东', 'Shandong'], ['HA', '河南', 'Henan'], ['HB', '湖北', 'Hubei'], ['HN', '湖南', 'Hunan'],
  ['GD', '广东', 'Guangdong'], ['GX', '广西', 'Guangxi'], ['HI', '海南', 'Hainan'], ['CQ', '重庆', 'Chongqing'],
  ['SC', '四川', 'Sichuan'], ['GZ', '贵州', 'Guizhou'], ['YN', '云南', 'Yunnan'], ['XZ', '西藏', 'Tibet'],
  ['SN', '陕西', 'Shaanxi'], ['GS', '甘肃', 'Gansu'], ['QH', '青海', 'Qinghai'], ['NX', '宁夏', 'Ningxia'],
  ['XJ', '新疆', 'Xinjiang'],
];

const ENTITY_TYPES = [
  ['enterprise', '企业', 'Enterprise'], ['individual', '个人', 'Individual'],
  ['government', '政府机关', 'Government body'], ['public_institution', '事业单位', 'Public institution'],
  ['social_organization', '社会团体', 'Social organisation'],
  ['private_non_enterprise', '民办非企业单位', 'Private non-enterprise unit'],
  ['foundation', '基金会', 'Foundation'], ['law_firm', '律师执业机构', 'Law firm'],
  ['foreign_cultural_center', '外国在华文化中心', 'Foreign cultural centre in China'],
  ['mass_organization', '群众性团体组织', 'Mass organisation'],
  ['judicial_appraisal', '司法鉴定机构', 'Judicial appraisal institution'],
  ['religious', '宗教团体', 'Religious body'], ['overseas_organization', '境外机构', 'Overseas organisation'],
  ['medical_institution', '医疗机构', 'Medical institution'], ['notary', '公证机构', 'Notary office'],
  ['military', '国防机构', 'Military body'],
  ['collective_economy', '集体经济', 'Rural collective economic organisation'],
  ['arbitration', '仲裁机构', 'Arbitration commission'],
];

const PERSON_CERT_TYPES = [
  ['resident_id', '居民身份证', 'Resident identity card'],
  ['passport', '护照', 'Passport'],
  ['hk_macao_permit', '港澳居民来往内地通行证', 'Mainland travel permit (HK/Macao)'],
  ['taiwan_permit', '台湾居民来往大陆通行证', 'Mainland travel permit (Taiwan)'],
  ['hmt_residence_permit', '港澳台居民居住证', 'Residence permit (HK/Macao/Taiwan)'],
  ['foreign_permanent_resident', '外国人永久居留身份证', 'Foreign permanent resident ID card'],
];
// docs/api.md keys where the contract names one; otherwise the Chinese name (accepted by the API).
const ENTITY_CERT_TYPES = [
  ['uscc', '统一社会信用代码', 'Unified social credit code'],
  ['organization_code', '组织机构代码证', 'Organisation code certificate'],
  ['business_registration', '工商营业执照注册号（15 位）', 'Business registration number (15 digits)'],
  ['营业执照', '营业执照（个人或企业）', 'Business licence'],
  ['外国企业常驻代表机构登记证', '外国企业常驻代表机构登记证', 'Foreign enterprise representative office certificate'],
  ['事业单位法人证书', '事业单位法人证书', 'Public institution legal person certificate'],
  ['社会团体法人登记证书', '社会团体法人登记证书', 'Social organisation registration certificate'],
  ['民办非企业单位登记证书', '民办非企业单位登记证书', 'Private non-enterprise unit registration certificate'],
  ['民办学校办学许可证', '民办学校办学许可证', 'Private school licence'],
  ['基金会法人登记证书', '基金会法人登记证书', 'Foundation registration certificate'],
  ['律师事务所执业许可证', '律师事务所执业许可证', 'Law firm practice licence'],
  ['外国在华文化中心登记证', '外国在华文化中心登记证', 'Foreign cultural centre registration certificate'],
  ['部队代号', '部队代号', 'Military unit code'],
  ['军队单位对外有偿服务许可证', '军队单位对外有偿服务许可证', 'Military paid-service licence'],
  ['宗教活动场所登记证', '宗教活动场所登记证', 'Religious venue registration certificate'],
  ['司法鉴定许可证', '司法鉴定许可证', 'Judicial appraisal licence'],
  ['境外机构证件', '境外机构证件', 'Overseas organisation certificate'],
  ['医疗机构执业许可证', '医疗机构执业许可证', 'Medical institution practice licence'],
  ['公证机构执业证', '公证机构执业证', 'Notary practice certificate'],
  ['农村集体经济组织登记证', '农村集体经济组织登记证', 'Rural collective economic organisation certificate'],
  ['仲裁委员会登记证', '仲裁委员会登记证', 'Arbitration commission certificate'],
  ...PERSON_CERT_TYPES,
];

const SERVICE_CONTENT = [
  ['其他', 'Other'], ['单位门户网站', 'Organisation portal'], ['综合门户', 'General portal'],
  ['网络购物', 'Online shopping'], ['网上支付', 'Online payment'], ['网络新闻', 'Online news'],
  ['博客/个人空间', 'Blog / personal space'], ['网络广告/信息', 'Advertising / information'],
  ['网络游戏', 'Online games'], ['网络音乐', 'Online music'], ['网络影视', 'Film and video'],
  ['网络图片', 'Pictures'], ['网络软件/下载', 'Software / downloads'], ['网上求职', 'Job search'],
  ['网络教育', 'Online education'], ['网站建设', 'Web design'],
];
const LANGUAGES = [
  ['中文简体', 'Simplified Chinese'], ['中文繁体', 'Traditional Chinese'], ['英语', 'English'],
  ['日语', 'Japanese'], ['法语', 'French'], ['俄罗斯语', 'Russian'], ['西班牙语', 'Spanish'],
  ['阿拉伯语', 'Arabic'], ['维吾尔语', 'Uyghur'], ['藏语', 'Tibetan'], ['蒙古语', 'Mongolian'],
  ['朝鲜语', 'Korean'],
];
const PLATFORMS = [['android', 'Android'], ['ios', 'iOS'], ['harmonyos', 'HarmonyOS']];

// ---------------------------------------------------------------------------------------------
// UI text
// ---------------------------------------------------------------------------------------------

const TEXT = {
  'zh-CN': {
    skip: '跳到备案表单', title: 'ICP 备案预检',
    tagline: '提交备案前，在浏览器里一次看清所有问题。所有检查都在本机完成，不会上传任何数据。',
    language: '语言', province: '备案省份', loading: '正在加载校验模块…', ready: '校验模块已就绪。',
    loadError: '无法加载校验模块（WebAssembly）。请使用较新版本的 Chrome、Edge、Firefox 或 Safari 并刷新页面；如果问题仍然存在，请联系技术支持。详细信息：',
    quickTitle: '域名快速检查', quickLabel: '要检查的域名',
    quickHint: '输入或粘贴域名（也可以是网址），立即看到能否备案、备案的是哪个域名。',
    quickEntity: '主办单位性质（用于 .gov.cn 等专用域）', anyEntity: '主办单位性质：不限',
    verdictOk: '可以备案', verdictWarn: '可以备案，但请留意以下提醒', verdictError: '不能备案',
    factRegistrable: '备案的域名', factHost: '主机名', factAscii: 'A-label（ASCII）', factUnicode: 'U-label（中文）',
    factSuffix: '公共后缀', factSubdomain: '子域名', none: '—',
    error: '错误', warning: '提醒',
    filingTitle: '备案信息预检', filingHint: '按接入商备案系统的顺序填写；边输入边检查，问题显示在对应字段旁边。',
    examples: '示例：', exIndividual: '个人 · 一个网站', exEnterprise: '企业 · 网站和 App', exMistakes: '常见错误', exClear: '清空',
    summaryTitle: '检查结果', fullCheck: '按提交标准检查（含必填项）',
    summaryNone: '暂未发现问题。', summaryEmpty: '开始填写后，这里会列出所有问题。',
    summaryCounts: (e, w) => `${e} 个错误，${w} 个提醒`,
    summaryFull: '（按提交标准，含必填项）',
    apiFailed: '表单校验出错：',
    sEntity: '主办单位信息', sResponsible: '主体负责人', sWebsites: '网站', sApps: 'App',
    website: (n) => `网站 ${n}`, app: (n) => `App ${n}`, platform: (n) => `平台 ${n}`,
    addWebsite: '添加网站', removeWebsite: (n) => `删除网站 ${n}`,
    addApp: '添加 App', removeApp: (n) => `删除 App ${n}`,
    addPlatform: '添加平台', removePlatform: (n) => `删除平台 ${n}`,
    addDomain: '添加域名', removeDomain: (n) => `删除域名 ${n}`, domainN: (n) => `域名 ${n}`,
    webResponsible: '网站负责人', appResponsible: 'App 负责人',
    entityType: '主办单位性质', entityName: '主办单位名称', certType: '证件类型', certNumber: '证件号码',
    validUntil: '证件有效期至', validUntilHint: '格式 YYYY-MM-DD；长期有效填 long-term',
    certificateAddress: '证件住所', certificateAddressHint: '与证件上的地址一致',
    address: '通信地址', addressHint: '详细到门牌号',
    personName: '姓名', mobile: '手机号码', emergencyMobile: '应急联系电话', landline: '办公电话',
    landlineHint: '例如 010-62345678', email: '电子邮箱',
    siteName: '网站名称', siteNameHint: '至少 3 个汉字，与网站内容相符', domains: '网站域名',
    domainsHint: '每个域名一栏；填写主域名，例如 example.cn', homepage: '首页地址',
    serviceContent: '网站服务内容', languages: '网站语言', remarks: '备注',
    remarksHint: '个人网站请说明网站的实际内容',
    appName: 'App 名称', platformField: '平台', packageName: '包名 / Bundle ID',
    certificateMd5: '签名证书 MD5（安卓）', certificateSha1: '证书 SHA-1（iOS）', appDomains: 'App 使用的域名',
    choose: '请选择', general: '整份备案', normRegistrable: '备案域名', normAscii: 'A-label', normUnicode: 'U-label',
    batchTitle: '批量检查域名', batchHint: '每行一个域名，或打开 CSV / TXT 文件（取第一列）。', batchLabel: '域名列表',
    batchFile: '打开文件（CSV / TXT）', batchRun: '检查', batchDownload: '下载 CSV', batchCaption: '批量检查结果',
    colNo: '#', colInput: '输入', colRegistrable: '备案域名', colVerdict: '结论', colFindings: '问题',
    batchDone: (n, ok, bad) => `已检查 ${n} 个域名：${ok} 个可以备案，${bad} 个不能备案。`,
    batchEmpty: '没有可检查的域名。', batchTruncated: (n) => `表格只显示前 ${n} 行，下载的 CSV 包含全部结果。`,
    batchFileRead: (name, n) => `已读取文件“${name}”：${n} 行。`,
    csvHead: ['输入', '主机名', '备案域名', '备案域名（中文）', 'A-label', 'U-label', '公共后缀', '结论', '问题代码', '问题说明'],
    vOk: '可以备案', vWarn: '可以备案（有提醒）', vError: '不能备案',
    rulesTitle: '规则版本与来源', rulesHint: '本页面的检查依据以下数据；规则随工信部和各省管局的要求更新。',
    rule: {
      crateVersion: '校验模块版本', tldAllowlist: '可备案域名后缀（全国）', publicSuffixList: '公共后缀列表',
      provinces: '有单独规则的省份', provinceTldLists: '省管局域名后缀列表', cnZones: '.cn 专用二级域',
      specialUseNames: '特殊用途域名', entityTypes: '主办单位性质', provinceData: '省份数据',
      idnaData: '国际化域名（IDNA）数据', messageCount: '提示信息条数',
      provinceProfiles: '各省管局规则', certificateTypes: '证件类型', websiteNames: '网站名称规则',
    },
    footer: '预检结果仅供参考，以接入商和通信管理局的审核为准。',
  },
  en: {
    skip: 'Skip to the filing form', title: 'ICP filing pre-check',
    tagline: 'See every problem before you submit an ICP filing. All checks run in this browser; nothing is uploaded.',
    language: 'Language', province: 'Filing province', loading: 'Loading the checker…', ready: 'The checker is ready.',
    loadError: 'The checker (WebAssembly) could not be loaded. Use a recent Chrome, Edge, Firefox or Safari and reload the page; if it keeps failing, contact support. Details: ',
    quickTitle: 'Quick domain check', quickLabel: 'Domain to check',
    quickHint: 'Type or paste a domain (or a URL) to see at once whether it can be filed and which domain is filed.',
    quickEntity: 'Entity type (for .gov.cn and other restricted zones)', anyEntity: 'Entity type: any',
    verdictOk: 'Can be filed', verdictWarn: 'Can be filed, but note the warnings below', verdictError: 'Cannot be filed',
    factRegistrable: 'Domain that is filed', factHost: 'Host', factAscii: 'A-label (ASCII)', factUnicode: 'U-label (Unicode)',
    factSuffix: 'Public suffix', factSubdomain: 'Sub-domain', none: '—',
    error: 'Error', warning: 'Warning',
    filingTitle: 'Filing pre-check', filingHint: 'Fill in the filing as in your provider\'s console; every field is checked as you type and problems appear beside it.',
    examples: 'Examples:', exIndividual: 'Individual · one website', exEnterprise: 'Enterprise · websites and app', exMistakes: 'Typical mistakes', exClear: 'Clear',
    summaryTitle: 'Findings', fullCheck: 'Check for submission (required fields too)',
    summaryNone: 'No problems found so far.', summaryEmpty: 'Findings appear here as you fill in the form.',
    summaryCounts: (e, w) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
    summaryFull: ' (submission check, required fields included)',
    apiFailed: 'The form check failed: ',
    sEntity: 'Entity (主办单位)', sResponsible: 'Principal (主体负责人)', sWebsites: 'Websites', sApps: 'Apps',
    website: (n) => `Website ${n}`, app: (n) => `App ${n}`, platform: (n) => `Platform ${n}`,
    addWebsite: 'Add a website', removeWebsite: (n) => `Remove website ${n}`,
    addApp: 'Add an app', removeApp: (n) => `Remove app ${n}`,
    addPlatform: 'Add a platform', removePlatform: (n) => `Remove platform ${n}`,
    addDomain: 'Add a domain', removeDomain: (n) => `Remove domain ${n}`, domainN: (n) => `Domain ${n}`,
    webResponsible: 'Website principal', appResponsible: 'App principal',
    entityType: 'Entity type', entityName: 'Entity name', certType: 'Certificate type', certNumber: 'Certificate number',
    validUntil: 'Certificate valid until', validUntilHint: 'YYYY-MM-DD, or long-term',
    certificateAddress: 'Address on the certificate', certificateAddressHint: 'As printed on the certificate',
    address: 'Postal address', addressHint: 'Down to the house number',
    personName: 'Name', mobile: 'Mobile', emergencyMobile: 'Emergency mobile', landline: 'Office landline',
    landlineHint: 'e.g. 010-62345678', email: 'E-mail',
    siteName: 'Website name', siteNameHint: 'At least 3 Chinese characters, matching the content', domains: 'Domains',
    domainsHint: 'One domain per field: the registered domain, e.g. example.cn', homepage: 'Homepage URL',
    serviceContent: 'Service content', languages: 'Languages', remarks: 'Remarks',
    remarksHint: 'Individuals: describe what the site is really about',
    appName: 'App name', platformField: 'Platform', packageName: 'Package name / Bundle ID',
    certificateMd5: 'Signing certificate MD5 (Android)', certificateSha1: 'Certificate SHA-1 (iOS)', appDomains: 'Domains the app uses',
    choose: 'Choose…', general: 'Whole filing', normRegistrable: 'Filed domain', normAscii: 'A-label', normUnicode: 'U-label',
    batchTitle: 'Batch domain check', batchHint: 'One domain per line, or open a CSV / TXT file (first column).', batchLabel: 'Domains',
    batchFile: 'Open a file (CSV / TXT)', batchRun: 'Check', batchDownload: 'Download CSV', batchCaption: 'Batch results',
    colNo: '#', colInput: 'Input', colRegistrable: 'Filed domain', colVerdict: 'Verdict', colFindings: 'Findings',
    batchDone: (n, ok, bad) => `Checked ${n} domains: ${ok} can be filed, ${bad} cannot.`,
    batchEmpty: 'Nothing to check.', batchTruncated: (n) => `The table shows the first ${n} rows; the CSV download has them all.`,
    batchFileRead: (name, n) => `Read "${name}": ${n} lines.`,
    csvHead: ['input', 'host', 'registrable', 'registrable_unicode', 'a_label', 'u_label', 'suffix', 'verdict', 'codes', 'messages'],
    vOk: 'can be filed', vWarn: 'can be filed (warnings)', vError: 'cannot be filed',
    rulesTitle: 'Rule versions and sources', rulesHint: 'The checks on this page rest on these data; the rules follow MIIT and the provincial administrations.',
    rule: {
      crateVersion: 'Checker version', tldAllowlist: 'Approved suffixes (national)', publicSuffixList: 'Public Suffix List',
      provinces: 'Provinces with their own rules', provinceTldLists: 'Provincial suffix lists', cnZones: '.cn zones',
      specialUseNames: 'Special-use names', entityTypes: 'Entity types', provinceData: 'Province data',
      idnaData: 'IDNA data', messageCount: 'Messages',
      provinceProfiles: 'Provincial rules', certificateTypes: 'Certificate types', websiteNames: 'Website name rules',
    },
    footer: 'A pre-check only: the access provider and the communications administration decide.',
  },
};

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

const state = {
  locale: 'zh-CN',
  province: 'BJ',
  api: null,          // the pkg module once loaded
  filing: emptyFiling(),
  fullCheck: false,   // last form check was a submission check (partial: false)
  batch: null,        // { inputs, reports }
  firstAnswer: false,
  mobileRegions: null, // the load of mobile-regions.bin, once a province asked for it
};

const t = (key) => TEXT[state.locale][key];
const isZh = () => state.locale === 'zh-CN';

function emptyPerson() {
  return { name: '', certificate: { type: 'resident_id', number: '', validUntil: '' }, mobile: '', emergencyMobile: '', landline: '', email: '' };
}
function emptyWebsite() {
  return { name: '', domains: [''], homepage: '', serviceContent: [], languages: ['中文简体'], responsible: emptyPerson(), remarks: '' };
}
function emptyPlatform(platform = 'android') {
  return { platform, packageName: '', certificateMd5: '', certificateSha1: '' };
}
function emptyApp() {
  return { name: '', platforms: [emptyPlatform()], domains: [''], responsible: emptyPerson() };
}
function emptyFiling() {
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

const EXAMPLES = {
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

// ---------------------------------------------------------------------------------------------
// DOM helpers
// ---------------------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);

/** Creates an element; attrs go through setAttribute (never event handlers), text through textContent. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on/i.test(name) || name === 'style') throw new Error(`refusing attribute ${name}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

const idFor = (path) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

function getAt(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
function setAt(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (let i = 0; i < keys.length - 1; i += 1) {
    if (o[keys[i]] == null) o[keys[i]] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    o = o[keys[i]];
  }
  o[keys[keys.length - 1]] = value;
}

function debounce(fn, ms) {
  let timer = 0;
  const wrapped = () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  wrapped.flush = () => { clearTimeout(timer); fn(); };
  return wrapped;
}

// ---------------------------------------------------------------------------------------------
// Loading the WebAssembly module
// ---------------------------------------------------------------------------------------------

async function load() {
  const status = $('status');
  try {
    // The package entry: WebAssembly, or its JavaScript build where WebAssembly is refused
    // (iOS Lockdown Mode, some in-app browsers).
    const api = await import('../pkg/index.js');
    performance.mark('icp-imported');
    await api.default({ module_or_path: new URL('../pkg/icp_precheck_bg.wasm', import.meta.url) });
    if (typeof api.checkDomain !== 'function') throw new Error('checkDomain is missing from pkg/');
    state.api = api;
    status.dataset.state = 'ready';
    status.dataset.i18n = 'ready';
    status.textContent = t('ready');
    performance.mark('icp-ready');
    return true;
  } catch (err) {
    status.dataset.state = 'error';
    status.setAttribute('role', 'alert');
    delete status.dataset.i18n;
    status.textContent = t('loadError') + (err && err.message ? err.message : String(err));
    document.documentElement.dataset.ready = 'error';
    for (const node of document.querySelectorAll('main input, main select, main textarea, main button')) node.disabled = true;
    return false;
  }
}

function options(extra = {}) {
  return { locale: state.locale, province: state.province, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Static text, province and language
// ---------------------------------------------------------------------------------------------

function applyText() {
  document.documentElement.lang = state.locale;
  document.title = `${t('title')} · icp-precheck`;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = t(node.dataset.i18n);
    if (typeof value === 'string') node.textContent = value;
  }
  $('lang-zh').setAttribute('aria-pressed', String(isZh()));
  $('lang-en').setAttribute('aria-pressed', String(!isZh()));
  const province = $('province');
  province.replaceChildren(...PROVINCES.map(([code, zh, en]) =>
    el('option', { value: code, selected: code === state.province }, isZh() ? `${zh}（${code}）` : `${en} (${code})`)));
  const quickEntity = $('quick-entity');
  const chosen = quickEntity.value;
  quickEntity.replaceChildren(el('option', { value: '' }, t('anyEntity')),
    ...ENTITY_TYPES.map(([key, zh, en]) => el('option', { value: key, selected: key === chosen }, isZh() ? zh : en)));
}

function setLocale(locale) {
  if (locale === state.locale) return;
  state.locale = locale;
  applyText();
  renderForm();
  refreshAll();
}

function setProvince(code) {
  state.province = code;
  refreshAll();
}

function refreshAll() {
  if (!state.api) return;
  runQuick();
  validateForm.flush();
  if (state.batch) runBatch(state.batch.inputs, false);
  renderRules();
}

// ---------------------------------------------------------------------------------------------
// Shared rendering of issues and domain facts
// ---------------------------------------------------------------------------------------------

function issueItem(issue) {
  return el('li', { class: `issue sev-${issue.severity}`, 'data-code': issue.code },
    el('span', { class: 'sev' }, t(issue.severity === 'error' ? 'error' : 'warning')),
    ' ', el('span', { class: 'msg' }, issue.message),
    ' ', el('code', { class: 'code' }, issue.code));
}

function verdictOf(report) {
  if (!report.ok) return 'error';
  return report.issues.length ? 'warn' : 'ok';
}

function registrableText(report) {
  if (!report.registrable) return t('none');
  return report.registrableUnicode && report.registrableUnicode !== report.registrable
    ? `${report.registrableUnicode}（${report.registrable}）` : report.registrable;
}

// ---------------------------------------------------------------------------------------------
// Quick domain check
// ---------------------------------------------------------------------------------------------

function runQuick() {
  if (!state.api) return;
  const input = $('quick-input').value;
  const verdict = $('quick-verdict');
  const facts = $('quick-facts');
  const issues = $('quick-issues');
  const input_ = $('quick-input');
  if (input.trim() === '') {
    verdict.textContent = '';
    verdict.dataset.verdict = 'none';
    facts.replaceChildren();
    issues.replaceChildren();
    input_.removeAttribute('aria-invalid');
    return;
  }
  const entityType = $('quick-entity').value;
  const report = state.api.checkDomain(input, options(entityType ? { entityType } : {}));
  const v = verdictOf(report);
  verdict.dataset.verdict = v;
  verdict.textContent = t(v === 'ok' ? 'verdictOk' : v === 'warn' ? 'verdictWarn' : 'verdictError');
  input_.setAttribute('aria-invalid', String(!report.ok));
  const rows = [
    ['factRegistrable', registrableText(report), 'registrable'],
    ['factAscii', report.ascii, 'ascii'],
    ['factUnicode', report.unicode, 'unicode'],
    ['factSuffix', report.suffix, 'suffix'],
    ['factSubdomain', report.subdomain, 'subdomain'],
  ];
  facts.replaceChildren(...rows.flatMap(([key, value, name]) => [
    el('dt', {}, t(key)), el('dd', { 'data-fact': name }, value || t('none'))]));
  issues.replaceChildren(...report.issues.map(issueItem));
  if (!state.firstAnswer) {
    state.firstAnswer = true;
    performance.mark('icp-first-answer');
  }
}

// ---------------------------------------------------------------------------------------------
// The filing form: rendered from state.filing; every field registered by its issue path
// ---------------------------------------------------------------------------------------------

/** path -> { path, focus, msgs, label, control, norm } */
let registry = new Map();

function register(path, entry) {
  registry.set(path, { path, ...entry });
}

/** A text field (input or textarea) bound to a path of state.filing. */
function textField(path, labelKey, crumbs, opts = {}) {
  const id = idFor(path);
  const msgId = `${id}-msg`;
  const hintKey = opts.hint;
  const hintId = hintKey ? `${id}-hint` : null;
  const normId = opts.domain ? `${id}-norm` : null;
  const label = opts.labelText || t(labelKey);
  const attrs = {
    id, name: path, 'data-path': path, type: opts.type || 'text', autocomplete: 'off',
    inputmode: opts.inputmode, spellcheck: opts.spellcheck === false ? 'false' : undefined,
    autocapitalize: opts.spellcheck === false ? 'off' : undefined,
    'aria-describedby': [hintId, normId, msgId].filter(Boolean).join(' '),
    placeholder: opts.placeholder,
  };
  const control = opts.multiline ? el('textarea', { ...attrs, type: undefined, rows: 3 }) : el('input', attrs);
  control.value = getAt(state.filing, path) ?? '';
  const msgs = el('ul', { id: msgId, class: 'msgs' });
  const wrap = el('div', { class: `field${opts.domain ? ' field-domain' : ''}`, 'data-field': path },
    el('label', { for: id }, label),
    hintId ? el('p', { id: hintId, class: 'field-hint' }, t(hintKey)) : null,
    opts.row ? el('div', { class: 'row' }, control, opts.row) : control,
    normId ? el('p', { id: normId, class: 'norm' }) : null,
    msgs);
  register(path, { focus: control, msgs, control, label: [...crumbs, label].join(' › '), norm: normId ? wrap.querySelector(`#${normId}`) : null, domain: !!opts.domain });
  return wrap;
}

function selectField(path, labelKey, crumbs, choices, opts = {}) {
  const id = idFor(path);
  const msgId = `${id}-msg`;
  const value = getAt(state.filing, path) ?? '';
  const control = el('select', { id, name: path, 'data-path': path, 'aria-describedby': msgId },
    opts.noEmpty ? null : el('option', { value: '' }, t('choose')),
    ...choices.map(([key, zh, en]) => el('option', { value: key, selected: key === value }, isZh() ? zh : (en || zh))));
  control.value = value;
  const msgs = el('ul', { id: msgId, class: 'msgs' });
  const label = t(labelKey);
  register(path, { focus: control, msgs, control, label: [...crumbs, label].join(' › ') });
  return el('div', { class: 'field', 'data-field': path }, el('label', { for: id }, label), control, msgs);
}

function checkGroup(path, labelKey, crumbs, choices) {
  const id = idFor(path);
  const msgId = `${id}-msg`;
  const values = getAt(state.filing, path) || [];
  const boxes = choices.map(([value, en], i) => {
    const boxId = `${id}-${i}`;
    const box = el('input', { type: 'checkbox', id: boxId, value, 'data-group': path, checked: values.includes(value) });
    return el('span', { class: 'check' }, box, el('label', { for: boxId }, isZh() ? value : en));
  });
  const msgs = el('ul', { id: msgId, class: 'msgs' });
  const label = t(labelKey);
  const fs = el('fieldset', { class: 'field checks', id, 'aria-describedby': msgId, 'data-field': path },
    el('legend', {}, label), el('div', { class: 'check-grid' }, boxes), msgs);
  register(path, { focus: boxes[0].querySelector('input'), msgs, control: fs, label: [...crumbs, label].join(' › ') });
  return fs;
}

/** A fieldset that also takes findings addressed to the group itself (e.g. 'websites.0'). */
function group(path, legend, crumbs, children, extraClass = '') {
  const id = idFor(path || 'filing');
  const msgs = el('ul', { id: `${id}-msg`, class: 'msgs group-msgs' });
  const fs = el('fieldset', { class: `group ${extraClass}`.trim(), id: `${id}-group`, 'data-group-path': path, 'aria-describedby': `${id}-msg` },
    el('legend', {}, legend), msgs, ...children);
  register(path, { focus: null, fieldset: fs, msgs, label: [...crumbs, legend].join(' › ') });
  return fs;
}

function personFields(prefix, crumbs) {
  return [
    el('div', { class: 'grid' },
      textField(`${prefix}.name`, 'personName', crumbs),
      selectField(`${prefix}.certificate.type`, 'certType', crumbs, PERSON_CERT_TYPES),
      textField(`${prefix}.certificate.number`, 'certNumber', crumbs, { spellcheck: false }),
      textField(`${prefix}.certificate.validUntil`, 'validUntil', crumbs, { hint: 'validUntilHint', placeholder: 'YYYY-MM-DD', spellcheck: false }),
      textField(`${prefix}.mobile`, 'mobile', crumbs, { type: 'tel', inputmode: 'tel' }),
      textField(`${prefix}.emergencyMobile`, 'emergencyMobile', crumbs, { type: 'tel', inputmode: 'tel' }),
      textField(`${prefix}.landline`, 'landline', crumbs, { type: 'tel', inputmode: 'tel', hint: 'landlineHint' }),
      textField(`${prefix}.email`, 'email', crumbs, { type: 'email', inputmode: 'email', spellcheck: false })),
  ];
}

/** The domain fields of a list; `after(j)` adds something below field j (the verification). */
function domainList(prefix, labelKey, crumbs, domains, after = null) {
  const label = t(labelKey);
  const items = domains.flatMap((_, j) => {
    const path = `${prefix}.${j}`;
    const remove = domains.length > 1
      ? el('button', { type: 'button', class: 'btn btn-icon', 'data-action': 'remove-item', 'data-list': prefix, 'data-index': j, 'aria-label': t('removeDomain')(j + 1) }, '×')
      : null;
    const field = textField(path, null, [...crumbs, label], {
      labelText: t('domainN')(j + 1), domain: true, spellcheck: false, inputmode: 'url', row: remove, placeholder: 'example.cn',
    });
    return after ? [field, after(j)] : [field];
  });
  const listMsgs = el('ul', { id: `${idFor(prefix)}-msg`, class: 'msgs' });
  register(prefix, { focus: null, msgs: listMsgs, label: [...crumbs, label].join(' › '), listOf: prefix });
  return el('fieldset', { class: 'field domain-list', 'data-field': prefix, 'aria-describedby': `${idFor(prefix)}-msg ${idFor(prefix)}-hint` },
    el('legend', {}, label),
    el('p', { class: 'field-hint', id: `${idFor(prefix)}-hint` }, t('domainsHint')),
    listMsgs,
    ...items,
    el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'add-domain', 'data-list': prefix }, t('addDomain')));
}

function renderForm() {
  const form = $('filing-form');
  registry = new Map();
  const f = state.filing;
  const general = el('ul', { id: 'f-general-msg', class: 'msgs group-msgs' });
  register('', { focus: $('province'), msgs: general, label: t('general') });

  const entityCrumbs = [t('sEntity')];
  const entity = group('entity', t('sEntity'), [], [
    el('div', { class: 'grid' },
      selectField('entity.type', 'entityType', entityCrumbs, ENTITY_TYPES),
      textField('entity.name', 'entityName', entityCrumbs),
      selectField('entity.certificate.type', 'certType', entityCrumbs, ENTITY_CERT_TYPES),
      textField('entity.certificate.number', 'certNumber', entityCrumbs, { spellcheck: false }),
      textField('entity.certificate.validUntil', 'validUntil', entityCrumbs, { hint: 'validUntilHint', placeholder: 'YYYY-MM-DD', spellcheck: false })),
    textField('entity.certificateAddress', 'certificateAddress', entityCrumbs, { hint: 'certificateAddressHint' }),
    textField('entity.address', 'address', entityCrumbs, { hint: 'addressHint' }),
    group('entity.responsible', t('sResponsible'), entityCrumbs, personFields('entity.responsible', [...entityCrumbs, t('sResponsible')]), 'sub'),
  ]);

  const websites = f.websites.map((w, i) => {
    const p = `websites.${i}`;
    const title = t('website')(i + 1);
    const crumbs = [title];
    return group(p, title, [], [
      el('div', { class: 'group-tools' },
        el('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'remove-item', 'data-list': 'websites', 'data-index': i }, t('removeWebsite')(i + 1))),
      textField(`${p}.name`, 'siteName', crumbs, { hint: 'siteNameHint' }),
      domainList(`${p}.domains`, 'domains', crumbs, w.domains, (j) => verify.block(i, j, w, crumbs)),
      verify.serverField(i, w, crumbs),
      textField(`${p}.homepage`, 'homepage', crumbs, { type: 'url', inputmode: 'url', spellcheck: false, placeholder: 'https://www.example.cn/' }),
      checkGroup(`${p}.serviceContent`, 'serviceContent', crumbs, SERVICE_CONTENT),
      checkGroup(`${p}.languages`, 'languages', crumbs, LANGUAGES),
      group(`${p}.responsible`, t('webResponsible'), crumbs, personFields(`${p}.responsible`, [...crumbs, t('webResponsible')]), 'sub'),
      textField(`${p}.remarks`, 'remarks', crumbs, { multiline: true, hint: 'remarksHint' }),
    ], 'item');
  });

  const apps = f.apps.map((a, i) => {
    const p = `apps.${i}`;
    const title = t('app')(i + 1);
    const crumbs = [title];
    const platforms = a.platforms.map((_, k) => {
      const pp = `${p}.platforms.${k}`;
      const ptitle = t('platform')(k + 1);
      const pcrumbs = [...crumbs, ptitle];
      return group(pp, ptitle, crumbs, [
        a.platforms.length > 1 ? el('div', { class: 'group-tools' },
          el('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'remove-item', 'data-list': `${p}.platforms`, 'data-index': k }, t('removePlatform')(k + 1))) : null,
        el('div', { class: 'grid' },
          selectField(`${pp}.platform`, 'platformField', pcrumbs, PLATFORMS.map(([key, name]) => [key, name, name]), { noEmpty: true }),
          textField(`${pp}.packageName`, 'packageName', pcrumbs, { spellcheck: false, placeholder: 'com.example.app' }),
          textField(`${pp}.certificateMd5`, 'certificateMd5', pcrumbs, { spellcheck: false }),
          textField(`${pp}.certificateSha1`, 'certificateSha1', pcrumbs, { spellcheck: false })),
      ], 'sub');
    });
    return group(p, title, [], [
      el('div', { class: 'group-tools' },
        el('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'remove-item', 'data-list': 'apps', 'data-index': i }, t('removeApp')(i + 1))),
      textField(`${p}.name`, 'appName', crumbs),
      ...platforms,
      el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'add-platform', 'data-list': `${p}.platforms` }, t('addPlatform')),
      domainList(`${p}.domains`, 'appDomains', crumbs, a.domains),
      group(`${p}.responsible`, t('appResponsible'), crumbs, personFields(`${p}.responsible`, [...crumbs, t('appResponsible')]), 'sub'),
    ], 'item');
  });

  const websitesSection = el('section', { class: 'list', 'aria-labelledby': 'websites-h' },
    el('h3', { id: 'websites-h' }, t('sWebsites')),
    el('ul', { id: 'f-websites-msg', class: 'msgs group-msgs' }),
    ...websites,
    el('button', { type: 'button', class: 'btn', 'data-action': 'add-website' }, t('addWebsite')));
  register('websites', { focus: null, msgs: websitesSection.querySelector('#f-websites-msg'), label: t('sWebsites'), fieldset: websitesSection });
  const appsSection = el('section', { class: 'list', 'aria-labelledby': 'apps-h' },
    el('h3', { id: 'apps-h' }, t('sApps')),
    el('ul', { id: 'f-apps-msg', class: 'msgs group-msgs' }),
    ...apps,
    el('button', { type: 'button', class: 'btn', 'data-action': 'add-app' }, t('addApp')));
  register('apps', { focus: null, msgs: appsSection.querySelector('#f-apps-msg'), label: t('sApps'), fieldset: appsSection });

  form.replaceChildren(general, entity, websitesSection, appsSection);
}

// ---------------------------------------------------------------------------------------------
// Form input handling
// ---------------------------------------------------------------------------------------------

function onFormInput(event) {
  const target = event.target;
  if (target.dataset.path) {
    setAt(state.filing, target.dataset.path, target.value);
    if (target.dataset.path === 'entity.type') validateForm.flush(); else validateForm();
  } else if (target.dataset.group) {
    const path = target.dataset.group;
    const values = new Set(getAt(state.filing, path) || []);
    if (target.checked) values.add(target.value); else values.delete(target.value);
    setAt(state.filing, path, [...values]);
    validateForm();
  }
}

function onFormClick(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  const list = button.dataset.list;
  let focusPath = null;
  if (action === 'add-website') {
    state.filing.websites.push(emptyWebsite());
    focusPath = `websites.${state.filing.websites.length - 1}.name`;
  } else if (action === 'add-app') {
    state.filing.apps.push(emptyApp());
    focusPath = `apps.${state.filing.apps.length - 1}.name`;
  } else if (action === 'add-domain') {
    const arr = getAt(state.filing, list);
    arr.push('');
    focusPath = `${list}.${arr.length - 1}`;
  } else if (action === 'add-platform') {
    const arr = getAt(state.filing, list);
    arr.push(emptyPlatform(arr.some((p) => p.platform === 'android') ? 'ios' : 'android'));
    focusPath = `${list}.${arr.length - 1}.platform`;
  } else if (action === 'remove-item') {
    const arr = getAt(state.filing, list);
    const index = Number(button.dataset.index);
    verify.removing(list, index);
    arr.splice(index, 1);
    if (list.endsWith('.domains') && arr.length === 0) arr.push('');
    focusPath = arr.length ? `${list}.${Math.min(index, arr.length - 1)}` : null;
  }
  renderForm();
  validateForm.flush();
  let target = null;
  if (focusPath) {
    const entry = registry.get(focusPath);
    target = entry && (entry.focus || (entry.fieldset && entry.fieldset.querySelector('input, select, textarea')));
  }
  if (!target) {
    const section = action.includes('app') || (list && list.startsWith('apps')) ? registry.get('apps') : registry.get('websites');
    target = section && section.fieldset.querySelector('button[data-action^="add"]');
  }
  if (target) target.focus();
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** A copy of the filing without empty strings or empty lists; remembers original domain indices. */
function cleanFiling(filing) {
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

function remapPath(path, remap) {
  for (const [list, original] of remap) {
    if (path === list || !path.startsWith(`${list}.`)) continue;
    const rest = path.slice(list.length + 1);
    const m = /^(\d+)(.*)$/.exec(rest);
    if (m && original[Number(m[1])] !== undefined) return `${list}.${original[Number(m[1])]}${m[2]}`;
  }
  return path;
}

/** Where a finding goes: the field of its path, else the nearest registered ancestor. */
function entryFor(path) {
  let p = path || '';
  for (;;) {
    const entry = registry.get(p);
    if (entry) return entry;
    if (p === '') return null;
    const dot = p.lastIndexOf('.');
    p = dot < 0 ? '' : p.slice(0, dot);
  }
}

const validateForm = debounce(() => runValidation(false), 150);

// Domain verification and server IP beside each website (verify.js).
const verify = createVerify({
  el, idFor, register, options, api: () => state.api, locale: () => state.locale,
  filing: () => state.filing, revalidate: () => validateForm(),
});

function runValidation(full) {
  if (!state.api) return;
  state.fullCheck = full;
  const { value, remap } = cleanFiling(state.filing);
  value.province = state.province;
  const entityType = state.filing.entity.type || undefined;
  const opts = options({ partial: !full, ...(entityType ? { entityType } : {}) });
  let issues = [];
  const note = $('api-note');
  note.hidden = true;

  // Normalised values of every domain field (one boundary crossing).
  const domainEntries = [...registry.values()].filter((e) => e.domain);
  const domainValues = domainEntries.map((e) => e.control.value);
  const reports = domainValues.some((v) => v.trim() !== '') ? state.api.checkDomains(domainValues, opts) : [];
  domainEntries.forEach((entry, i) => {
    const report = reports[i];
    entry.norm.replaceChildren();
    if (!report || domainValues[i].trim() === '' || !report.registrable) return;
    entry.norm.append(
      el('span', { class: 'norm-item', 'data-norm': 'registrable' }, `${t('normRegistrable')}: ${registrableText(report)}`),
      el('span', { class: 'norm-item', 'data-norm': 'ascii' }, `${t('normAscii')}: ${report.ascii}`),
      el('span', { class: 'norm-item', 'data-norm': 'unicode' }, `${t('normUnicode')}: ${report.unicode}`));
  });

  // Pasted or looked-up registrations go into websites[i].registrations.
  verify.prepare(value, remap, opts);
  try {
    const report = state.api.validateFiling(value, opts);
    issues = report.issues.map((i) => ({ ...i, path: remapPath(i.path, remap) }));
    // A province that wants a local principal's mobile (Jiangsu) needs the mobile prefixes'
    // provinces, which the .wasm does not carry: fetch them the first time, then check again.
    const unchecked = report.issues.some((i) => i.code === 'mobile.province_unchecked' && i.params && i.params.reason === 'data_unavailable');
    if (unchecked && state.api.loadMobileRegions && !state.mobileRegions) {
      state.mobileRegions = state.api.loadMobileRegions().then(() => runValidation(state.fullCheck), () => {});
    }
  } catch (err) {
    // Only a trapped module throws here: say so rather than show a form without findings.
    note.hidden = false;
    note.textContent = t('apiFailed') + (err && err.message ? err.message : String(err));
  }
  showFindings([...issues, ...verify.issues()]);
}

function showFindings(issues) {
  for (const entry of registry.values()) {
    entry.msgs.replaceChildren();
    if (entry.control && entry.control.tagName !== 'FIELDSET') entry.control.removeAttribute('aria-invalid');
    if (entry.fieldset) entry.fieldset.removeAttribute('data-invalid');
  }
  const items = [];
  for (const issue of issues) {
    const entry = entryFor(issue.path);
    if (!entry) continue;
    const li = issueItem(issue);
    li.dataset.path = issue.path;
    entry.msgs.append(li);
    if (entry.control && entry.control.tagName !== 'FIELDSET') {
      if (issue.severity === 'error') entry.control.setAttribute('aria-invalid', 'true');
      else if (!entry.control.hasAttribute('aria-invalid')) entry.control.setAttribute('aria-invalid', 'false');
    }
    if (entry.control && entry.control.tagName === 'FIELDSET' && issue.severity === 'error') {
      for (const box of entry.control.querySelectorAll('input')) box.setAttribute('aria-invalid', 'true');
    }
    items.push({ issue, entry });
  }
  // Clear stale aria-invalid on checkbox groups without errors.
  for (const entry of registry.values()) {
    if (entry.control && entry.control.tagName === 'FIELDSET' && !items.some((it) => it.entry === entry && it.issue.severity === 'error')) {
      for (const box of entry.control.querySelectorAll('input')) box.removeAttribute('aria-invalid');
    }
  }
  renderSummary(items);
}

function renderSummary(items) {
  const errors = items.filter((it) => it.issue.severity === 'error');
  const warnings = items.filter((it) => it.issue.severity !== 'error');
  const live = $('summary-live');
  const list = $('summary-list');
  const anyInput = JSON.stringify(cleanFiling(state.filing).value) !== '{}';
  let text;
  if (items.length) text = t('summaryCounts')(errors.length, warnings.length);
  else text = anyInput || state.fullCheck ? t('summaryNone') : t('summaryEmpty');
  if (state.fullCheck) text += t('summaryFull');
  live.textContent = text;
  live.dataset.errors = String(errors.length);
  live.dataset.warnings = String(warnings.length);
  list.replaceChildren(...[...errors, ...warnings].map(({ issue, entry }) =>
    el('li', { class: `sev-${issue.severity}` },
      el('button', { type: 'button', class: 'summary-item', 'data-path': issue.path, 'data-code': issue.code },
        el('span', { class: 'sev' }, t(issue.severity === 'error' ? 'error' : 'warning')), ' ',
        el('span', { class: 'where' }, entry.label), ' ',
        el('span', { class: 'msg' }, issue.message)))));
}

function focusPath(path) {
  const entry = entryFor(path);
  if (!entry) return;
  const target = entry.focus || (entry.fieldset && entry.fieldset.querySelector('input, select, textarea'));
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

function loadExample(name) {
  if (name === 'clear') {
    state.filing = emptyFiling();
  } else {
    const example = EXAMPLES[name]();
    state.filing = normaliseFiling(example.filing);
    state.province = example.province;
    $('province').value = state.province;
  }
  renderForm();
  refreshAll();
  $('summary-h').scrollIntoView({ block: 'nearest' });
}

function normaliseFiling(f) {
  const fixPerson = (p) => ({ ...emptyPerson(), ...p, certificate: { ...emptyPerson().certificate, ...(p.certificate || {}) } });
  const strip = (o) => JSON.parse(JSON.stringify(o));
  return strip({
    entity: { ...emptyFiling().entity, ...f.entity, responsible: fixPerson(f.entity.responsible || {}) },
    websites: f.websites.map((w) => ({ ...emptyWebsite(), ...w, responsible: fixPerson(w.responsible || {}) })),
    apps: f.apps.map((a) => ({ ...emptyApp(), ...a, platforms: a.platforms.map((p) => ({ ...emptyPlatform(), ...p })), responsible: fixPerson(a.responsible || {}) })),
  });
}

// ---------------------------------------------------------------------------------------------
// Batch check
// ---------------------------------------------------------------------------------------------

const BATCH_TABLE_ROWS = 2000;

/** First column of CSV/TXT text; skips blank lines and a header row. */
function firstColumn(text) {
  const out = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    let cell;
    if (line.startsWith('"')) {
      let j = 1;
      cell = '';
      while (j < line.length) {
        if (line[j] === '"') {
          if (line[j + 1] === '"') { cell += '"'; j += 2; continue; }
          break;
        }
        cell += line[j];
        j += 1;
      }
    } else {
      cell = line.split(/[,\t]/)[0];
    }
    cell = cell.trim();
    if (cell === '') return;
    if (i === 0 && /^(domain|domains|域名|host|hostname|url|网址|input)$/i.test(cell)) return;
    out.push(cell);
  });
  return out;
}

function runBatch(inputs, announce = true) {
  if (!state.api) return;
  const status = $('batch-status');
  const table = $('batch-table');
  const body = table.querySelector('tbody');
  if (!inputs.length) {
    state.batch = null;
    table.hidden = true;
    body.replaceChildren();
    $('batch-download').disabled = true;
    status.textContent = t('batchEmpty');
    return;
  }
  const reports = state.api.checkDomains(inputs, options());
  state.batch = { inputs, reports };
  const rows = reports.slice(0, BATCH_TABLE_ROWS).map((r, i) => {
    const v = verdictOf(r);
    return el('tr', { 'data-verdict': v },
      el('td', { class: 'num' }, String(i + 1)),
      el('td', { class: 'cell-input', 'data-label': t('colInput') }, r.input),
      el('td', { class: 'cell-registrable', 'data-label': t('colRegistrable') }, registrableText(r)),
      el('td', { class: `cell-verdict v-${v}`, 'data-label': t('colVerdict') }, t(v === 'ok' ? 'vOk' : v === 'warn' ? 'vWarn' : 'vError')),
      el('td', { class: 'cell-findings', 'data-label': t('colFindings') }, r.issues.length ? el('ul', { class: 'issues' }, r.issues.map(issueItem)) : t('none')));
  });
  body.replaceChildren(...rows);
  table.hidden = false;
  $('batch-download').disabled = false;
  const bad = reports.filter((r) => !r.ok).length;
  let text = t('batchDone')(reports.length, reports.length - bad, bad);
  if (reports.length > BATCH_TABLE_ROWS) text += ` ${t('batchTruncated')(BATCH_TABLE_ROWS)}`;
  if (announce || status.textContent) status.textContent = text;
}

function csvCell(value) {
  let s = value == null ? '' : String(value);
  // Spreadsheets run cells starting with = + - @ as formulas: neutralise them.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function batchCsv() {
  const { reports } = state.batch;
  const lines = [t('csvHead').map(csvCell).join(',')];
  for (const r of reports) {
    const v = verdictOf(r);
    lines.push([
      r.input, r.host, r.registrable, r.registrableUnicode, r.ascii, r.unicode, r.suffix,
      t(v === 'ok' ? 'vOk' : v === 'warn' ? 'vWarn' : 'vError'),
      r.issues.map((i) => `${i.severity}:${i.code}`).join(' '),
      r.issues.map((i) => i.message).join(' | '),
    ].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function downloadCsv() {
  if (!state.batch) return;
  const blob = new Blob([batchCsv()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: 'icp-precheck-domains.csv', class: 'vh' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);   // Excel on Chinese Windows saves CSV in GBK
  }
}

// ---------------------------------------------------------------------------------------------
// Rules info
// ---------------------------------------------------------------------------------------------

function renderRules() {
  if (!state.api) return;
  const info = state.api.rulesInfo();
  const names = t('rule');
  const list = $('rules-list');
  const nodes = [];
  for (const [key, value] of Object.entries(info)) {
    const name = names[key] || key;
    let dd;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'version' in value) {
      dd = el('dd', {}, el('span', { class: 'ver' }, value.version), ' ', el('span', { class: 'src' }, value.source));
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      dd = el('dd', {}, value.join(', ') || t('none'));
    } else if (Array.isArray(value)) {
      dd = el('dd', {}, el('ul', { class: 'plain' }, value.map((v) =>
        el('li', {}, el('span', { class: 'ver' }, `${v.province || ''} ${v.version || ''}`.trim()), ' ', el('span', { class: 'src' }, v.source || '')))));
    } else {
      dd = el('dd', {}, String(value));
    }
    nodes.push(el('div', { class: 'rule', 'data-rule': key }, el('dt', {}, name), dd));
  }
  list.replaceChildren(...nodes);
}

// ---------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------

function wire() {
  $('lang-zh').addEventListener('click', () => setLocale('zh-CN'));
  $('lang-en').addEventListener('click', () => setLocale('en'));
  $('province').addEventListener('change', (e) => setProvince(e.target.value));
  $('quick-input').addEventListener('input', () => performance.mark('icp-first-input'), { once: true });
  $('quick-input').addEventListener('input', runQuick);
  $('quick-entity').addEventListener('change', runQuick);
  const form = $('filing-form');
  form.addEventListener('input', onFormInput);
  form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT' || e.target.type === 'checkbox') { onFormInput(e); } });
  form.addEventListener('click', onFormClick);
  form.addEventListener('submit', (e) => e.preventDefault());
  verify.wire(form);
  $('summary-list').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-path]');
    if (button) focusPath(button.dataset.path);
  });
  $('full-check').addEventListener('click', () => runValidation(true));
  $('ex-individual').addEventListener('click', () => loadExample('individual'));
  $('ex-enterprise').addEventListener('click', () => loadExample('enterprise'));
  $('ex-mistakes').addEventListener('click', () => loadExample('mistakes'));
  $('ex-clear').addEventListener('click', () => loadExample('clear'));
  $('batch-run').addEventListener('click', () => runBatch(firstColumn($('batch-input').value)));
  $('batch-download').addEventListener('click', downloadCsv);
  $('batch-file').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    const text = await readFile(file);
    const inputs = firstColumn(text);
    $('batch-input').value = inputs.join('\n');
    runBatch(inputs);
    $('batch-status').textContent = `${t('batchFileRead')(file.name, inputs.length)} ${$('batch-status').textContent}`;
  });
}

async function main() {
  performance.mark('icp-start');
  const preferred = (navigator.languages || [navigator.language || '']).find(Boolean) || '';
  if (/^en\b/i.test(preferred) && !/^zh/i.test(preferred)) state.locale = 'en';
  const wanted = new URLSearchParams(window.location.search).get('lang');
  if (wanted === 'en' || wanted === 'zh-CN') state.locale = wanted;
  const loading = load();   // starts fetching and compiling while the form is built
  applyText();
  wire();
  renderForm();
  performance.mark('icp-rendered');
  const ok = await loading;
  if (!ok) return;
  $('province').disabled = false;
  document.documentElement.dataset.ready = '1';
  refreshAll();
}

main();
