import { Col, DatePicker, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { UserPicker } from '../../components/pickers.tsx';
import { fromDateString, toDateString } from '../../lib/time.ts';
import { FreeTextFilter } from './FreeTextFilter.tsx';

/** Suggestions only: the audit trail accepts any entity type or action. */
const ENTITY_TYPES = [
  'employee',
  'team',
  'customer',
  'customer_contact',
  'customer_site',
  'installed_product',
  'user',
  'api_token',
  'setting',
  'audit_log',
];
const ACTIONS = [
  'employee.create',
  'employee.update',
  'employee.deactivate',
  'employee.reactivate',
  'team.create',
  'team.update',
  'customer.create',
  'customer.update',
  'customer.deactivate',
  'user.create',
  'user.update',
  'user.password_reset',
  'user.password_change',
  'user.locale',
  'setting.schedule',
  'api_token.issue',
  'api_token.revoke',
  'auth.locked',
  'audit.export',
];

export function AuditFiltersBar({ filters, onChange }: { filters: AuditFilters; onChange: (patch: Partial<AuditFilters>) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const from = fromDateString(filters.from);
  const to = fromDateString(filters.to);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6} lg={4}>
        <FreeTextFilter
          value={filters.entityType}
          onChange={(entityType) => onChange({ entityType })}
          suggestions={ENTITY_TYPES}
          placeholder={t('audit.entityType')}
          data-testid="audit-filter-entity-type"
        />
      </Col>
      <Col xs={12} md={6} lg={5}>
        <Input.Search
          allowClear
          defaultValue={filters.entityId}
          placeholder={t('audit.entityId')}
          onSearch={(value) => onChange({ entityId: value.trim() || undefined })}
          data-testid="audit-filter-entity-id"
        />
      </Col>
      <Col xs={12} md={6} lg={5}>
        {can('users.manage') ? (
          <UserPicker value={filters.actorUserId} onChange={(value) => onChange({ actorUserId: value ?? undefined })} placeholder={t('audit.actor')} />
        ) : (
          <Input.Search
            allowClear
            defaultValue={filters.actorUserId}
            placeholder={t('audit.actorId')}
            onSearch={(value) => onChange({ actorUserId: value.trim() || undefined })}
          />
        )}
      </Col>
      <Col xs={12} md={6} lg={4}>
        <FreeTextFilter
          value={filters.action}
          onChange={(action) => onChange({ action })}
          suggestions={ACTIONS}
          placeholder={t('audit.action')}
          data-testid="audit-filter-action"
        />
      </Col>
      <Col xs={24} md={12} lg={6}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          allowEmpty={[true, true]}
          value={[from ?? null, to ?? null]}
          onChange={(range) =>
            onChange({ from: toDateString(range?.[0]) ?? undefined, to: toDateString(range?.[1]) ?? undefined })
          }
          data-testid="audit-filter-dates"
        />
      </Col>
    </Row>
  );
}
