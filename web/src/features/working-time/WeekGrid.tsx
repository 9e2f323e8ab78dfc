import { HomeOutlined } from '@ant-design/icons';
import { Flex, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useLabels } from '../../components/labels.ts';
import { currentLocale } from '../../app/i18n.ts';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import type { LeaveRecord } from '../dispatch/types.ts';
import { clockOf, type DayShift, leaveOn } from './week.ts';

const TODAY_BG = 'rgba(22, 119, 255, 0.06)';

/** A date's weekday and month-day in the UI language, e.g. "Mon 11-30" / "周一 11-30". */
function dayTitle(day: string): string {
  const weekday = new Intl.DateTimeFormat(currentLocale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return `${weekday} ${day.slice(5)}`;
}

function ShiftText({ shift }: { shift: DayShift }) {
  const { t } = useTranslation();
  const timeZone = useCompanyTimeZone();
  switch (shift.kind) {
    case 'record': {
      const r = shift.record;
      return (
        <Flex gap={4} align="center" wrap>
          <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="wt-shift-record">
            {r.startsAt && r.endsAt ? `${clockOf(r.startsAt, timeZone)}–${clockOf(r.endsAt, timeZone)}` : t('workingTime.cell.shift')}
          </Tag>
          {r.startsFrom === 'home' || r.endsAtPlace === 'home' ? (
            <Tooltip
              title={[r.startsFrom === 'home' ? t('workingTime.cell.startsHome') : null, r.endsAtPlace === 'home' ? t('workingTime.cell.endsHome') : null]
                .filter(Boolean)
                .join(' · ')}
            >
              <HomeOutlined aria-label={t('workingTime.place.home')} />
            </Tooltip>
          ) : null}
        </Flex>
      );
    }
    case 'off':
      return (
        <Tag style={{ marginInlineEnd: 0 }} data-testid="wt-shift-off-tag">
          {t('workingTime.cell.off')}
        </Tag>
      );
    case 'default':
      return (
        <Flex vertical data-testid="wt-shift-default">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workingTime.cell.default')}
          </Typography.Text>
          {shift.shift ? <Typography.Text type="secondary">{`${shift.shift.start}–${shift.shift.end}`}</Typography.Text> : null}
        </Flex>
      );
    case 'rest':
      return (
        <Typography.Text type="secondary" data-testid="wt-shift-rest">
          {t('workingTime.cell.rest')}
        </Typography.Text>
      );
  }
}

function DayCell({ shift, leave, onClick, testId }: { shift: DayShift; leave: { record: LeaveRecord; hours: number }[]; onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={testId}
      data-kind={shift.kind}
      style={{
        display: 'block',
        width: '100%',
        minHeight: 48,
        padding: '4px 6px',
        border: '1px dashed transparent',
        borderRadius: 6,
        background: 'transparent',
        textAlign: 'start',
        cursor: 'pointer',
        font: 'inherit',
      }}
      onMouseEnter={(e) => {
        e.currentTarget.style.borderColor = '#91caff';
      }}
      onMouseLeave={(e) => {
        e.currentTarget.style.borderColor = 'transparent';
      }}
    >
      <Flex vertical gap={4} align="flex-start">
        <ShiftText shift={shift} />
        {leave.map(({ record, hours }) => (
          <Tag key={record.id} color="orange" style={{ marginInlineEnd: 0 }} data-testid="wt-leave-tag">
            {hours >= 24
              ? t('workingTime.cell.leaveAllDay', { kind: t(`workingTime.leaveKind.${record.kind}`) })
              : t('workingTime.cell.leave', { kind: t(`workingTime.leaveKind.${record.kind}`), hours })}
          </Tag>
        ))}
      </Flex>
    </button>
  );
}

interface WeekGridProps {
  days: string[];
  today: string;
  technicians: Employee[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  shiftOf: (employeeId: string, day: string) => DayShift;
  leave: LeaveRecord[];
  onPick: (employee: Employee, day: string) => void;
}

/** Technicians × the seven days of a week: each day's shift (record, default, off) and leave. */
export function WeekGrid({ days, today, technicians, loading, error, onRetry, shiftOf, leave, onPick }: WeekGridProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const timeZone = useCompanyTimeZone();
  const columns: TableColumnsType<Employee> = [
    {
      title: t('workingTime.technician'),
      key: 'technician',
      fixed: 'left',
      width: 150,
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text strong>{e.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labels.position(e.position)}
          </Typography.Text>
        </Flex>
      ),
    },
    ...days.map((day) => ({
      title: <span style={day === today ? { fontWeight: 700, color: '#1677ff' } : undefined}>{dayTitle(day)}</span>,
      key: day,
      width: 130,
      onCell: () => ({ style: day === today ? { background: TODAY_BG, padding: 4 } : { padding: 4 } }),
      render: (_: unknown, e: Employee) => (
        <DayCell shift={shiftOf(e.id, day)} leave={leaveOn(leave, e.id, day, timeZone)} onClick={() => onPick(e, day)} testId={`wt-cell-${e.id}-${day}`} />
      ),
    })),
  ];
  return (
    <div data-testid="wt-grid">
      <DataTable<Employee>
      rowKey="id"
      columns={columns}
      dataSource={technicians}
      loading={loading}
      error={error}
      onRetry={onRetry}
      bordered
      locale={{ emptyText: t('workingTime.noTechnicians') }}
      />
    </div>
  );
}
