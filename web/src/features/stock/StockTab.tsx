import { Button, Col, Row, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { CursorTable } from '../../components/DataTable.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useLevels, useLocations } from './api.ts';
import { locationLabel } from './labels.ts';
import { formatFen } from './money.ts';
import { AdjustModal, ReceiveModal, TransferModal } from './StockForms.tsx';
import type { StockLevel, StockLocation } from './types.ts';

type Dialog = { kind: 'receive' } | { kind: 'transfer'; employeeId?: string } | { kind: 'adjust'; location: StockLocation; partId?: string };

/** Stock levels per location (P4.3.1): on hand, reserved, available; the manager's receive, adjust, transfer. */
export function StockTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('stock.manage');
  const url = useUrlFilters();
  const locations = useLocations();
  const locationId = url.get('location') ?? locations.data?.items[0]?.id;
  const q = url.get('q');
  const list = useLevels(locationId, q);
  const location = locations.data?.items.find((l) => l.id === locationId) ?? null;
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const columns: TableColumnsType<StockLevel> = [
    { title: t('stock.partNo'), key: 'partNo', render: (_, l) => l.part.partNo },
    { title: t('stock.partName'), key: 'name', render: (_, l) => l.part.name },
    { title: t('stock.onHand'), dataIndex: 'onHand', key: 'onHand', align: 'right' },
    { title: t('stock.reserved'), dataIndex: 'reserved', key: 'reserved', align: 'right' },
    { title: t('stock.available'), dataIndex: 'available', key: 'available', align: 'right' },
    { title: t('stock.value'), key: 'value', align: 'right', render: (_, l) => formatFen(l.onHand * l.part.unitCostFen) },
    ...(manage && location
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, l: StockLevel) => (
              <Button size="small" onClick={() => setDialog({ kind: 'adjust', location, partId: l.part.id })} data-testid={`stock-adjust-${l.part.partNo}`}>
                {t('stock.adjust')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  if (locations.error) return <QueryError error={locations.error} onRetry={() => void locations.refetch()} />;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Select
            style={{ width: '100%' }}
            loading={locations.isPending}
            value={locationId}
            onChange={(value) => url.set({ location: value })}
            options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: locationLabel(t, l) }))}
            placeholder={t('stock.noLocations')}
            data-testid="stock-location"
          />
        </Col>
        <Col xs={24} md={8}>
          <SearchBox value={q ?? ''} onSearch={(value) => url.set({ q: value })} placeholder={t('stock.searchParts')} data-testid="stock-search" />
        </Col>
        {manage ? (
          <Col xs={24} md={8} style={{ textAlign: 'right' }}>
            <Space wrap>
              <Button type="primary" onClick={() => setDialog({ kind: 'receive' })} data-testid="stock-receive">
                {t('stock.receive')}
              </Button>
              <Button onClick={() => setDialog({ kind: 'transfer', employeeId: location?.employee?.id })} data-testid="stock-transfer">
                {t('stock.transfer')}
              </Button>
              {location ? (
                <Button onClick={() => setDialog({ kind: 'adjust', location })} data-testid="stock-adjust">
                  {t('stock.adjust')}
                </Button>
              ) : null}
            </Space>
          </Col>
        ) : null}
      </Row>
      <CursorTable<StockLevel> rowKey={(l) => l.part.id} columns={columns} list={list} />
      {dialog?.kind === 'receive' ? <ReceiveModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'transfer' ? <TransferModal employeeId={dialog.employeeId} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'adjust' ? <AdjustModal location={dialog.location} partId={dialog.partId} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
