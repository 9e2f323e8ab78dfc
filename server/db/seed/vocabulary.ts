// Vocabulary of the demo company: plain data, no logic. The seed (demo.ts) draws from these
// lists with its seeded generator, so changing an entry changes the demo data.
// Pinyin is only used to build plausible company e-mail addresses (example.com domains).

/** The (fictional) manufacturer whose after-sales service the demo company runs. */
export const BRAND = '安晟';

export type Named = readonly [name: string, pinyin: string];

/** Surnames, most frequent first (the seed favours the front of the list). */
export const SURNAMES: ReadonlyArray<Named> = [
  ['王', 'wang'],
  ['张', 'zhang'],
  ['李', 'li'],
  ['陈', 'chen'],
  ['刘', 'liu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['沈', 'shen'],
  ['朱', 'zhu'],
  ['吴', 'wu'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['孙', 'sun'],
  ['胡', 'hu'],
  ['钱', 'qian'],
  ['陆', 'lu'],
  ['顾', 'gu'],
  ['蒋', 'jiang'],
  ['马', 'ma'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['郑', 'zheng'],
  ['何', 'he'],
  ['郭', 'guo'],
  ['金', 'jin'],
  ['汪', 'wang'],
  ['姚', 'yao'],
  ['施', 'shi'],
  ['俞', 'yu'],
  ['许', 'xu'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['韩', 'han'],
  ['曹', 'cao'],
  ['冯', 'feng'],
  ['潘', 'pan'],
  ['袁', 'yuan'],
  ['蔡', 'cai'],
  ['叶', 'ye'],
  ['程', 'cheng'],
  ['丁', 'ding'],
  ['邵', 'shao'],
  ['戴', 'dai'],
  ['方', 'fang'],
  ['严', 'yan'],
  ['倪', 'ni'],
  ['费', 'fei'],
  ['谢', 'xie'],
  ['梁', 'liang'],
  ['任', 'ren'],
  ['范', 'fan'],
  ['魏', 'wei'],
  ['董', 'dong'],
  ['吕', 'lv'],
  ['杜', 'du'],
  ['苏', 'su'],
  ['卢', 'lu'],
  ['彭', 'peng'],
  ['褚', 'chu'],
];

/** Given names, one or two characters. */
export const GIVEN_NAMES_MALE: ReadonlyArray<Named> = [
  ['伟', 'wei'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['勇', 'yong'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['斌', 'bin'],
  ['超', 'chao'],
  ['鹏', 'peng'],
  ['峰', 'feng'],
  ['浩', 'hao'],
  ['亮', 'liang'],
  ['刚', 'gang'],
  ['辉', 'hui'],
  ['健', 'jian'],
  ['鑫', 'xin'],
  ['昊', 'hao'],
  ['建国', 'jianguo'],
  ['志强', 'zhiqiang'],
  ['海峰', 'haifeng'],
  ['晓东', 'xiaodong'],
  ['文博', 'wenbo'],
  ['国庆', 'guoqing'],
  ['俊杰', 'junjie'],
  ['宇航', 'yuhang'],
  ['子豪', 'zihao'],
  ['明辉', 'minghui'],
  ['立新', 'lixin'],
  ['永刚', 'yonggang'],
  ['振华', 'zhenhua'],
  ['家豪', 'jiahao'],
  ['浩然', 'haoran'],
  ['晨阳', 'chenyang'],
  ['思远', 'siyuan'],
  ['天宇', 'tianyu'],
  ['一鸣', 'yiming'],
  ['嘉伟', 'jiawei'],
  ['建华', 'jianhua'],
  ['卫东', 'weidong'],
  ['德明', 'deming'],
  ['庆丰', 'qingfeng'],
  ['学文', 'xuewen'],
  ['宏伟', 'hongwei'],
  ['少华', 'shaohua'],
  ['晓明', 'xiaoming'],
  ['志刚', 'zhigang'],
  ['海涛', 'haitao'],
  ['建军', 'jianjun'],
  ['国平', 'guoping'],
  ['雪松', 'xuesong'],
  ['正阳', 'zhengyang'],
  ['旭东', 'xudong'],
  ['文涛', 'wentao'],
  ['俊峰', 'junfeng'],
];

export const GIVEN_NAMES_FEMALE: ReadonlyArray<Named> = [
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['艳', 'yan'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['婷', 'ting'],
  ['雪', 'xue'],
  ['琳', 'lin'],
  ['慧', 'hui'],
  ['洁', 'jie'],
  ['颖', 'ying'],
  ['倩', 'qian'],
  ['红梅', 'hongmei'],
  ['秀英', 'xiuying'],
  ['丽娟', 'lijuan'],
  ['雅琴', 'yaqin'],
  ['晓燕', 'xiaoyan'],
  ['婉婷', 'wanting'],
  ['佳怡', 'jiayi'],
  ['思琪', 'siqi'],
  ['梦瑶', 'mengyao'],
  ['雨萱', 'yuxuan'],
  ['欣怡', 'xinyi'],
  ['美玲', 'meiling'],
  ['春华', 'chunhua'],
  ['玉兰', 'yulan'],
  ['凤英', 'fengying'],
  ['文静', 'wenjing'],
  ['晓琳', 'xiaolin'],
  ['海燕', 'haiyan'],
  ['丽华', 'lihua'],
  ['雪梅', 'xuemei'],
  ['晶晶', 'jingjing'],
  ['亚男', 'yanan'],
];

/** Mobile number prefixes (China Mobile, Unicom, Telecom). */
export const MOBILE_PREFIXES: ReadonlyArray<string> = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '158',
  '159',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
];

export type District = {
  /** Full name as written in an address, e.g. 闵行区. */
  name: string;
  /** Short name used in site names, e.g. 闵行. */
  short: string;
  latitude: number;
  longitude: number;
  /** Roads, some prefixed by the industrial park they run through. */
  roads: ReadonlyArray<string>;
};

export type City = {
  name: string;
  province: string;
  region: string;
  /** Landline area code and the first digit of local numbers. */
  areaCode: string;
  landlineLead: ReadonlyArray<string>;
  /** Prefix of special-work certificate numbers issued there. */
  certificateRegion: string;
  /** Who issues special-work (特种作业) certificates there. */
  safetyAuthority: string;
  latitude: number;
  longitude: number;
  districts: ReadonlyArray<District>;
};

export const CITIES: ReadonlyArray<City> = [
  {
    name: '上海',
    province: '上海市',
    region: '华东',
    areaCode: '021',
    landlineLead: ['5', '6'],
    certificateRegion: '31',
    safetyAuthority: '上海市应急管理局',
    latitude: 31.23,
    longitude: 121.47,
    districts: [
      {
        name: '闵行区',
        short: '闵行',
        latitude: 31.11,
        longitude: 121.38,
        roads: ['莘庄工业区申富路', '莘庄工业区春东路', '虹梅南路', '七莘路', '沪闵路', '紫竹科学园区东川路'],
      },
      {
        name: '浦东新区',
        short: '浦东',
        latitude: 31.21,
        longitude: 121.56,
        roads: ['张江高科技园区碧波路', '张江高科技园区郭守敬路', '金桥出口加工区金穗路', '川沙路', '龙阳路', '康桥工业区秀浦路'],
      },
      {
        name: '徐汇区',
        short: '徐汇',
        latitude: 31.18,
        longitude: 121.43,
        roads: ['漕河泾开发区宜山路', '漕河泾开发区桂平路', '漕宝路', '龙华中路', '田林路'],
      },
      {
        name: '长宁区',
        short: '长宁',
        latitude: 31.21,
        longitude: 121.4,
        roads: ['临空经济园区协和路', '天山路', '仙霞路', '金钟路'],
      },
      {
        name: '普陀区',
        short: '普陀',
        latitude: 31.25,
        longitude: 121.4,
        roads: ['真北路', '桃浦路', '武宁路', '金沙江路'],
      },
      {
        name: '静安区',
        short: '静安',
        latitude: 31.27,
        longitude: 121.45,
        roads: ['市北高新园区江场三路', '共和新路', '延长中路', '汶水路'],
      },
      {
        name: '杨浦区',
        short: '杨浦',
        latitude: 31.28,
        longitude: 121.52,
        roads: ['国定路', '控江路', '军工路', '长阳路'],
      },
      {
        name: '宝山区',
        short: '宝山',
        latitude: 31.33,
        longitude: 121.45,
        roads: ['宝山城市工业园区城银路', '泰和路', '长江西路', '友谊路'],
      },
    ],
  },
  {
    name: '苏州',
    province: '江苏省',
    region: '华东',
    areaCode: '0512',
    landlineLead: ['6', '5'],
    certificateRegion: '32',
    safetyAuthority: '江苏省应急管理厅',
    latitude: 31.3,
    longitude: 120.62,
    districts: [
      {
        name: '工业园区',
        short: '园区',
        latitude: 31.32,
        longitude: 120.71,
        roads: ['星湖街', '苏虹中路', '金鸡湖大道', '唯亭镇唯新路', '方洲路', '现代大道'],
      },
      {
        name: '虎丘区',
        short: '高新区',
        latitude: 31.3,
        longitude: 120.55,
        roads: ['狮山路', '长江路', '珠江路', '金山路', '科灵路', '鹿山路'],
      },
      {
        name: '吴中区',
        short: '吴中',
        latitude: 31.26,
        longitude: 120.63,
        roads: ['东吴北路', '宝带东路', '吴中大道', '塔韵路'],
      },
      {
        name: '相城区',
        short: '相城',
        latitude: 31.37,
        longitude: 120.64,
        roads: ['相城大道', '春申湖路', '澄阳路', '华元路'],
      },
      {
        name: '姑苏区',
        short: '姑苏',
        latitude: 31.31,
        longitude: 120.61,
        roads: ['人民路', '干将西路', '十全街', '三香路'],
      },
    ],
  },
  {
    name: '杭州',
    province: '浙江省',
    region: '华东',
    areaCode: '0571',
    landlineLead: ['8', '5'],
    certificateRegion: '33',
    safetyAuthority: '浙江省应急管理厅',
    latitude: 30.27,
    longitude: 120.15,
    districts: [
      {
        name: '西湖区',
        short: '西湖',
        latitude: 30.27,
        longitude: 120.12,
        roads: ['文三路', '天目山路', '古墩路', '西溪路', '教工路'],
      },
      {
        name: '拱墅区',
        short: '拱墅',
        latitude: 30.32,
        longitude: 120.14,
        roads: ['莫干山路', '湖墅南路', '登云路', '祥园路', '康桥路'],
      },
      {
        name: '上城区',
        short: '上城',
        latitude: 30.25,
        longitude: 120.18,
        roads: ['解放路', '秋涛路', '清泰街', '九环路'],
      },
      {
        name: '滨江区',
        short: '滨江',
        latitude: 30.2,
        longitude: 120.21,
        roads: ['江南大道', '滨安路', '长河路', '江虹路', '六和路'],
      },
      {
        name: '余杭区',
        short: '余杭',
        latitude: 30.28,
        longitude: 120.04,
        roads: ['文一西路', '五常大道', '良睦路', '龙舟路'],
      },
      {
        name: '萧山区',
        short: '萧山',
        latitude: 30.18,
        longitude: 120.26,
        roads: ['市心北路', '建设一路', '金城路', '鸿达路'],
      },
    ],
  },
];

/** The three service teams, one per city (same order as CITIES). */
export const TEAM_NAMES: ReadonlyArray<string> = ['上海服务一部', '苏州服务部', '杭州服务部'];

/** Residential compounds, for individual customers' homes. */
export const COMPOUNDS: ReadonlyArray<string> = [
  '阳光花园',
  '锦绣苑',
  '翠湖小区',
  '香樟园',
  '金色家园',
  '绿洲花苑',
  '滨江花园',
  '紫薇苑',
  '桂花园',
  '世纪新城',
  '御景湾',
  '东方名城',
  '春江花月',
  '枫林湾',
];

/** Company trade names (字号), with pinyin for the e-mail domain. */
export const TRADE_NAMES: ReadonlyArray<Named> = [
  ['华鑫', 'huaxin'],
  ['恒远', 'hengyuan'],
  ['永盛', 'yongsheng'],
  ['金达', 'jinda'],
  ['宏图', 'hongtu'],
  ['瑞丰', 'ruifeng'],
  ['新亚', 'xinya'],
  ['天合', 'tianhe'],
  ['博远', 'boyuan'],
  ['联创', 'lianchuang'],
  ['中晟', 'zhongsheng'],
  ['安捷', 'anjie'],
  ['德润', 'derun'],
  ['锦程', 'jincheng'],
  ['同力', 'tongli'],
  ['汇通', 'huitong'],
  ['星辰', 'xingchen'],
  ['立达', 'lida'],
  ['凯拓', 'kaituo'],
  ['振宇', 'zhenyu'],
  ['长兴', 'changxing'],
  ['海川', 'haichuan'],
  ['鼎诚', 'dingcheng'],
  ['佳禾', 'jiahe'],
  ['信达', 'xinda'],
  ['万邦', 'wanbang'],
  ['明泰', 'mingtai'],
  ['华力', 'huali'],
  ['正和', 'zhenghe'],
  ['英特', 'yingte'],
  ['盛世', 'shengshi'],
  ['协和', 'xiehe'],
  ['永和', 'yonghe'],
  ['巨丰', 'jufeng'],
  ['鸿运', 'hongyun'],
  ['精工', 'jinggong'],
  ['昌达', 'changda'],
  ['伟业', 'weiye'],
  ['晶华', 'jinghua'],
  ['沃德', 'wode'],
  ['科瑞', 'kerui'],
  ['优思', 'yousi'],
  ['宝利', 'baoli'],
  ['金桥', 'jinqiao'],
  ['利源', 'liyuan'],
  ['康达', 'kangda'],
  ['荣信', 'rongxin'],
  ['远航', 'yuanhang'],
  ['君安', 'junan'],
  ['泰和', 'taihe'],
];

export type Industry = {
  /** Industry words in the company name, e.g. 精密机械. */
  name: string;
  /** English slug for the e-mail domain. */
  slug: string;
  /** Kinds of the company's sites (the first is the main one). */
  sites: ReadonlyArray<string>;
  /** Sites named after the trade name (华鑫商务大厦) rather than the district (闵行工厂). */
  siteNamedAfterTrade?: true;
  /** Product models the company tends to buy (see PRODUCT_CATALOGUE). */
  models: ReadonlyArray<string>;
};

const FACTORY_SITES = ['工厂', '生产基地', '二号厂房', '物流仓库', '研发中心'];
const HVAC = ['AS-HP3000', 'AS-HP1500', 'AS-CH500', 'AS-CH200', 'AS-AHU8'];
const DRIVES = ['AS-VF22', 'AS-VF75', 'AS-UPS10'];

export const INDUSTRIES: ReadonlyArray<Industry> = [
  { name: '精密机械', slug: 'precision', sites: FACTORY_SITES, models: [...DRIVES, 'AS-CH200'] },
  { name: '电子科技', slug: 'electronics', sites: FACTORY_SITES, models: ['AS-CH500', 'AS-AHU8', 'AS-UPS60', 'AS-UPS10'] },
  { name: '食品', slug: 'food', sites: FACTORY_SITES, models: ['AS-CH500', 'AS-HP3000', 'AS-VF22', 'AS-AHU8'] },
  { name: '医药', slug: 'pharma', sites: FACTORY_SITES, models: ['AS-AHU8', 'AS-CH500', 'AS-UPS60'] },
  { name: '塑胶制品', slug: 'plastics', sites: FACTORY_SITES, models: ['AS-CH200', 'AS-VF22', 'AS-VF75'] },
  { name: '汽车零部件', slug: 'autoparts', sites: FACTORY_SITES, models: [...DRIVES, 'AS-CH500'] },
  { name: '纺织', slug: 'textile', sites: FACTORY_SITES, models: ['AS-AHU8', 'AS-VF22', 'AS-HP3000'] },
  { name: '新材料', slug: 'materials', sites: FACTORY_SITES, models: ['AS-CH200', 'AS-VF75', 'AS-UPS10'] },
  { name: '生物科技', slug: 'biotech', sites: FACTORY_SITES, models: ['AS-AHU8', 'AS-CH200', 'AS-UPS10'] },
  { name: '印务', slug: 'printing', sites: FACTORY_SITES, models: ['AS-AHU8', 'AS-VF22', 'AS-UPS10'] },
  { name: '包装材料', slug: 'packaging', sites: FACTORY_SITES, models: ['AS-VF22', 'AS-CH200'] },
  { name: '化工', slug: 'chemical', sites: FACTORY_SITES, models: ['AS-CH500', 'AS-VF75', 'AS-UPS60'] },
  { name: '冷链物流', slug: 'coldchain', sites: ['冷库', '配送中心', '中转仓'], models: ['AS-CH500', 'AS-CH200', 'AS-UPS10'] },
  {
    name: '物业管理',
    slug: 'property',
    sites: ['商务大厦', '商业广场', '产业园'],
    siteNamedAfterTrade: true,
    models: ['AS-HP3000', 'AS-HP1500', 'AS-AHU8', 'AS-UPS10'],
  },
  {
    name: '酒店管理',
    slug: 'hotel',
    sites: ['大酒店', '商务酒店'],
    siteNamedAfterTrade: true,
    models: ['AS-HP3000', 'AS-HP1500', 'AS-AHU8'],
  },
  { name: '半导体', slug: 'semicon', sites: FACTORY_SITES, models: ['AS-CH500', 'AS-AHU8', 'AS-UPS60'] },
  { name: '光电', slug: 'optoelec', sites: FACTORY_SITES, models: ['AS-CH200', 'AS-UPS60', 'AS-AHU8'] },
  { name: '智能装备', slug: 'equipment', sites: FACTORY_SITES, models: [...DRIVES, 'AS-UPS10'] },
  { name: '五金制品', slug: 'hardware', sites: FACTORY_SITES, models: ['AS-VF22', 'AS-VF75'] },
  { name: '医疗器械', slug: 'medtech', sites: FACTORY_SITES, models: ['AS-AHU8', 'AS-CH200', 'AS-UPS10'] },
  {
    name: '数据科技',
    slug: 'datatech',
    sites: ['数据中心', '灾备机房'],
    siteNamedAfterTrade: true,
    models: ['AS-UPS60', 'AS-UPS10', 'AS-CH500'],
  },
  { name: '实业', slug: 'industrial', sites: FACTORY_SITES, models: [...HVAC, ...DRIVES] },
  { name: '环保科技', slug: 'envtech', sites: FACTORY_SITES, models: ['AS-VF22', 'AS-VF75', 'AS-HP1500'] },
  { name: '建材', slug: 'building', sites: FACTORY_SITES, models: ['AS-VF75', 'AS-VF22'] },
  { name: '乳业', slug: 'dairy', sites: FACTORY_SITES, models: ['AS-CH500', 'AS-HP3000', 'AS-VF22'] },
  {
    name: '教育科技',
    slug: 'edutech',
    sites: ['实训中心', '培训楼'],
    siteNamedAfterTrade: true,
    models: ['AS-HP1500', 'AS-AHU8', 'AS-UPS10'],
  },
];

/** Job titles of customer contacts at companies. */
export const CONTACT_TITLES: ReadonlyArray<string> = [
  '设备部经理',
  '设备主管',
  '动力科科长',
  '厂务经理',
  '工程部经理',
  '采购经理',
  '行政主管',
  '生产经理',
  '机电工程师',
  '运维工程师',
  '总经理助理',
];

/** Occasional notes on a company customer. */
export const CUSTOMER_NOTES: ReadonlyArray<string> = [
  '年度维保合同客户，每季度巡检一次。',
  '进厂需提前一天报备人员名单，并穿戴劳保鞋。',
  '夜间及周末停产检修窗口优先安排。',
  '设备集中在地下一层机房，需物业陪同进入。',
  '付款需先开具增值税专用发票。',
  '重点客户，响应时限 4 小时。',
];

export type ProductModel = {
  model: string;
  productName: string;
  /** Prefix of the serial number, e.g. HP3K in HP3K-2023-004512. */
  serialPrefix: string;
  household: boolean;
};

export const PRODUCT_CATALOGUE: ReadonlyArray<ProductModel> = [
  { model: 'AS-HP3000', productName: '空气源热泵机组', serialPrefix: 'HP3K', household: false },
  { model: 'AS-HP1500', productName: '模块式风冷热泵机组', serialPrefix: 'HP15', household: false },
  { model: 'AS-CH500', productName: '螺杆式冷水机组', serialPrefix: 'CH5H', household: false },
  { model: 'AS-CH200', productName: '涡旋式冷水机组', serialPrefix: 'CH2H', household: false },
  { model: 'AS-AHU8', productName: '组合式空调箱', serialPrefix: 'AHU8', household: false },
  { model: 'AS-VF22', productName: '变频器 22kW', serialPrefix: 'VF22', household: false },
  { model: 'AS-VF75', productName: '变频器 75kW', serialPrefix: 'VF75', household: false },
  { model: 'AS-UPS10', productName: '不间断电源 10kVA', serialPrefix: 'UP10', household: false },
  { model: 'AS-UPS60', productName: '模块化不间断电源 60kVA', serialPrefix: 'UP60', household: false },
  { model: 'AS-HW200', productName: '家用热泵热水器', serialPrefix: 'HW2H', household: true },
  { model: 'AS-FH12', productName: '户式空气源热泵（地暖）', serialPrefix: 'FH12', household: true },
  { model: 'AS-UPS1', productName: '家用不间断电源 1kVA', serialPrefix: 'UP01', household: true },
];

/** Skills by technician position. */
export const SKILLS: Readonly<Record<'support_engineer' | 'repair_engineer' | 'installation_engineer', ReadonlyArray<string>>> =
  {
    support_engineer: ['远程诊断', '产品应用咨询', '网络配置', 'PLC编程', '楼宇自控系统', '故障数据分析', '软件升级'],
    repair_engineer: ['变频器维修', '制冷系统维修', '电气故障排查', '焊接', '压缩机维修', '电路板维修', '水泵与风机维修'],
    installation_engineer: ['设备安装', '系统调试', '管路施工', '客户培训', '电气接线', '吊装作业', '保温施工'],
  };

export const SUPERVISOR_SKILLS: ReadonlyArray<string> = ['团队管理', '现场协调', '质量检查', '客户沟通'];

export type CertificateKind = {
  name: string;
  /** 'safety' certificates are issued by the city's safety authority; 'vendor' ones by a product line. */
  issuedBy: 'safety' | { productLine: string; code: string };
  validYears: number;
};

export const CERTIFICATES = {
  electrician: { name: '低压电工作业证', issuedBy: 'safety', validYears: 6 },
  height: { name: '高处作业证', issuedBy: 'safety', validYears: 6 },
  refrigeration: { name: '制冷与空调设备运行操作证', issuedBy: 'safety', validYears: 6 },
  welding: { name: '熔化焊接与热切割作业证', issuedBy: 'safety', validYears: 6 },
  vendorHvac: {
    name: '厂商认证工程师（热泵与冷水机组）',
    issuedBy: { productLine: `${BRAND}热泵与冷水机组产品线`, code: 'HV' },
    validYears: 3,
  },
  vendorDrives: {
    name: '厂商认证工程师（变频器与电源）',
    issuedBy: { productLine: `${BRAND}驱动与电源产品线`, code: 'DR' },
    validYears: 3,
  },
} as const satisfies Record<string, CertificateKind>;
