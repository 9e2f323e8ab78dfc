import type { Kysely, Transaction } from 'kysely';
import { type ChecklistItem, checklistItemsSchema, type ChecklistKind, type WorkType } from '../../../core/checklists.ts';
import { companyToday } from '../../modules/settings/service.ts';
import { instantiateChecklists } from '../../modules/site-work/checklists.ts';
import type { DB } from '../schema.ts';
import { Random } from './random.ts';

// Demo data of the site-work module: procedure and safety checklists for every work type
// (P4.3.2, P2.3.1, P2.3.3) and the engineers' tools and instruments with calibration dates,
// a few overdue and a few due soon (P2.2.3). Deterministic for a reference date.

type Label = [zh: string, en: string];
const item = (key: string, [zh, en]: Label, o: Partial<Omit<ChecklistItem, 'key' | 'label'>> = {}): ChecklistItem => ({
  key,
  label: { 'zh-CN': zh, en },
  required: o.required ?? true,
  photo: o.photo ?? false,
  measurement: o.measurement ?? null,
});
const measure = (unit: string, min: number | null, max: number | null) => ({ measurement: { unit, min, max } });

const LOTO = item('loto', ['断电挂牌上锁（LOTO）', 'Lock out, tag out (LOTO)']);
const ZERO_VOLTAGE = item('zero-voltage', ['验电：确认残余电压在安全范围内', 'Test for dead: residual voltage within the safe limit'], measure('V', null, 36));
const PPE = item('ppe', ['佩戴绝缘手套、护目镜等防护用品', 'Wear insulating gloves, goggles and other PPE']);
const INSULATION = item('insulation', ['测量绝缘电阻 ≥ 2 MΩ', 'Measure insulation resistance ≥ 2 MΩ'], measure('MΩ', 2, null));
const CURRENT = item('running-current', ['测量运行电流', 'Measure the running current'], measure('A', 8, 16));
const NAMEPLATE = item('nameplate-photo', ['拍摄铭牌照片', 'Photograph the nameplate'], { photo: true });
const TRIAL_RUN = item('trial-run', ['试运行 30 分钟，无异常报警', 'Trial run for 30 minutes without alarms']);
const TRAINED = item('customer-trained', ['客户已接受操作与安全培训', 'Customer trained on operation and safety']);

type Template = { workType: WorkType; kind: ChecklistKind; nameZh: string; nameEn: string; items: ChecklistItem[] };

export const DEMO_TEMPLATES: readonly Template[] = [
  {
    workType: 'repair',
    kind: 'procedure',
    nameZh: '故障维修作业流程',
    nameEn: 'Fault repair procedure',
    items: [
      NAMEPLATE,
      item('fault-confirmed', ['确认故障现象并记录报警代码', 'Confirm the fault and record the alarm code']),
      INSULATION,
      CURRENT,
      TRIAL_RUN,
      item('site-cleaned', ['清理现场，恢复设备外观', 'Clean up the site and restore the unit\'s panels'], { required: false }),
    ],
  },
  {
    workType: 'repair',
    kind: 'safety',
    nameZh: '维修安全检查',
    nameEn: 'Repair safety checks',
    items: [LOTO, ZERO_VOLTAGE, PPE, item('leak-check', ['电子检漏仪检查制冷剂泄漏', 'Check for refrigerant leaks with an electronic detector'], { required: false })],
  },
  {
    workType: 'installation',
    kind: 'procedure',
    nameZh: '安装作业流程',
    nameEn: 'Installation procedure',
    items: [
      item('model-serial', ['核对设备型号与序列号并拍摄铭牌', 'Check model and serial number; photograph the nameplate'], { photo: true }),
      item('level', ['检查基础水平度', 'Check the base is level'], measure('mm/m', null, 2)),
      item('pressure-test', ['氮气保压测试压力', 'Nitrogen pressure test'], measure('MPa', 2.5, 3.0)),
      INSULATION,
      TRIAL_RUN,
      TRAINED,
      item('finished-photo', ['拍摄安装完成照片', 'Photograph the finished installation'], { photo: true }),
    ],
  },
  {
    workType: 'installation',
    kind: 'safety',
    nameZh: '安装安全检查',
    nameEn: 'Installation safety checks',
    items: [
      LOTO,
      PPE,
      item('harness', ['高处作业系好安全带', 'Wear a safety harness when working at height']),
      item('lifting-zone', ['吊装区域设置警戒线', 'Cordon off the lifting zone']),
    ],
  },
  {
    workType: 'commissioning',
    kind: 'procedure',
    nameZh: '调试作业流程',
    nameEn: 'Commissioning procedure',
    items: [
      item('supply-voltage', ['测量电源电压', 'Measure the supply voltage'], measure('V', 360, 420)),
      CURRENT,
      item('outlet-temperature', ['测量出水温度', 'Measure the water outlet temperature'], measure('°C', 5, 12)),
      item('parameters', ['设置运行参数并拍照记录', 'Set the operating parameters and photograph them'], { photo: true }),
      TRIAL_RUN,
      TRAINED,
    ],
  },
  {
    workType: 'commissioning',
    kind: 'safety',
    nameZh: '调试安全检查',
    nameEn: 'Commissioning safety checks',
    items: [LOTO, ZERO_VOLTAGE, item('emergency-stop', ['确认急停按钮有效', 'Confirm the emergency stop works'])],
  },
  {
    workType: 'maintenance',
    kind: 'procedure',
    nameZh: '预防性保养流程',
    nameEn: 'Preventive maintenance procedure',
    items: [
      item('condenser-cleaned', ['清洗冷凝器并拍照', 'Clean the condenser and photograph it'], { photo: true }),
      item('refrigerant-pressure', ['检查制冷剂压力', 'Check the refrigerant pressure'], measure('MPa', 0.8, 1.6)),
      item('terminals', ['紧固电气接线端子', 'Tighten the electrical terminals']),
      INSULATION,
      item('filters', ['更换空气过滤器', 'Replace the air filters'], { required: false }),
    ],
  },
  {
    workType: 'maintenance',
    kind: 'safety',
    nameZh: '保养安全检查',
    nameEn: 'Maintenance safety checks',
    items: [LOTO, PPE],
  },
];

type ToolKind = 'tool' | 'instrument' | 'equipment';
const CATALOGUE: ReadonlyArray<{ name: string; kind: ToolKind; model: string; intervalDays: number }> = [
  { name: '数字万用表', kind: 'instrument', model: 'FLUKE 17B+', intervalDays: 365 },
  { name: '绝缘电阻测试仪', kind: 'instrument', model: 'FLUKE 1508', intervalDays: 365 },
  { name: '钳形电流表', kind: 'instrument', model: 'FLUKE 376 FC', intervalDays: 365 },
  { name: '冷媒压力表组', kind: 'instrument', model: 'testo 550s', intervalDays: 180 },
  { name: '扭力扳手', kind: 'tool', model: 'TOHNICHI QL50N', intervalDays: 365 },
  { name: '电子检漏仪', kind: 'instrument', model: 'INFICON D-TEK Select', intervalDays: 365 },
  { name: '红外测温仪', kind: 'instrument', model: 'FLUKE 62 MAX+', intervalDays: 365 },
];
const SHARED: ReadonlyArray<{ name: string; kind: ToolKind; model: string }> = [
  { name: '真空泵', kind: 'equipment', model: 'VALUE VE245N' },
  { name: '冷媒回收机', kind: 'equipment', model: 'VALUE VRR24L' },
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A due date: about one in six overdue, one in five due within the warning window, the rest later. */
function dueDate(rng: Random, referenceDate: string): string {
  return rng.weighted<() => string>([
    [() => addDays(referenceDate, -rng.int(1, 60)), 0.15],
    [() => addDays(referenceDate, rng.int(0, 25)), 0.2],
    [() => addDays(referenceDate, rng.int(40, 330)), 0.65],
  ])();
}

export type DemoSiteWorkCounts = { templates: number; tools: number };

/**
 * Checklist templates for the four work types and about two tools per repair and installation
 * engineer; the demo `repair` user's engineer holds an overdue insulation tester. Skips what
 * already exists, so it is safe to run on a seeded database.
 */
export async function seedDemoSiteWork(db: Kysely<DB>, options: { referenceDate?: string } = {}): Promise<DemoSiteWorkCounts> {
  const referenceDate = options.referenceDate ?? (await companyToday(db));
  const rng = new Random(20261127);
  for (const t of DEMO_TEMPLATES) checklistItemsSchema.parse(t.items);

  return db.transaction().execute(async (trx) => {
    const counts: DemoSiteWorkCounts = { templates: 0, tools: 0 };
    if (!(await trx.selectFrom('checklistTemplates').select('id').limit(1).executeTakeFirst())) {
      await trx
        .insertInto('checklistTemplates')
        .values(DEMO_TEMPLATES.map((t) => ({ ...t, items: JSON.stringify(t.items) })))
        .execute();
      counts.templates = DEMO_TEMPLATES.length;
    }
    await giveOpenVisitsTheirChecklists(trx);
    if (await trx.selectFrom('tools').select('id').limit(1).executeTakeFirst()) return counts;

    const engineers = await trx
      .selectFrom('employees')
      .select(['id', 'position'])
      .where('position', 'in', ['repair_engineer', 'installation_engineer'])
      .where('status', '=', 'active')
      .orderBy('employeeNo')
      .execute();
    const repairUser = await trx.selectFrom('users').select('employeeId').where('username', '=', 'repair').executeTakeFirst();

    const tools: Array<{ holderId: string | null; name: string; kind: ToolKind; model: string; intervalDays: number | null; dueOn: string | null }> = [];
    for (const engineer of engineers) {
      const picks = rng.sample(CATALOGUE, 2);
      if (engineer.id === repairUser?.employeeId) {
        // The demo repair engineer's insulation tester is overdue: the visit flags it (P2.2.3).
        const tester = CATALOGUE[1]!;
        tools.push({ holderId: engineer.id, ...tester, dueOn: addDays(referenceDate, -12) });
        const other = picks.find((p) => p !== tester) ?? CATALOGUE[0]!;
        tools.push({ holderId: engineer.id, ...other, dueOn: addDays(referenceDate, rng.int(5, 20)) });
        continue;
      }
      for (const pick of picks) tools.push({ holderId: engineer.id, ...pick, dueOn: dueDate(rng, referenceDate) });
    }
    for (const shared of SHARED) tools.push({ holderId: null, ...shared, intervalDays: null, dueOn: null });

    for (const [i, t] of tools.entries()) {
      const row = await trx
        .insertInto('tools')
        .values({
          assetNo: `TL-${String(i + 1).padStart(4, '0')}`,
          name: t.name,
          kind: t.kind,
          model: t.model,
          serialNumber: `${t.model.split(' ')[0]}-${rng.digits(7)}`,
          holderId: t.holderId,
          calibrationDueOn: t.dueOn,
          maintenanceIntervalDays: t.intervalDays,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (t.dueOn && t.intervalDays) {
        await trx
          .insertInto('toolMaintenance')
          .values({
            toolId: row.id,
            kind: t.kind === 'tool' ? 'maintenance' : 'calibration',
            performedOn: addDays(t.dueOn, -t.intervalDays),
            performedBy: t.kind === 'tool' ? '工具室' : '上海市计量测试技术研究院',
            result: 'pass',
            nextDueOn: t.dueOn,
          })
          .execute();
      }
    }
    counts.tools = tools.length;
    await listOverdueToolOnVisits(trx, repairUser?.employeeId ?? null);
    return counts;
  });
}

/** Demo orders already on site when the templates arrive get their checklists, as a check-in would give them. */
async function giveOpenVisitsTheirChecklists(trx: Transaction<DB>) {
  const orders = await trx.selectFrom('workOrders').selectAll().where('state', '=', 'on_site').execute();
  for (const order of orders) await instantiateChecklists({ trx, order });
}

/** The repair engineer's upcoming and current visits list their instruments, the overdue one flagged (P4.3.1). */
async function listOverdueToolOnVisits(trx: Transaction<DB>, employeeId: string | null) {
  if (!employeeId) return;
  const [orders, tools] = await Promise.all([
    trx.selectFrom('workOrders').select('id').where('assigneeId', '=', employeeId).where('state', 'in', ['visit_scheduled', 'en_route', 'on_site']).execute(),
    trx.selectFrom('tools').select('id').where('holderId', '=', employeeId).execute(),
  ]);
  const rows = orders.flatMap((o) => tools.map((t) => ({ workOrderId: o.id, toolId: t.id })));
  if (rows.length) await trx.insertInto('workOrderTools').values(rows).onConflict((oc) => oc.doNothing()).execute();
}
