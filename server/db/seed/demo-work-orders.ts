import type { Kysely } from 'kysely';
import { ineligibility } from '../../../core/dispatch/eligibility.ts';
import type { Action } from '../../../core/work-order-lifecycle.ts';
import type { Category, Priority } from '../../../core/work-orders.ts';
import { fileReport, saveReport } from '../../modules/reports/service.ts';
import { listOrderChecklists, recordItemResult } from '../../modules/site-work/checklists.ts';
import { addOrderTool } from '../../modules/site-work/order-tools.ts';
import { checkOut } from '../../modules/site-work/visits.ts';
import { orderPartStep } from '../../modules/stock/order-parts.ts';
import { receiveOrder } from '../../modules/work-orders/intake.ts';
import { getSetting } from '../../modules/settings/service.ts';
import { applyTransition } from '../../modules/work-orders/transitions.ts';
import { actorFromUser, type ServiceContext } from '../../platform/actor.ts';
import type { DB } from '../schema.ts';
import { Random } from './random.ts';
import { signaturePng } from './signature-png.ts';

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

const CAUSES: ReadonlyArray<{ code: string; cause: string }> = [
  { code: 'E-CAP-01', cause: '压缩机启动电容容量衰减至标称值的 40%，压缩机无法启动。' },
  { code: 'E-CON-02', cause: '交流接触器触点烧蚀，接触不良导致电机缺相运行。' },
  { code: 'E-INS-04', cause: '风机电机绕组受潮，绝缘电阻下降至 0.5 MΩ。' },
];

type Site = { latitude: string; longitude: string } | undefined;

/** A small photo of the kind a checklist item asks for (a nameplate, a finished installation). */
const PHOTO = {
  filename: 'photo.png',
  contentType: 'image/png',
  dataBase64: signaturePng(160, 120).split(',')[1]!,
};

/**
 * On site, as a technician does it (P4.3.1-P4.3.2): every checklist item done (measurements in
 * range, photos where asked), one part used from the van, then check-out.
 */
async function workOnSite(ctx: ServiceContext, orderId: string, site: Site, at: Date) {
  for (const checklist of (await listOrderChecklists(ctx, orderId)).items) {
    for (const item of checklist.items) {
      const m = item.measurement;
      const value = !m ? null : m.min !== null && m.max !== null ? (m.min + m.max) / 2 : m.min !== null ? m.min * 1.5 + 1 : (m.max ?? 2) / 2;
      await recordItemResult(ctx, orderId, checklist.id, item.key, { done: true, value, justification: null, note: null, photo: item.photo ? PHOTO : undefined });
    }
  }
  const van = await ctx.db
    .selectFrom('stockLocations as l')
    .innerJoin('stockLevels as s', 's.locationId', 'l.id')
    .select('s.partId')
    .where('l.employeeId', '=', ctx.actor.employeeId)
    .where((eb) => eb('s.onHand', '>', eb.ref('s.reserved')))
    .orderBy('s.partId')
    .executeTakeFirst();
  if (van) await orderPartStep(ctx, orderId, 'consume', { partId: van.partId, quantity: 1 });
  const location = site ? { latitude: Number(site.latitude), longitude: Number(site.longitude) } : undefined;
  await checkOut(ctx, orderId, location, new Date(at.getTime() + 75 * 60_000));
}

/** The service report (P4.4.2), filed before the order closes; filing renders and mails the PDF. */
async function fileDemoReport(ctx: ServiceContext, orderId: string, category: Category, rng: Random) {
  const c = rng.pick(CAUSES);
  const installation = category === 'installation' || category === 'commissioning';
  const draft = await saveReport(ctx, orderId, {
    version: 0,
    faultCode: c.code,
    faultCause: installation ? '新机安装，无故障。' : c.cause,
    solution: installation ? '按安装规范完成安装、接管与调试，试运行 30 分钟正常。' : '更换损坏部件，清洁接线端子，试运行正常。',
    ...(installation ? { trainingTopics: '开关机、定时与节能模式设置、日常清洁与安全注意事项', trainingAttendees: '设备管理员 2 人', trainingMinutes: 40 } : {}),
  });
  await fileReport(ctx, orderId, { version: draft.version });
}

function payloadFor(action: Action, at: Date, assigneeId: string, rng: Random): Record<string, unknown> {
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
    case 'customer_accept':
      // One customer in four prefers to rate later: they get the survey link (P5.1.1).
      return rng.int(1, 4) === 1
        ? { signerName: '设备主管', signature: signaturePng() }
        : { signerName: '设备主管', signature: signaturePng(), rating: rng.int(3, 5), answers: { punctuality: rng.int(3, 5), quality: rng.int(4, 5), attitude: 5 } };
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
  const sites = new Map((await db.selectFrom('customerSites').select(['id', 'latitude', 'longitude']).execute()).map((x) => [x.id, x]));
  const agentCtx: ServiceContext = { db, actor: await actorFromUser(db, agentUser, { kind: 'token', tokenId: 'seed' }), requestId: 'seed' };
  const techCtx = new Map<string, ServiceContext>();
  for (const t of technicians) techCtx.set(t.employeeId!, { db, actor: await actorFromUser(db, t, { kind: 'token', tokenId: 'seed' }), requestId: 'seed' });

  // Each order goes to a technician who may take it (P4.1.2): the skill and certificates its category needs.
  const requirements = await getSetting(db, 'dispatch.requirements');
  const ids = technicians.map((t) => t.employeeId!);
  const [skills, certificates] = await Promise.all([
    db.selectFrom('employeeSkills').select(['employeeId', 'skill', 'level']).where('employeeId', 'in', ids).execute(),
    db.selectFrom('employeeCertificates').select(['employeeId', 'name', 'expiresOn']).where('employeeId', 'in', ids).execute(),
  ]);
  const qualified = (category: Category, day: string) => {
    const need = requirements[category];
    if (!need) return technicians;
    const fit = technicians.filter((t) => {
      const facts = {
        id: t.employeeId!,
        name: t.displayName,
        teamId: null,
        skills: skills.filter((x) => x.employeeId === t.employeeId),
        certificates: certificates.filter((x) => x.employeeId === t.employeeId),
        shift: { start: now, end: now },
        leave: [],
        start: null,
        end: null,
      };
      return ineligibility(facts, { skill: need.skill, level: need.level, certificates: need.certificates, teamId: null }, day).length === 0;
    });
    return fit.length > 0 ? fit : technicians;
  };

  let made = 0;
  for (let i = 0; i < count; i++) {
    // The portal customer's own account gets a few orders so the portal is not empty.
    const customer = i % 6 === 0 ? (byName('customer')?.customerId ?? customers[0]!.id) : rng.pick(customers).id;
    const product = products.find((p) => p.customerId === customer);
    const fault = rng.pick(FAULTS);
    const receivedAt = new Date(now.getTime() - rng.int(1, 9 * 24 * 60) * 60_000);
    const tech = rng.pick(qualified(fault.category, receivedAt.toISOString().slice(0, 10)));
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
    const site = product?.siteId ? sites.get(product.siteId) : undefined;
    for (const action of rng.pick(PATHS)) {
      at = new Date(Math.min(now.getTime(), at.getTime() + rng.int(10, 240) * 60_000));
      const ctx = action === 'assign' ? agentCtx : techCtx.get(tech.employeeId!)!;
      if (action === 'complete_work') await workOnSite(ctx, id, site, at);
      if (action === 'close') await fileDemoReport(ctx, id, fault.category, rng);
      const version = (await db.selectFrom('workOrders').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      // The phone's position at check-in, a few metres from the site.
      const location = action === 'arrive' && site ? { latitude: Number(site.latitude) + 0.0002, longitude: Number(site.longitude) - 0.0001, accuracyMeters: 15 } : undefined;
      // customer_accept is signed on the technician's phone in the demo
      await applyTransition(ctx, id, { action, version, payload: payloadFor(action, at, tech.employeeId!, rng), location }, at);
      if (action === 'schedule_visit') {
        // The proposed solution lists the instruments the visit needs (P4.3.1).
        const held = await db.selectFrom('tools').select('id').where('holderId', '=', tech.employeeId).where('status', '=', 'in_service').execute();
        for (const tool of held) await addOrderTool(ctx, id, tool.id);
      }
    }
    made++;
  }
  return made;
}
