import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import '../../locales/field.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { CatalogueTab } from './CatalogueTab.tsx';
import { MovementsTab } from './MovementsTab.tsx';
import { StockTab } from './StockTab.tsx';

const TABS = ['catalogue', 'stock', 'movements'] as const;

/** Parts and stock (P4.3.1): the catalogue, stock per location, the ledger. */
export default function PartsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const url = useUrlFilters();
  const tab = oneOf(url.get('tab'), TABS) ?? 'catalogue';
  const items = [
    { key: 'catalogue', label: t('stock.tabCatalogue'), children: <CatalogueTab /> },
    { key: 'stock', label: t('stock.tabStock'), children: <StockTab /> },
    ...(can('stock.manage') ? [{ key: 'movements', label: t('stock.tabMovements'), children: <MovementsTab /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('stock.title')} />
      <Tabs
        activeKey={tab}
        destroyOnHidden
        // A tab keeps its own filters: switching starts afresh.
        onChange={(key) => url.set({ tab: key === 'catalogue' ? null : key, q: null, model: null, status: null, location: null, part: null })}
        items={items}
        data-testid="parts-tabs"
      />
    </>
  );
}
