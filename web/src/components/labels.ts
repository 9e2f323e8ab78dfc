import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALENDAR_DAY_KINDS,
  CATEGORIES,
  type CalendarDayKind,
  type Category,
  CHANNELS,
  COMMENT_KINDS,
  CUSTOMER_KINDS,
  type Channel,
  type CustomerKind,
  DEPARTMENTS,
  type Department,
  HOLD_REASONS,
  NOTIFICATION_EVENTS,
  POSITIONS,
  PRIORITIES,
  type Position,
  type Priority,
  ROLES,
  type RecordStatus,
  type Role,
  SLA_CLOCKS,
  SLA_STATUSES,
  type SlaClock,
  type SlaStatus,
  WO_ACTIONS,
  WO_EVENTS,
  WO_STATES,
  type WoAction,
  type WoState,
} from '../api/types.ts';
import { CUSTOMER_STEPS } from '../features/portal/progress.ts';
import '../locales/workOrders.ts';

/**
 * Labels of the contract's enumerations. Keys are built as `<prefix>.<value>`;
 * locales.test.ts checks every value of each enumeration has a label in both languages.
 */
export const ENUM_LABEL_PREFIXES = {
  position: POSITIONS,
  role: ROLES,
  department: DEPARTMENTS,
  customerKind: CUSTOMER_KINDS,
  status: ['active', 'inactive', 'all'],
  woState: WO_STATES,
  woAction: WO_ACTIONS,
  woEvent: WO_EVENTS,
  priority: PRIORITIES,
  category: CATEGORIES,
  channel: CHANNELS,
  slaStatus: SLA_STATUSES,
  slaClock: SLA_CLOCKS,
  holdReason: HOLD_REASONS,
  commentKind: COMMENT_KINDS,
  notificationEvent: NOTIFICATION_EVENTS,
  calendarDayKind: CALENDAR_DAY_KINDS,
  customerStep: CUSTOMER_STEPS,
} as const;

/** `value`'s label when the enumeration knows it, else the value itself (a newer server's word). */
function known<T extends string>(values: readonly T[], value: string, label: (v: T) => string): string {
  return (values as readonly string[]).includes(value) ? label(value as T) : value;
}

export function useLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const position = (value: Position) => t(`position.${value}`);
    const role = (value: Role) => t(`role.${value}`);
    const department = (value: Department) => t(`department.${value}`);
    const customerKind = (value: CustomerKind) => t(`customerKind.${value}`);
    const status = (value: RecordStatus | 'all') => t(`status.${value}`);
    const woState = (value: WoState | string) => known(WO_STATES, value, (v) => t(`woState.${v}`));
    const woAction = (value: WoAction) => t(`woAction.${value}`);
    const woEvent = (value: string) => known(WO_EVENTS, value, (v) => t(`woEvent.${v}`));
    const priority = (value: Priority) => t(`priority.${value}`);
    const category = (value: Category) => t(`category.${value}`);
    const channel = (value: Channel) => t(`channel.${value}`);
    const slaStatus = (value: SlaStatus) => t(`slaStatus.${value}`);
    const slaClock = (value: SlaClock) => t(`slaClock.${value}`);
    const holdReason = (value: string) => known(HOLD_REASONS, value, (v) => t(`holdReason.${v}`));
    const commentKind = (value: string) => known(COMMENT_KINDS, value, (v) => t(`commentKind.${v}`));
    const notificationEvent = (value: string) => known(NOTIFICATION_EVENTS, value, (v) => t(`notificationEvent.${v}`));
    const calendarDayKind = (value: CalendarDayKind) => t(`calendarDayKind.${value}`);
    return {
      position,
      role,
      department,
      customerKind,
      status,
      woState,
      woAction,
      woEvent,
      priority,
      category,
      channel,
      slaStatus,
      slaClock,
      holdReason,
      commentKind,
      notificationEvent,
      calendarDayKind,
      positionOptions: POSITIONS.map((value) => ({ value, label: position(value) })),
      roleOptions: ROLES.map((value) => ({ value, label: role(value) })),
      departmentOptions: DEPARTMENTS.map((value) => ({ value, label: department(value) })),
      customerKindOptions: CUSTOMER_KINDS.map((value) => ({ value, label: customerKind(value) })),
      statusOptions: (['active', 'inactive', 'all'] as const).map((value) => ({ value, label: status(value) })),
      woStateOptions: WO_STATES.map((value) => ({ value, label: woState(value) })),
      priorityOptions: PRIORITIES.map((value) => ({ value, label: priority(value) })),
      categoryOptions: CATEGORIES.map((value) => ({ value, label: category(value) })),
      staffChannelOptions: CHANNELS.filter((c) => c !== 'portal').map((value) => ({ value, label: channel(value) })),
      holdReasonOptions: HOLD_REASONS.map((value) => ({ value, label: holdReason(value) })),
    };
  }, [t]);
}
