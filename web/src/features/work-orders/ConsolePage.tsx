import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Result, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { WorkOrder } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useCustomer } from '../customers/api.ts';
import { CustomerContext } from './CustomerContext.tsx';
import { CustomerLookup } from './CustomerLookup.tsx';
import { IntakeForm, type IntakeValues } from './IntakeForm.tsx';
import { useWorkOrders } from './api.ts';

/**
 * The agent console, made for a call in progress: find the caller's customer, see what is
 * already open for them, take the report down and hand it on (P4.1.2).
 */
export default function ConsolePage() {
  const { t } = useTranslation();
  const user = useUser();
  const url = useUrlFilters();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const customerId = url.get('customer') ?? null;
  const [form] = Form.useForm<IntakeValues>();
  const [duplicateOfId, setDuplicateOfId] = useState<string | null>(null);
  const [created, setCreated] = useState<WorkOrder | null>(null);
  const customer = useCustomer(customerId);
  const open = useWorkOrders({ customerId: customerId ?? undefined, state: 'open' }, { limit: 20, enabled: Boolean(customerId) });
  if (user.role === 'customer') return <Navigate to="/portal" replace />;

  const pick = (id: string | null) => {
    url.set({ customer: id });
    setDuplicateOfId(null);
    setCreated(null);
    form.resetFields();
  };
  const duplicate = duplicateOfId ? (open.items.find((o) => o.id === duplicateOfId) ?? null) : null;

  return (
    <>
      <PageHeader title={t('console.title')} subtitle={t('console.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {customerId ? (
            <CustomerContext
              customerId={customerId}
              duplicateOfId={duplicateOfId}
              onChange={() => pick(null)}
              onPickContact={(contact) => {
                form.setFieldsValue({ contactId: contact.id });
                if (!form.getFieldValue('reporterName')) form.setFieldsValue({ reporterName: contact.name, reporterPhone: contact.phone ?? undefined });
              }}
              onPickSite={(siteId) => form.setFieldsValue({ siteId })}
              onPickProduct={(product) => form.setFieldsValue({ productId: product.id, ...(product.siteId ? { siteId: product.siteId } : {}) })}
              onLinkDuplicate={setDuplicateOfId}
            />
          ) : (
            <CustomerLookup onPick={pick} />
          )}
        </Col>
        <Col xs={24} lg={14}>
          {created ? (
            <Result
              status="success"
              title={t('console.createdTitle', { number: created.number })}
              subTitle={created.assignee ? t('console.createdAssigned', { name: created.assignee.name }) : created.team ? t('console.createdPublished', { team: created.team.name }) : t('console.createdWaiting')}
              extra={[
                <Button
                  key="open"
                  type="primary"
                  href={`/work-orders/${created.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/work-orders/${created.id}`);
                  }}
                  data-testid="wo-created-link"
                >
                  {t('console.openOrder', { number: created.number })}
                </Button>,
                <Button
                  key="again"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    setCreated(null);
                    setDuplicateOfId(null);
                    form.resetFields();
                  }}
                  data-testid="console-another"
                >
                  {t('console.anotherReport')}
                </Button>,
                <Button key="next" onClick={() => pick(null)} data-testid="console-next-call">
                  {t('console.nextCall')}
                </Button>,
              ]}
              data-testid="wo-created"
            />
          ) : customerId ? (
            customer.data ? (
              <IntakeForm
                form={form}
                customer={customer.data}
                duplicateOf={duplicate ? { id: duplicate.id, number: duplicate.number } : null}
                onClearDuplicate={() => setDuplicateOfId(null)}
                onCreated={setCreated}
              />
            ) : customer.isPending ? (
              <PageSpinner />
            ) : null
          ) : mobile ? null : (
            <Result status="info" title={t('console.pickFirst')} subTitle={t('console.pickFirstHint')} />
          )}
        </Col>
      </Row>
    </>
  );
}

