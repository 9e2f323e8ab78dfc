import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import '../../locales/appraisal.ts';
import { AppealsTab } from './hr/AppealsTab.tsx';
import { AppliedTab } from './hr/AppliedTab.tsx';
import { ExcusesTab } from './hr/ExcusesTab.tsx';
import { FormsTab } from './hr/FormsTab.tsx';
import { GrowthTab } from './hr/GrowthTab.tsx';
import { PeriodsTab } from './hr/PeriodsTab.tsx';
import { ResultsTab } from './hr/ResultsTab.tsx';

const TABS = ['periods', 'results', 'appeals', 'forms', 'growth', 'excuses', 'applied'] as const;
type Tab = (typeof TABS)[number];

const CONTENT: Record<Tab, () => ReactNode> = {
  periods: () => <PeriodsTab />,
  results: () => <ResultsTab />,
  appeals: () => <AppealsTab />,
  forms: () => <FormsTab />,
  growth: () => <GrowthTab />,
  excuses: () => <ExcusesTab />,
  applied: () => <AppliedTab />,
};

/**
 * HR's appraisal desk (issue 6, P5.2-P5.4): periods and their cycle, the composite and its
 * calibration, appeals, the evaluation forms, growth records, excused arrivals, and the results applied.
 */
export default function AppraisalHrPage() {
  const { t } = useTranslation();
  useCompanyTimeZone();
  const filters = useUrlFilters();
  const tab = oneOf(filters.get('tab'), TABS) ?? 'periods';
  return (
    <>
      <PageHeader title={t('appraisalHr.title')} subtitle={t('appraisalHr.subtitle')} />
      <Tabs
        activeKey={tab}
        // an open result belongs to the tab it was opened from
        onChange={(key) => filters.set({ tab: key === 'periods' ? null : key, result: null })}
        destroyOnHidden
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`hr-tab-${key}`}>{t(`appraisalHr.tab.${key}`)}</span>,
          children: CONTENT[key](),
        }))}
      />
    </>
  );
}
