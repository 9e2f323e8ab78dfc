import { Col, Row, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorTable } from '../../components/DataTable.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { formatInstant } from '../../lib/time.ts';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import { useLocations, useMovements } from './api.ts';
import { locationLabel } from './labels.ts';
import { PartPicker } from './PartPicker.tsx';
import type { MovementKind, StockMovement } from './types.ts';

function useKindLabel() {
  const { t } = useTranslation();
  const labels: Record<MovementKind, string> = {
    receive: t('stock.movement.receive'),
    adjust: t('stock.movement.adjust'),
    reserve: t('stock.movement.reserve'),
    release: t('stock.movement.release'),
    issue: t('stock.movement.issue'),
    consume: t('stock.movement.consume'),
    return: t('stock.movement.return'),
    transfer: t('stock.movement.transfer'),
  };
  return (kind: MovementKind) => labels[kind];
}

/** The stock ledger (P4.3.1): every change of stock, newest first, per part or per location. */
export function MovementsTab() {
  const { t } = useTranslation();
  useCompanyTimeZone();
  const kindLabel = useKindLabel();
  const url = useUrlFilters();
  const locations = useLocations();
  const filters = { partId: url.get('part'), locationId: url.get('location') };
  const list = useMovements(filters);

  const columns: TableColumnsType<StockMovement> = [
    { title: t('stock.at'), key: 'at', render: (_, m) => formatInstant(m.at) },
    { title: t('stock.kind'), key: 'kind', render: (_, m) => kindLabel(m.kind) },
    { title: t('stock.part'), key: 'part', render: (_, m) => `${m.part.partNo} · ${m.part.name}` },
    { title: t('stock.quantity'), dataIndex: 'quantity', key: 'quantity', align: 'right' },
    { title: t('stock.from'), key: 'from', render: (_, m) => locationLabel(t, m.from) },
    { title: t('stock.to'), key: 'to', render: (_, m) => locationLabel(t, m.to) },
    { title: t('stock.workOrder'), key: 'order', render: (_, m) => (m.workOrder ? <Link to={`/work-orders/${m.workOrder.id}`}>{m.workOrder.number}</Link> : '') },
    { title: t('stock.by'), dataIndex: 'actorLabel', key: 'by' },
    { title: t('stock.note'), dataIndex: 'note', key: 'note' },
  ];

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={10}>
          <PartPicker value={filters.partId ?? null} onChange={(part) => url.set({ part })} data-testid="movements-part" />
        </Col>
        <Col xs={24} md={8}>
          <Select
            allowClear
            style={{ width: '100%' }}
            value={filters.locationId}
            onChange={(location) => url.set({ location })}
            options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: locationLabel(t, l) }))}
            placeholder={t('stock.anyLocation')}
            data-testid="movements-location"
          />
        </Col>
      </Row>
      <CursorTable<StockMovement> rowKey="id" columns={columns} list={list} />
    </>
  );
}
