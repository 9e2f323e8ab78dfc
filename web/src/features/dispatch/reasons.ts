import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';
import { formatInstant } from '../../lib/time.ts';
import type { IneligibleProblem, Reason } from './types.ts';

// Why a technician may not take an order (core/dispatch/eligibility.ts `Reason`), in the
// user's language: the same words on a refused drop, an assignment, a candidate and the queue.

const LEAVE_KINDS = ['annual', 'sick', 'personal', 'training', 'other'] as const;

export function reasonText(t: TFunction, r: Reason): string {
  switch (r.code) {
    case 'skill_missing':
      return t('dispatch.reason.skill_missing', { skill: r.skill, level: r.level });
    case 'skill_level':
      return t('dispatch.reason.skill_level', { skill: r.skill, level: r.level, held: r.held });
    case 'certificate_missing':
      return t('dispatch.reason.certificate_missing', { certificate: r.certificate });
    case 'certificate_expired':
      return t('dispatch.reason.certificate_expired', { certificate: r.certificate, date: r.expiredOn });
    case 'off_shift':
      return t('dispatch.reason.off_shift');
    case 'on_leave': {
      const kind = (LEAVE_KINDS as readonly string[]).includes(r.kind) ? t(`dispatch.leaveKind.${r.kind as (typeof LEAVE_KINDS)[number]}`) : r.kind;
      return t('dispatch.reason.on_leave', { kind, from: formatInstant(r.from), to: formatInstant(r.to) });
    }
    case 'other_team':
      return t('dispatch.reason.other_team');
    case 'deadline':
      return r.earliest
        ? t('dispatch.reason.deadline', { deadline: formatInstant(r.deadline), earliest: formatInstant(r.earliest) })
        : t('dispatch.reason.deadline_unreachable', { deadline: formatInstant(r.deadline) });
    case 'no_location':
      return t('dispatch.reason.no_location');
    case 'window':
      return t('dispatch.reason.window', { number: r.number });
    case 'shift_end':
      return t('dispatch.reason.shift_end');
    default:
      return (r as { code: string }).code;
  }
}

export function leaveKindText(t: TFunction, kind: string): string {
  return (LEAVE_KINDS as readonly string[]).includes(kind) ? t(`dispatch.leaveKind.${kind as (typeof LEAVE_KINDS)[number]}`) : kind;
}

/** A refusal the board explains: 422 `dispatch.ineligible` (reasons) or another 422 rule (its detail). */
export interface Refusal {
  title: string;
  reasons: string[];
  detail: string | null;
}

/** The refusal in an API error, or null when the error is not a refusal (the caller shows it otherwise). */
export function refusalOf(t: TFunction, error: unknown, context: { number: string }): Refusal | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const problem = error.problem as IneligibleProblem;
  const reasons = Array.isArray(problem.reasons) ? problem.reasons.map((r) => reasonText(t, r)) : [];
  // Accepting a plan names the order it stopped at.
  const number = context.number || (typeof problem.number === 'string' ? problem.number : '');
  const title = problem.technicianName
    ? t('dispatch.refusal.titleFor', { number, name: problem.technicianName })
    : t('dispatch.refusal.title', { number });
  return { title, reasons, detail: error.detail ?? (error.title || null) };
}
