import { encodePng } from '../../platform/png.ts';
import type { ReportDocument } from './document.ts';

// A realistic report for the PDF's own tests and the benchmark: camera-sized photos made here
// (PNG, so no image library is needed), Chinese and English text, a long parts list.

/** An RGB PNG with a smooth scene and sensor-like noise (so it compresses like a photo, not a flat colour). */
export function syntheticPhotoPng(width: number, height: number, seed: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let state = seed * 2654435761 || 1;
  const noise = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 3;
  };
  const pixel = new Uint8Array(3);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 1; // PNG filter "Sub": each byte stored as its difference from the pixel to its left
    let left = [0, 0, 0];
    for (let x = 0; x < width; x++) {
      const shade = Math.sin((x + seed * 37) / 90) * 40 + Math.cos((y + seed * 11) / 70) * 40;
      pixel[0] = Math.max(0, Math.min(255, 110 + shade + (x * 60) / width + noise()));
      pixel[1] = Math.max(0, Math.min(255, 120 + shade / 2 + (y * 50) / height + noise()));
      pixel[2] = Math.max(0, Math.min(255, 140 - shade / 2 + noise()));
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = (pixel[c]! - left[c]!) & 0xff;
      left = [pixel[0]!, pixel[1]!, pixel[2]!];
    }
  }
  return encodePng(width, height, 2, raw);
}

export function sampleReportDocument(o: { photos: ReadonlyArray<Buffer>; signature: Buffer; kind?: ReportDocument['kind'] }): ReportDocument {
  const at = (iso: string) => new Date(iso);
  return {
    timeZone: 'Asia/Shanghai',
    kind: o.kind ?? 'repair',
    status: 'filed',
    order: {
      number: 'WO-20261127-0042',
      title: '热泵机组不制热',
      description: '压缩机不启动，面板显示报警代码 E04。客户反映昨晚起车间温度下降。',
      category: 'fault_repair',
      receivedAt: at('2026-11-27T01:10:00Z'),
      arrivedAt: at('2026-11-27T05:25:00Z'),
      arrivalDueAt: at('2026-11-27T05:10:00Z'),
      resolvedAt: at('2026-11-27T07:40:00Z'),
      resolution: '更换启动电容后试机正常，出水温度 45℃。',
    },
    customer: { name: '华东精密机械有限公司', customerNo: 'C000123', contactName: '王经理', contactPhone: '13800138000' },
    site: { name: '一号厂房', address: '上海市闵行区春申路 1 号' },
    product: { model: 'AS-HP3000', productName: '热泵机组', serialNumber: 'SN-HP3000-88231' },
    fault: { code: 'E-CAP-01', name: { 'zh-CN': '启动电容失效', en: 'Start capacitor failed' } },
    faultCause: '压缩机启动电容容量衰减至标称值的 40%，导致压缩机无法启动。',
    solution: '更换压缩机启动电容（45μF），检查接线端子并紧固，复位报警后试机 30 分钟运行正常。',
    parts: [
      { partNo: 'P-CAP-45', name: '启动电容 45μF', unit: 'pcs', quantity: 1, unitCostFen: 8_500 },
      { partNo: 'P-TERM-06', name: '接线端子 6mm²', unit: 'pcs', quantity: 4, unitCostFen: 350 },
      { partNo: 'P-FILT-200', name: '干燥过滤器', unit: 'pcs', quantity: 1, unitCostFen: 12_000 },
    ],
    labour: { travelMinutes: 55, onSiteMinutes: 135 },
    checklists: [
      {
        kind: 'safety',
        name: { 'zh-CN': '电气安全检查', en: 'Electrical safety' },
        items: [
          { label: { 'zh-CN': '断电并挂牌上锁', en: 'Isolated, locked and tagged' }, done: true, value: null, unit: null, outOfRange: false, justification: null },
          { label: { 'zh-CN': '绝缘电阻', en: 'Insulation resistance' }, done: true, value: '1.5', unit: 'MΩ', outOfRange: true, justification: '旧电机绝缘偏低，已告知客户并建议下次保养时更换。' },
        ],
      },
      {
        kind: 'procedure',
        name: { 'zh-CN': '维修作业流程', en: 'Repair procedure' },
        items: [
          { label: { 'zh-CN': '出水温度', en: 'Outlet water temperature' }, done: true, value: '45', unit: '℃', outOfRange: false, justification: null },
          { label: { 'zh-CN': '运行电流', en: 'Running current' }, done: true, value: '12.4', unit: 'A', outOfRange: false, justification: null },
        ],
      },
    ],
    training: o.kind === 'installation' ? { topics: '开关机操作、日常清洁滤网、报警代码含义', attendees: '王经理、设备科李工', minutes: 40 } : null,
    photos: o.photos.map((data, i) => ({ caption: `现场照片 ${i + 1} / Site photo ${i + 1}`, data })),
    acceptance: { signerName: '王经理', at: at('2026-11-27T07:55:00Z'), signaturePng: o.signature },
    rating: {
      rating: 4,
      answers: [
        { label: { 'zh-CN': '上门准时', en: 'Arrived on time' }, score: 3 },
        { label: { 'zh-CN': '维修/安装质量', en: 'Quality of the work' }, score: 5 },
      ],
      comment: '维修及时，讲解清楚。',
      ratedAt: at('2026-11-27T07:56:00Z'),
    },
    technician: { name: '李维修', employeeNo: 'E1024' },
    consultants: [
      { name: '李维修', role: 'owner', contributed: true },
      { name: '赵工', role: 'invited', contributed: true },
    ],
    filedAt: at('2026-11-27T08:00:00Z'),
    filedBy: '李维修',
  };
}
