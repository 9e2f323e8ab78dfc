// Feedback to the departments concerned (P4.4.3, P2.1.3, P2.2.2, P2.3.4): its vocabulary and
// the status machine a department moves a record through. Pure: no I/O.

export const FEEDBACK_KINDS = ['defect', 'suggestion', 'opinion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Who the problem or opinion came from: the technician's own finding, or the customer (P2.1.3, P2.3.4). */
export const FEEDBACK_SOURCES = ['technician', 'customer'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const FEEDBACK_DEPARTMENTS = ['product', 'quality'] as const;
export type FeedbackDepartment = (typeof FEEDBACK_DEPARTMENTS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FEEDBACK_STATUSES = ['received', 'investigating', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_ACTIONS = ['investigate', 'answer', 'close'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

// P4.4.3: each record is tracked received -> investigating -> answered -> closed; a department
// may answer at once without a separate investigation step.
const MOVES: Record<FeedbackAction, { from: readonly FeedbackStatus[]; to: FeedbackStatus }> = {
  investigate: { from: ['received'], to: 'investigating' },
  answer: { from: ['received', 'investigating'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
};

/** The actions possible in a status, in the order a department takes them. */
export function allowedFeedbackActions(status: FeedbackStatus): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => MOVES[a].from.includes(status));
}

/** The status an action leads to from `status`, or null when the move is not allowed. */
export function nextFeedbackStatus(status: FeedbackStatus, action: FeedbackAction): FeedbackStatus | null {
  return MOVES[action].from.includes(status) ? MOVES[action].to : null;
}

/** P4.4.3 routing: a defect or quality problem goes to quality, a suggestion or opinion to product. */
export function defaultDepartment(kind: FeedbackKind): FeedbackDepartment {
  return kind === 'defect' ? 'quality' : 'product';
}

/** Feedback numbers like FB-20261126-0007 (the company's date it was raised, then the day's sequence). */
export function formatFeedbackNumber(companyDate: string, sequence: number): string {
  return `FB-${companyDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

/** A problem the customer raised is followed up until handled (P4.4.3). */
export function needsFollowUp(source: FeedbackSource): boolean {
  return source === 'customer';
}

/** The calendar months from `from` to `to` (YYYY-MM-DD, inclusive) as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
