import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { todayInCompany } from '../../../lib/time.ts';
import { useAppraisalTeams } from '../hr-api.ts';
import { previousMonth } from './helpers.ts';

// The filters HR's tabs share, kept in the URL: the month a tab lists and the team.

type UrlFilters = ReturnType<typeof useUrlFilters>;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month in the URL (`month`, YYYY-MM), last month when there is none or it is not a month. */
export function monthOf(filters: UrlFilters): string {
  const requested = filters.get('month');
  return requested && MONTH.test(requested) ? requested : previousMonth(todayInCompany());
}

export function MonthFilter({ filters, testId }: { filters: UrlFilters; testId: string }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${monthOf(filters)}-01`)}
      onChange={(d) => d && filters.set({ month: d.format('YYYY-MM') })}
      aria-label={t('appraisalHr.month')}
      data-testid={testId}
    />
  );
}

/** The team in the URL (`team`); cleared: all teams the user may see. */
export function TeamFilter({ filters, testId }: { filters: UrlFilters; testId: string }) {
  const { t } = useTranslation();
  const teams = useAppraisalTeams();
  return (
    <Select
      allowClear
      value={filters.get('team')}
      onChange={(value?: string) => filters.set({ team: value ?? null })}
      placeholder={t('appraisalHr.allTeams')}
      aria-label={t('appraisalHr.team')}
      style={{ minWidth: 160 }}
      options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
      data-testid={testId}
    />
  );
}
