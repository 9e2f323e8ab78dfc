import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { todayInCompany } from '../../lib/time.ts';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import '../../locales/dispatch.ts';
import { useCalendarYear, useSettings } from '../settings/api.ts';
import { useLeave, useShifts, useTeamTechnicians, useWorkingTimeTeams } from './api.ts';
import { LeaveList } from './LeaveList.tsx';
import { LeaveModal } from './LeaveModal.tsx';
import { ShiftModal, type ShiftTarget } from './ShiftModal.tsx';
import { WeekGrid } from './WeekGrid.tsx';
import { asDefaultShift, asWeekdays, dayShift, instantAt, isWorkingDay, mondayOf, settingValueOn, weekOf } from './week.ts';

/**
 * Shifts and leave (issue 5 point 1): the simple working-time records dispatch reads until the
 * attendance and leave module owns them. One team, one week: each technician's day shows its
 * shift record, else the default shift (setting dispatch.defaultShift) on working days, and leave.
 */
export default function WorkingTimePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const timeZone = useCompanyTimeZone();
  const filters = useUrlFilters();
  const teams = useWorkingTimeTeams();
  const teamId = filters.get('team') ?? teams.data?.[0]?.id;
  const today = todayInCompany();
  const monday = mondayOf(filters.get('week') ?? today);
  const days = useMemo(() => weekOf(monday), [monday]);
  const from = days[0]!;
  const to = days[6]!;

  const technicians = useTeamTechnicians(teamId);
  const shifts = useShifts(teamId, from, to);
  const leave = useLeave(teamId, from, to);
  const settings = useSettings(can('settings.read'));
  const calendarFrom = useCalendarYear(Number(from.slice(0, 4)));
  const calendarTo = useCalendarYear(Number(to.slice(0, 4)));

  const [editing, setEditing] = useState<ShiftTarget | null>(null);
  const [addingLeave, setAddingLeave] = useState(false);

  const setting = useCallback((key: string) => settings.data?.items.find((s) => s.key === key), [settings.data]);
  const defaultsOn = useCallback((day: string) => asDefaultShift(settingValueOn(setting('dispatch.defaultShift'), day)), [setting]);
  const calendar = useMemo(() => [...(calendarFrom.data?.items ?? []), ...(calendarTo.data?.items ?? [])], [calendarFrom.data, calendarTo.data]);
  const workingOn = useCallback(
    (day: string): boolean | null => {
      const weekdays = asWeekdays(settingValueOn(setting('sla.workingHours'), day));
      if (!weekdays || !calendarFrom.data || !calendarTo.data) return null;
      return isWorkingDay(day, weekdays, calendar);
    },
    [setting, calendar, calendarFrom.data, calendarTo.data],
  );
  const shiftOf = useCallback(
    (employeeId: string, day: string) =>
      dayShift(
        shifts.data?.find((s) => s.employeeId === employeeId && s.day === day),
        workingOn(day),
        defaultsOn(day),
      ),
    [shifts.data, workingOn, defaultsOn],
  );

  const reload = () => {
    void shifts.refetch();
    void leave.refetch();
  };
  const techs = technicians.data ?? [];
  const nameOf = (id: string) => techs.find((e) => e.id === id)?.name ?? '—';
  const leaveDay = days.includes(today) ? today : from;
  const leaveDefaults = defaultsOn(leaveDay);

  const weekNav = (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label={t('workingTime.previousWeek')} onClick={() => filters.set({ week: dayjs(monday).subtract(7, 'day').format('YYYY-MM-DD') })} data-testid="wt-week-prev" />
      <DatePicker
        allowClear={false}
        value={dayjs(monday)}
        format={() => `${from} ~ ${to.slice(5)}`}
        onChange={(d) => d && filters.set({ week: mondayOf(d.format('YYYY-MM-DD')) })}
        style={{ width: 190 }}
        data-testid="wt-week"
      />
      <Button icon={<RightOutlined />} aria-label={t('workingTime.nextWeek')} onClick={() => filters.set({ week: dayjs(monday).add(7, 'day').format('YYYY-MM-DD') })} data-testid="wt-week-next" />
      <Button onClick={() => filters.set({ week: null })} disabled={days.includes(today)} data-testid="wt-week-today">
        {t('workingTime.thisWeek')}
      </Button>
    </Space.Compact>
  );

  return (
    <>
      <PageHeader
        title={t('workingTime.title')}
        subtitle={t('workingTime.subtitle')}
        extra={
          <>
            <Select
              value={teamId}
              onChange={(value: string) => filters.set({ team: value })}
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              loading={teams.isPending}
              placeholder={t('workingTime.team')}
              aria-label={t('workingTime.team')}
              style={{ minWidth: 180 }}
              data-testid="wt-team"
            />
            {weekNav}
            <Button type="primary" icon={<PlusOutlined />} disabled={!teamId || techs.length === 0} onClick={() => setAddingLeave(true)} data-testid="wt-add-leave">
              {t('workingTime.leave.add')}
            </Button>
          </>
        }
      />
      {!teams.isPending && (teams.data ?? []).length === 0 ? (
        <Empty description={t('workingTime.noTeams')} />
      ) : (
        <Flex vertical gap={16}>
          <WeekGrid
            days={days}
            today={today}
            technicians={techs}
            loading={technicians.isPending || shifts.isPending || leave.isPending}
            error={technicians.error ?? shifts.error ?? leave.error}
            onRetry={() => {
              void technicians.refetch();
              reload();
            }}
            shiftOf={shiftOf}
            leave={leave.data ?? []}
            onPick={(employee: Employee, day: string) =>
              setEditing({ employee, day, record: shifts.data?.find((s) => s.employeeId === employee.id && s.day === day) })
            }
          />
          <LeaveList leave={leave.data ?? []} nameOf={nameOf} />
        </Flex>
      )}
      {editing ? <ShiftModal target={editing} defaults={defaultsOn(editing.day)} onClose={() => setEditing(null)} onReload={reload} /> : null}
      {addingLeave ? (
        <LeaveModal
          technicians={techs}
          initial={{
            startsAt: instantAt(leaveDay, leaveDefaults?.start ?? '08:30', timeZone),
            endsAt: instantAt(leaveDay, leaveDefaults?.end ?? '17:30', timeZone),
          }}
          onClose={() => setAddingLeave(false)}
          onReload={reload}
        />
      ) : null}
    </>
  );
}
