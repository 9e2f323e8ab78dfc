import type { Category } from '../../core/work-orders.ts';

// What customers of the demo company report, by product family: realistic fault descriptions
// for the products of the demo seed (server/db/seed/vocabulary.ts PRODUCT_CATALOGUE), plus the
// details an agent writes down. Placeholders: {code} an alarm code, {n} a small number,
// {temp} a temperature, {amp} a current.

export type Family = 'heat_pump' | 'chiller' | 'air_handler' | 'drive' | 'ups';

/** The family of a demo product model, and the short name people use for it. */
export function familyOf(model: string): { family: Family; short: string } {
  if (model.startsWith('AS-HP') || model === 'AS-FH12' || model === 'AS-HW200') return { family: 'heat_pump', short: '热泵机组' };
  if (model.startsWith('AS-CH')) return { family: 'chiller', short: '冷水机组' };
  if (model.startsWith('AS-AHU')) return { family: 'air_handler', short: '空调箱' };
  if (model.startsWith('AS-VF')) return { family: 'drive', short: '变频器' };
  return { family: 'ups', short: 'UPS' };
}

/** About fifty faults, each with the families it occurs on. */
export const FAULTS: ReadonlyArray<{ fault: string; families: ReadonlyArray<Family> }> = [
  { fault: '压缩机不启动', families: ['heat_pump', 'chiller'] },
  { fault: '运行异响', families: ['heat_pump', 'chiller', 'air_handler'] },
  { fault: '制热效果差', families: ['heat_pump'] },
  { fault: '化霜不彻底，翅片结冰', families: ['heat_pump'] },
  { fault: '报警代码 E04，高压保护', families: ['heat_pump', 'chiller'] },
  { fault: '低压保护频繁停机', families: ['heat_pump', 'chiller'] },
  { fault: '水流开关报警', families: ['heat_pump', 'chiller'] },
  { fault: '出水温度达不到设定值', families: ['heat_pump', 'chiller'] },
  { fault: '四通阀换向失败', families: ['heat_pump'] },
  { fault: '风机不转', families: ['heat_pump', 'air_handler'] },
  { fault: '线控器黑屏', families: ['heat_pump', 'chiller'] },
  { fault: '水泵漏水', families: ['heat_pump', 'chiller'] },
  { fault: '制冷效果差', families: ['chiller', 'heat_pump', 'air_handler'] },
  { fault: '高压报警停机', families: ['chiller'] },
  { fault: '冷凝器结垢，冷凝压力偏高', families: ['chiller'] },
  { fault: '冷媒泄漏', families: ['chiller', 'heat_pump'] },
  { fault: '油位低报警', families: ['chiller'] },
  { fault: '蒸发器冻结保护', families: ['chiller'] },
  { fault: '冷冻水出水温度波动大', families: ['chiller'] },
  { fault: '压缩机过热', families: ['chiller', 'heat_pump'] },
  { fault: '启动柜接触器烧蚀', families: ['chiller'] },
  { fault: '运行电流过大', families: ['chiller', 'drive'] },
  { fault: '风机异响', families: ['air_handler'] },
  { fault: '皮带打滑断裂', families: ['air_handler'] },
  { fault: '过滤网压差报警', families: ['air_handler'] },
  { fault: '冷凝水盘漏水', families: ['air_handler'] },
  { fault: '送风温度不稳定', families: ['air_handler'] },
  { fault: '加湿器不工作', families: ['air_handler'] },
  { fault: '风阀执行器卡死', families: ['air_handler'] },
  { fault: '表冷器结露滴水', families: ['air_handler'] },
  { fault: '过流报警 OC1', families: ['drive'] },
  { fault: '过压报警 OU2', families: ['drive'] },
  { fault: '欠压故障', families: ['drive'] },
  { fault: '通讯故障，Modbus 掉线', families: ['drive', 'chiller'] },
  { fault: '散热风扇不转', families: ['drive', 'ups'] },
  { fault: '上电无显示', families: ['drive', 'ups'] },
  { fault: '电机运行抖动', families: ['drive'] },
  { fault: '接地故障报警', families: ['drive'] },
  { fault: '参数丢失', families: ['drive'] },
  { fault: '模块过热 OH 报警', families: ['drive'] },
  { fault: '启动即跳闸', families: ['drive', 'chiller'] },
  { fault: '电池放电时间短', families: ['ups'] },
  { fault: '市电正常但转电池模式', families: ['ups'] },
  { fault: '旁路报警', families: ['ups'] },
  { fault: '蓄电池鼓包', families: ['ups'] },
  { fault: '输出过载报警', families: ['ups'] },
  { fault: '风扇异响', families: ['ups'] },
  { fault: '通讯卡无法联网', families: ['ups', 'drive'] },
  { fault: '整流器故障', families: ['ups'] },
  { fault: '频繁切换旁路', families: ['ups'] },
  { fault: '设备漏水', families: ['heat_pump', 'chiller', 'air_handler'] },
  { fault: '控制面板报警代码 {code}', families: ['heat_pump', 'chiller', 'air_handler', 'drive', 'ups'] },
];

export const WHEN = ['今天上午', '昨天夜班期间', '从上周开始', '近三天', '今早开机后', '夜间', '昨天下午三点左右', '周末停机后重新开机时', '刚才'];
export const PLACES = ['一号机房', '二号机房', '屋顶平台', '地下室冷站', '三楼空调机房', '配电房', '车间东侧', '数据中心 B 区', '冷库门口', '设备层'];
export const DETAILS = [
  '现场测得出水温度 {temp}℃',
  '面板显示报警代码 {code}',
  '复位后运行约 {n} 分钟再次报警',
  '已断电重启，故障依旧',
  '伴有焦糊味',
  '机组振动明显',
  '客户反映噪音比平时大很多',
  '已影响生产线正常运行',
  '机房温度偏高，约 {temp}℃',
  '运行电流约 {amp}A，明显偏大',
  '用户已自行清洗过滤网，无改善',
  '该设备去年做过大修',
  '同一位置上月出现过类似情况',
  '夜间无人值守，报警未及时处理',
  '现场有积水',
  '对应回路空开跳闸',
];
export const REQUESTS = ['请尽快安排工程师上门。', '希望先远程指导排查。', '请今天内联系现场负责人。', '需要出具维修报告。', '请确认是否在保修期内。', ''];

/** Titles of the orders that are not fault repairs, by category. */
export const SERVICE_TITLES: Readonly<Record<Exclude<Category, 'fault_repair'>, ReadonlyArray<string>>> = {
  maintenance: ['年度保养', '季度巡检', '更换过滤网', '清洗冷凝器', '更换蓄电池', '预防性维护'],
  installation: ['新机安装', '移机安装', '增加模块安装'],
  commissioning: ['开机调试', '系统联调', '参数整定'],
  consultation: ['运行参数咨询', '节能运行建议', '报警代码含义咨询', '保修期限咨询', '配件价格咨询'],
  complaint: ['工程师上门迟到', '维修后故障复发', '服务态度投诉', '维修费用异议'],
  other: ['索取维修报告', '发票问题', '操作培训需求'],
};

export const SOLUTIONS = ['更换压力传感器', '补充冷媒并检漏', '清洗冷凝器翅片', '更换接触器', '重新设置参数', '更换散热风扇', '更换蓄电池组', '紧固接线端子', '更换皮带', '升级控制程序'];
export const CANCEL_REASONS = ['客户已自行解决', '重复报修', '客户取消服务', '非本公司设备'];

/** Chinese fragments of two to four characters people search the description for: common ones and rare ones. */
export const QUERY_FRAGMENTS = ['压缩机', '异响', '漏水', '报警', '通讯', '制冷效果', '过滤网', '电池', '风机', '高压', '结冰', '冷凝器', '过流', '旁路', '鼓包', '跳闸', '焦糊味', '积水'];
