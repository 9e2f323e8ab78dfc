import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

// The demo company's fault codes (P4.4.2): what a heat-pump and HVAC service team codes its
// reports with. Idempotent: codes already present are left as they are.

type Code = [code: string, category: string, nameZh: string, nameEn: string];

export const DEMO_FAULT_CODES: readonly Code[] = [
  ['E-CAP-01', 'electrical', '启动电容失效', 'Start capacitor failed'],
  ['E-CON-02', 'electrical', '交流接触器触点烧蚀', 'Contactor contacts burnt'],
  ['E-PWR-03', 'electrical', '电源缺相', 'Supply phase missing'],
  ['E-INS-04', 'electrical', '电机绝缘下降', 'Motor insulation degraded'],
  ['E-FUS-05', 'electrical', '熔断器熔断', 'Fuse blown'],
  ['R-LEAK-01', 'refrigeration', '制冷剂泄漏', 'Refrigerant leak'],
  ['R-COMP-02', 'refrigeration', '压缩机卡缸', 'Compressor seized'],
  ['R-EXV-03', 'refrigeration', '电子膨胀阀故障', 'Electronic expansion valve fault'],
  ['R-HP-04', 'refrigeration', '高压保护', 'High-pressure trip'],
  ['R-LP-05', 'refrigeration', '低压保护', 'Low-pressure trip'],
  ['M-FAN-01', 'mechanical', '风机轴承磨损', 'Fan bearing worn'],
  ['M-PUMP-02', 'mechanical', '水泵机械密封漏水', 'Pump mechanical seal leaking'],
  ['M-VIB-03', 'mechanical', '机组异常振动', 'Abnormal vibration'],
  ['M-BELT-04', 'mechanical', '传动皮带断裂', 'Drive belt broken'],
  ['C-SEN-01', 'control', '温度传感器开路', 'Temperature sensor open circuit'],
  ['C-PCB-02', 'control', '主控板故障', 'Main control board failed'],
  ['C-COM-03', 'control', '通讯故障', 'Communication fault'],
  ['C-FW-04', 'control', '固件参数错误', 'Firmware parameter error'],
  ['I-PIPE-01', 'installation', '管路安装不当', 'Piping installed incorrectly'],
  ['I-WIRE-02', 'installation', '接线错误', 'Wiring error'],
  ['I-LEVEL-03', 'installation', '机组安装不水平', 'Unit not level'],
  ['I-DRAIN-04', 'installation', '排水坡度不足', 'Insufficient drain slope'],
  ['U-FILT-01', 'usage', '过滤网堵塞', 'Filter clogged'],
  ['U-SET-02', 'usage', '设定参数不当', 'Wrong settings by user'],
  ['U-WATER-03', 'usage', '水质不合格结垢', 'Scale from poor water quality'],
  ['U-OVER-04', 'usage', '超负荷使用', 'Used beyond rated load'],
];

/** Inserts the demo fault codes; answers how many were new. */
export async function seedDemoFaultCodes(db: Kysely<DB>): Promise<number> {
  const rows = DEMO_FAULT_CODES.map(([code, category, nameZh, nameEn]) => ({ code, category, nameZh, nameEn }));
  const inserted = await db.insertInto('faultCodes').values(rows).onConflict((oc) => oc.column('code').doNothing()).returning('code').execute();
  return inserted.length;
}
