import type { SlaClock } from '../../../core/work-orders.ts';
import type { Locale } from '../../db/schema.ts';
import type { OrderEvent } from './service.ts';

/** What a notification may say about its order; times are already formatted in the company time zone. */
export type TemplateContext = {
  number: string;
  title: string;
  technician?: string | null;
  expectedArrival?: string | null;
  clock?: SlaClock | null;
  dueAt?: string | null;
  /** A link the message carries (the survey link). */
  link?: string | null;
  /** What the message is about, when not the order itself (a follow-up task's title). */
  subjectLine?: string | null;
};

type Text = { subject: string; line: string };
type Template = (c: TemplateContext) => Record<Locale, Text>;

const CLOCK: Record<SlaClock, Record<Locale, string>> = {
  response: { 'zh-CN': '响应', en: 'response' },
  arrival: { 'zh-CN': '到场', en: 'arrival' },
  resolution: { 'zh-CN': '解决', en: 'resolution' },
};

// Progress the customer hears of (P4.3.3) and alerts staff hear of (SLA warning and escalation).
const TEMPLATES: Record<OrderEvent, Template> = {
  received: () => ({
    'zh-CN': { subject: '您的报修已受理', line: '我们已收到您的报修，工程师将尽快与您联系。' },
    en: { subject: 'We have received your request', line: 'We have received your request; an engineer will contact you shortly.' },
  }),
  assigned: (c) => ({
    'zh-CN': { subject: '已安排工程师', line: `已安排工程师${c.technician ? ` ${c.technician} ` : ''}处理您的报修，工程师将尽快与您联系。` },
    en: { subject: 'An engineer is assigned', line: `${c.technician ? `Engineer ${c.technician} is` : 'An engineer is'} now handling your request and will contact you shortly.` },
  }),
  en_route: (c) => ({
    'zh-CN': { subject: '工程师已出发', line: `工程师已出发前往现场${c.expectedArrival ? `，预计到达时间：${c.expectedArrival}` : ''}。` },
    en: { subject: 'The engineer is on the way', line: `The engineer is on the way${c.expectedArrival ? `; expected arrival: ${c.expectedArrival}` : ''}.` },
  }),
  on_site: () => ({
    'zh-CN': { subject: '工程师已到达现场', line: '工程师已到达现场，开始处理。' },
    en: { subject: 'The engineer has arrived', line: 'The engineer has arrived on site and started work.' },
  }),
  done: () => ({
    'zh-CN': { subject: '维修已完成，请验收', line: '维修工作已完成，请确认设备运行正常并验收。' },
    en: { subject: 'Work done: please accept it', line: 'The work is done; please check that the product runs normally and accept it.' },
  }),
  report_ready: () => ({
    'zh-CN': { subject: '服务报告已生成', line: '本次服务的服务报告已生成（见邮件附件 PDF），您也可登录客户门户查看。' },
    en: { subject: 'The service report is ready', line: 'The service report of this job is ready (the PDF is attached); you can also read it in the customer portal.' },
  }),
  survey: (c) => ({
    'zh-CN': {
      subject: '请评价本次服务',
      line: `感谢您的验收。请花一分钟为本次服务打分：${c.link ?? ''}\n（链接仅可使用一次${c.dueAt ? `，${c.dueAt} 前有效` : ''}。）`,
    },
    en: {
      subject: 'Please rate our service',
      line: `Thank you for accepting the work. Please take a minute to rate this service: ${c.link ?? ''}\n(The link works once${c.dueAt ? ` and until ${c.dueAt}` : ''}.)`,
    },
  }),
  follow_up_due: (c) => ({
    'zh-CN': { subject: '新的跟进任务', line: `请跟进：${c.subjectLine ?? ''}${c.dueAt ? `（${c.dueAt} 前完成）` : ''}。` },
    en: { subject: 'A follow-up for you', line: `Please follow up: ${c.subjectLine ?? ''}${c.dueAt ? ` (due ${c.dueAt})` : ''}.` },
  }),
  follow_up_overdue: (c) => ({
    'zh-CN': { subject: '跟进任务逾期，已升级', line: `跟进任务已逾期：${c.subjectLine ?? ''}${c.dueAt ? `（截止 ${c.dueAt}）` : ''}，已升级至主管。` },
    en: { subject: 'Follow-up overdue: escalated', line: `A follow-up is overdue: ${c.subjectLine ?? ''}${c.dueAt ? ` (due ${c.dueAt})` : ''}; it is escalated to the supervisor.` },
  }),
  answered: () => ({
    'zh-CN': { subject: '您的问题已回复', line: '工程师已回复您的问题，请登录客户门户查看。' },
    en: { subject: 'Your question is answered', line: 'The engineer has answered your question; read it in the customer portal.' },
  }),
  question: () => ({
    'zh-CN': { subject: '客户留言', line: '客户在工单上留言或提问，请及时回复。' },
    en: { subject: 'The customer wrote', line: 'The customer wrote on the order; please answer promptly.' },
  }),
  sla_warning: (c) => ({
    'zh-CN': {
      subject: `${c.clock ? CLOCK[c.clock]['zh-CN'] : ''}时限即将到期`,
      line: `工单的${c.clock ? CLOCK[c.clock]['zh-CN'] : ''}时限即将到期${c.dueAt ? `（截止 ${c.dueAt}）` : ''}，请尽快处理。`,
    },
    en: {
      subject: `${c.clock ? `${capitalize(CLOCK[c.clock].en)} ` : ''}deadline near`,
      line: `The order's ${c.clock ? `${CLOCK[c.clock].en} ` : ''}deadline is near${c.dueAt ? ` (due ${c.dueAt})` : ''}; please act now.`,
    },
  }),
  sla_breach: (c) => ({
    'zh-CN': {
      subject: `${c.clock ? CLOCK[c.clock]['zh-CN'] : ''}超时，已升级`,
      line: `工单已超过${c.clock ? CLOCK[c.clock]['zh-CN'] : ''}时限${c.dueAt ? `（截止 ${c.dueAt}）` : ''}，已升级至主管和经理。`,
    },
    en: {
      subject: `${c.clock ? `${capitalize(CLOCK[c.clock].en)} ` : ''}deadline missed: escalated`,
      line: `The order missed its ${c.clock ? `${CLOCK[c.clock].en} ` : ''}deadline${c.dueAt ? ` (due ${c.dueAt})` : ''}; it is escalated to the supervisor and managers.`,
    },
  }),
};

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const FRAME: Record<Locale, { order: string; title: string; reply: string; signature: string; greeting: string }> = {
  'zh-CN': {
    greeting: '您好：',
    order: '工单号',
    title: '标题',
    reply: '如有问题，直接回复本邮件即可，您的回复会记录到该工单。',
    signature: '售后服务中心',
  },
  en: {
    greeting: 'Hello,',
    order: 'Order',
    title: 'Title',
    reply: 'Questions? Reply to this email: your reply is added to the order.',
    signature: 'After-sales service',
  },
};

/**
 * The subject and plain-text body of one notification in one language. The subject carries the
 * order number in brackets so that a reply is matched to its order even without its headers.
 */
export function renderNotification(event: OrderEvent, locale: Locale, c: TemplateContext, options: { email?: boolean } = {}) {
  const t = TEMPLATES[event](c)[locale];
  const f = FRAME[locale];
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const lines = [
    ...(options.email ? [f.greeting, ''] : []),
    t.line,
    '',
    `${f.order}${colon}${c.number}`,
    `${f.title}${colon}${c.title}`,
    ...(options.email ? ['', f.reply, '', f.signature] : []),
  ];
  return { subject: `[${c.number}] ${t.subject}${colon}${c.title}`.slice(0, 300), body: lines.join('\n') };
}

/** An instant as people read it in the company time zone: `2026-11-26 14:30 (Asia/Shanghai)`. */
export function formatInstant(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}
