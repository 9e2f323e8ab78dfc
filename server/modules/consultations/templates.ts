import type { Locale } from '../../db/schema.ts';

// In-app notices of a team consultation (P4.2.3), in the reader's language.

export type ConsultationNotice =
  | { event: 'consultation_invite'; number: string; title: string; topic: string; by: string }
  | { event: 'consultation_mention'; number: string; title: string; topic: string; by: string; excerpt: string };

const EXCERPT = 200;

export function renderConsultationNotice(n: ConsultationNotice, locale: Locale): { subject: string; body: string } {
  const zh = locale === 'zh-CN';
  const colon = zh ? '：' : ': ';
  const frame = (line: string) =>
    [line, '', `${zh ? '会诊主题' : 'Topic'}${colon}${n.topic}`, `${zh ? '工单号' : 'Order'}${colon}${n.number}`, `${zh ? '标题' : 'Title'}${colon}${n.title}`].join('\n');
  if (n.event === 'consultation_invite') {
    return {
      subject: `[${n.number}] ${zh ? '会诊邀请' : 'Consultation invitation'}${colon}${n.topic}`.slice(0, 300),
      body: frame(zh ? `${n.by} 邀请您参与工单会诊，共同商定解决方案。` : `${n.by} invites you to a team consultation to agree the solution together.`),
    };
  }
  const excerpt = n.excerpt.length > EXCERPT ? `${n.excerpt.slice(0, EXCERPT)}…` : n.excerpt;
  return {
    subject: `[${n.number}] ${zh ? `${n.by} 在会诊中提到了您` : `${n.by} mentioned you in a consultation`}`.slice(0, 300),
    body: frame(`${zh ? `${n.by} 在会诊中提到了您` : `${n.by} mentioned you`}${colon}${excerpt}`),
  };
}
