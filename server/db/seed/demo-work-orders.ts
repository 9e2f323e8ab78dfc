import type { Kysely } from 'kysely';
import type { Action } from '../../../core/work-order-lifecycle.ts';
import type { Category, Priority } from '../../../core/work-orders.ts';
import { actorFromUser, type ServiceContext } from '../../platform/actor.ts';
import { receiveOrder } from '../../modules/work-orders/intake.ts';
import { applyTransition } from '../../modules/work-orders/transitions.ts';
import type { DB } from '../schema.ts';
import { Random } from './random.ts';

// Demo work orders in every stage, made through the same services as real ones, so the
// screens, the SLA clocks and the timelines show what a working service desk looks like.

const FAULTS: ReadonlyArray<{ title: string; description: string; category: Category }> = [
  { title: '机组不制热', description: '客户来电：热泵机组开机后不制热，压缩机不启动，面板显示报警代码 E04。', category: 'fault_repair' },
  { title: '压缩机异响', description: '冷水机组运行时压缩机有明显金属撞击声，电流偏高，客户担心损坏。', category: 'fault_repair' },
  { title: '变频器过流报警', description: '变频器频繁报 OC 过流故障，电机启动时跳闸，生产线停机。', category: 'fault_repair' },
  { title: 'UPS 电池告警', description: '不间断电源面板提示电池老化告警，市电中断时后备时间不足五分钟。', category: 'fault_repair' },
  { title: '空调箱漏水', description: '组合式空调箱底部接水盘漏水，地面有积水，疑似排水管堵塞。', category: 'fault_repair' },
  { title: '制冷效果差', description: '夏季高温时冷水机组出水温度偏高，制冷效果明显下降，冷凝器可能结垢。', category: 'maintenance' },
  { title: '新机安装调试', description: '新购热泵机组已到货，需要上门安装、接管并完成调试和客户培训。', category: 'installation' },
  { title: '通讯故障', description: '机组与楼宇控制系统通讯中断，远程监控无数据，本地面板正常。', category: 'fault_repair' },
  { title: '操作咨询', description: '客户咨询如何设置定时开关机和节能模式，需要远程指导。', category: 'consultation' },
  { title: '年度保养', description: '合同约定的年度预防性维护：清洗换热器、检查制冷剂压力和电气接线。', category: 'maintenance' },
];

/** How far each demo order has come: the actions taken after intake, in order. */
const PATHS: ReadonlyArray<ReadonlyArray<Action>> = [
  [],
  ['assign'],
  ['assign', 'accept'],
  ['assign', 'accept', 'contact_customer'],
  ['assign', 'accept', 'contact_customer', 'start_diagnosis'],
  ['assign', 'accept', 'contact_customer', 'start_diagnosis', 'propose_solution', 'schedule_visit'],
  ['assign', 'accept', 'contact_customer', 'start_diagnosis', 'propose_solution', 'schedule_visit', 'depart'],
  ['assign', 'accept', 'contact_customer', 'start_diagnosis', 'propose_solution', 'schedule_visit', 'depart', 'arrive'],
  ['assign', 'accept', 'contact_customer', 'start_diagnosis', 'propose_solution', 'schedule_visit', 'depart', 'arrive', 'complete_work', 'customer_accept', 'close'],
  ['assign', 'accept', 'contact_customer', 'start_diagnosis', 'propose_solution', 'resolve_remotely', 'customer_accept', 'close'],
  ['assign', 'accept', 'contact_customer', 'hold'],
];

function payloadFor(action: Action, at: Date, assigneeId: string): Record<string, unknown> {
  const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();
  switch (action) {
    case 'assign':
      return { assigneeId };
    case 'propose_solution':
      return { solution: '检查电气回路和启动元件，必要时更换损坏部件。' };
    case 'schedule_visit':
      return { visitAt: later(24 * 60) };
    case 'depart':
      return { expectedArrivalAt: later(45) };
    case 'complete_work':
    case 'resolve_remotely':
      return { resolution: '已排除故障，试运行正常，客户确认。' };
    case 'hold':
      return { reason: 'parts', note: '等待备件到货' };
    default:
      return {};
  }
}

export async function seedDemoWorkOrders(db: Kysely<DB>, options: { count?: number; now?: Date } = {}): Promise<number> {
  const rng = new Random(0x574f);
  const count = options.count ?? 40;
  const now = options.now ?? new Date();
  const users = await db.selectFrom('users').selectAll().where('username', 'in', ['agent', 'supervisor', 'customer']).execute();
  const byName = (n: string) => users.find((u) => u.username === n);
  const agentUser = byName('agent');
  const supervisorUser = byName('supervisor');
  if (!agentUser || !supervisorUser) return 0;
  const technicians = await db
    .selectFrom('employees')
    .innerJoin('users', 'users.employeeId', 'employees.id')
    .selectAll('users')
    .select(['employees.teamId'])
    .where('users.role', '=', 'technician')
    .execute();
  const customers = await db.selectFrom('customers').select('id').orderBy('customerNo').limit(40).execute();
  const products = await db.selectFrom('installedProducts').select(['id', 'customerId', 'siteId']).execute();
  const agentCtx: ServiceContext = { db, actor: await actorFromUser(db, agentUser, { kind: 'token', tokenId: 'seed' }), requestId: 'seed' };
  const techCtx = new Map<string, ServiceContext>();
  for (const t of technicians) techCtx.set(t.employeeId!, { db, actor: await actorFromUser(db, t, { kind: 'token', tokenId: 'seed' }), requestId: 'seed' });

  let made = 0;
  for (let i = 0; i < count; i++) {
    // The portal customer's own account gets a few orders so the portal is not empty.
    const customer = i % 6 === 0 ? (byName('customer')?.customerId ?? customers[0]!.id) : rng.pick(customers).id;
    const product = products.find((p) => p.customerId === customer);
    const fault = rng.pick(FAULTS);
    const tech = rng.pick(technicians);
    const receivedAt = new Date(now.getTime() - rng.int(1, 9 * 24 * 60) * 60_000);
    const priority: Priority = rng.pick(['urgent', 'high', 'normal', 'normal', 'normal', 'low'] as const);
    const id = await receiveOrder(
      db,
      {
        channel: rng.pick(['phone', 'phone', 'phone', 'email', 'portal', 'chat'] as const),
        customerId: customer,
        contactId: null,
        siteId: product?.siteId ?? null,
        productId: product?.id ?? null,
        reporterName: null,
        reporterPhone: null,
        reporterEmail: null,
        title: fault.title,
        description: fault.description,
        category: fault.category,
        priority,
        preferredFrom: null,
        preferredTo: null,
        duplicateOfId: null,
        assigneeId: null,
        teamId: null,
        attachments: [],
      },
      { userId: agentUser.id, employeeId: agentUser.employeeId, label: agentUser.displayName, requestId: 'seed' },
      receivedAt,
    );
    let at = receivedAt;
    for (const action of rng.pick(PATHS)) {
      at = new Date(Math.min(now.getTime(), at.getTime() + rng.int(10, 240) * 60_000));
      const ctx = action === 'assign' ? agentCtx : techCtx.get(tech.employeeId!)!;
      const version = (await db.selectFrom('workOrders').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      // customer_accept is done by the technician on the customer's behalf in the demo
      await applyTransition(ctx, id, { action, version, payload: payloadFor(action, at, tech.employeeId!) }, at);
    }
    made++;
  }
  return made;
}
