import type { Kysely } from 'kysely';
import { defaultDepartment, type FeedbackStatus, formatFeedbackNumber, type Severity } from '../../../core/feedback.ts';
import { dateInZone } from '../../../core/settings.ts';
import { getSetting } from '../../modules/settings/service.ts';
import type { DB } from '../schema.ts';
import { Random } from './random.ts';

// Demo feedback to the departments (P4.4.3, P2.2.2): about forty defect records over the past
// six months across models, categories, severities and statuses, so the quality inbox and the
// defect report have content, plus a few customer opinions with their follow-ups. Raised on the
// demo work orders that exist when it runs (call it after seedDemoWorkOrders).

const DEFECTS: ReadonlyArray<{ category: string; title: string; description: string }> = [
  { category: 'electrical', title: '启动电容击穿', description: '压缩机启动电容外壳鼓包击穿，同批次电容疑似耐压不足。' },
  { category: 'electrical', title: '主板继电器粘连', description: '主控板压缩机继电器触点粘连，停机后压缩机仍运行。' },
  { category: 'mechanical', title: '风机轴承异响', description: '运行约 2000 小时后风机轴承出现异响，拆检发现润滑脂不足。' },
  { category: 'mechanical', title: '膨胀阀卡滞', description: '电子膨胀阀低温下卡滞，造成吸气过热度异常。' },
  { category: 'software', title: '固件定时功能失效', description: '固件 V2.3 定时开关机在跨月时不执行。' },
  { category: 'software', title: '通讯协议偶发丢包', description: 'Modbus 通讯每天偶发数次超时，升级固件前无法复现。' },
  { category: 'material', title: '冷凝器翅片腐蚀', description: '沿海客户现场一年内冷凝器翅片明显腐蚀，防腐涂层偏薄。' },
  { category: 'material', title: '密封圈老化开裂', description: '水泵机械密封圈使用半年即开裂漏水。' },
  { category: 'assembly', title: '接线端子未紧固', description: '出厂接线端子螺钉未拧紧，运行中发热变色。' },
  { category: 'assembly', title: '管路焊点渗漏', description: '高压侧管路焊点有微量渗漏，检漏发现油迹。' },
  { category: 'packaging', title: '运输中面板划伤', description: '到货时前面板有划伤，包装护角缺失。' },
  { category: 'documentation', title: '说明书参数与铭牌不符', description: '说明书中额定电流与设备铭牌标注不一致，易误导选线。' },
];

const OPINIONS: ReadonlyArray<{ kind: 'suggestion' | 'opinion'; title: string; description: string }> = [
  { kind: 'opinion', title: '客户反映夜间噪音偏大', description: '客户希望夜间模式进一步降低风机转速。' },
  { kind: 'suggestion', title: '建议面板增加中文故障说明', description: '现场人员看不懂报警代码，建议面板直接显示中文说明。' },
  { kind: 'opinion', title: '客户希望延长保修期', description: '客户认为关键部件保修一年偏短，希望提供延保方案。' },
  { kind: 'suggestion', title: '建议滤网改为免工具拆装', description: '每月清洗滤网需要拆螺钉，费时费力。' },
];

const SEVERITY_WEIGHTS: ReadonlyArray<readonly [Severity, number]> = [
  ['low', 3],
  ['medium', 4],
  ['high', 2],
  ['critical', 1],
];

/** How far a record has come: older records are more likely answered and closed. */
function statusFor(rng: Random, ageDays: number): FeedbackStatus {
  if (ageDays > 60) return rng.weighted([['closed', 6], ['answered', 2], ['investigating', 1]] as const);
  if (ageDays > 14) return rng.weighted([['answered', 3], ['closed', 2], ['investigating', 3], ['received', 1]] as const);
  return rng.weighted([['received', 3], ['investigating', 2], ['answered', 1]] as const);
}

const PATH: readonly FeedbackStatus[] = ['received', 'investigating', 'answered', 'closed'];
const ANSWERS = [
  '已复现，确认为供应商批次问题，已更换供应商并追溯同批次产品。',
  '已列入下一版本改进计划，预计下季度量产导入。',
  '经分析为现场安装条件所致，已补充安装规范说明。',
  '已更新固件，请在下次上门时升级。',
];

type Order = { id: string; state: string; assigneeId: string | null; teamId: string | null; model: string; serialNumber: string };

export async function seedDemoFeedback(db: Kysely<DB>, options: { count?: number; now?: Date } = {}): Promise<number> {
  if (await db.selectFrom('feedback').select('id').limit(1).executeTakeFirst()) return 0;
  const rng = new Random(0xfeed);
  const now = options.now ?? new Date();
  const count = options.count ?? 40;
  const zone = await getSetting(db, 'company.timeZone');
  const orders: Order[] = await db
    .selectFrom('workOrders')
    .innerJoin('installedProducts', 'installedProducts.id', 'workOrders.productId')
    .select(['workOrders.id', 'workOrders.state', 'workOrders.assigneeId', 'workOrders.teamId', 'installedProducts.model', 'installedProducts.serialNumber'])
    .orderBy('workOrders.number')
    .execute();
  if (!orders.length) return 0;
  const raisers = await db.selectFrom('users').select(['id', 'displayName', 'employeeId']).where('role', '=', 'technician').where('active', '=', true).orderBy('username').execute();
  const quality = await db.selectFrom('users').select(['id', 'displayName']).where('role', '=', 'department').orderBy('username').executeTakeFirst();
  const categories = (await getSetting(db, 'feedback.defectCategories')).map((c) => c.key);
  const answerer = quality?.displayName ?? '质量部';

  return db.transaction().execute(async (trx) => {
    let made = 0;
    const raise = async (order: Order, createdAt: Date, fields: { kind: 'defect' | 'suggestion' | 'opinion'; source: 'technician' | 'customer'; title: string; description: string; defectCategory: string | null; severity: Severity | null }, status: FeedbackStatus) => {
      const raiser = raisers.find((u) => u.employeeId === order.assigneeId) ?? (raisers.length ? rng.pick(raisers) : null);
      const day = dateInZone(createdAt, zone);
      const { last } = await trx
        .insertInto('feedbackCounters')
        .values({ day, last: 1 })
        .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('feedbackCounters.last', '+', 1) })))
        .returning('last')
        .executeTakeFirstOrThrow();
      const steps = PATH.slice(0, PATH.indexOf(status) + 1);
      // each step a few hours to a few days after the one before, never after now
      const times = [createdAt.getTime()];
      for (let i = 1; i < steps.length; i++) times.push(Math.min(now.getTime(), times[i - 1]! + rng.int(6, 72) * 3_600_000));
      const stepAt = (i: number) => new Date(times[i]!);
      const answeredAt = status === 'answered' || status === 'closed' ? stepAt(2) : null;
      const row = await trx
        .insertInto('feedback')
        .values({
          number: formatFeedbackNumber(day, last),
          workOrderId: order.id,
          ...fields,
          department: defaultDepartment(fields.kind),
          productModel: order.model,
          serialNumber: order.serialNumber,
          status,
          answer: answeredAt ? rng.pick(ANSWERS) : null,
          answeredByLabel: answeredAt ? answerer : null,
          answeredAt,
          closedAt: status === 'closed' ? stepAt(3) : null,
          raisedBy: raiser?.id ?? null,
          raisedByLabel: raiser?.displayName ?? '维修工程师',
          createdAt,
          updatedAt: stepAt(steps.length - 1),
          version: steps.length,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('feedbackEvents')
        .values(
          steps.map((to, i) => ({
            feedbackId: row.id,
            at: stepAt(i),
            actorUserId: i === 0 ? (raiser?.id ?? null) : (quality?.id ?? null),
            actorLabel: i === 0 ? (raiser?.displayName ?? '维修工程师') : answerer,
            fromStatus: i === 0 ? null : steps[i - 1]!,
            toStatus: to,
            note: null,
          })),
        )
        .execute();
      made++;
      return { id: row.id, raiser };
    };

    for (let i = 0; i < count; i++) {
      const ageDays = rng.int(0, 180);
      const createdAt = new Date(now.getTime() - ageDays * 86_400_000 - rng.int(0, 10 * 60) * 60_000);
      const d = rng.pickSkewed(DEFECTS, 1.4);
      const category = categories.includes(d.category) ? d.category : rng.pick(categories);
      await raise(rng.pick(orders), createdAt, { kind: 'defect', source: rng.chance(0.25) ? 'customer' : 'technician', title: d.title, description: d.description, defectCategory: category, severity: rng.weighted(SEVERITY_WEIGHTS) }, statusFor(rng, ageDays));
    }

    // Customer opinions: the recent ones on open orders keep an open follow-up (P4.4.3), the older ones are handled.
    const openOrders = orders.filter((o) => ['assigned', 'accepted', 'contacted', 'diagnosing'].includes(o.state) && o.assigneeId);
    for (const [i, o] of OPINIONS.entries()) {
      const recent = i < 2 && openOrders.length > i;
      const order = recent ? openOrders[i]! : rng.pick(orders);
      const ageDays = recent ? 1 + i : rng.int(20, 90);
      const createdAt = new Date(now.getTime() - ageDays * 86_400_000);
      const { id, raiser } = await raise(order, createdAt, { ...o, source: 'customer', defectCategory: null, severity: null }, recent ? 'received' : 'answered');
      const assigneeId = order.assigneeId ?? raiser?.employeeId;
      if (!assigneeId) continue;
      const dueAt = new Date(createdAt.getTime() + 3 * 86_400_000);
      await trx
        .insertInto('followUps')
        .values({
          workOrderId: order.id,
          feedbackId: id,
          title: o.title,
          assigneeId,
          dueAt,
          ...(recent ? {} : { status: 'done' as const, outcome: '已电话回访，客户认可处理结果。', doneAt: dueAt, doneByLabel: raiser?.displayName ?? '维修工程师' }),
          createdBy: raiser?.id ?? null,
          createdByLabel: raiser?.displayName ?? '维修工程师',
          createdAt,
        })
        .execute();
    }
    return made;
  });
}
