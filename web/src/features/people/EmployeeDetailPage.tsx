import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Rate, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Certificate, Employee } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useDeactivateEmployee, useEmployee, useReactivateEmployee } from './api.ts';
import { EmployeeFormDrawer } from './EmployeeFormDrawer.tsx';

export default function EmployeeDetailPage() {
  const { id = '' } = useParams();
  const query = useEmployee(id);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <EmployeeDetail employee={query.data} onReload={() => void query.refetch()} />;
}

function EmployeeDetail({ employee: e, onReload }: { employee: Employee; onReload: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const mobile = useIsMobile();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);
  const deactivate = useDeactivateEmployee(e.id);
  const reactivate = useReactivateEmployee(e.id);

  const onReactivate = () =>
    modal.confirm({
      title: t('people.reactivateConfirm', { name: e.name }),
      okText: t('people.reactivate'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await reactivate.mutateAsync({ version: e.version });
          message.success(t('people.reactivated'));
        } catch (error) {
          showError(error, { onReload });
        }
      },
    });

  return (
    <>
      <PageHeader
        back="/people"
        title={
          <Space>
            {e.name}
            <StatusTag status={e.status} />
          </Space>
        }
        subtitle={`${e.employeeNo} · ${labels.position(e.position)}`}
        extra={
          <>
            {e.abilities.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="employee-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {e.abilities.deactivate ? (
              <Button danger icon={<StopOutlined />} onClick={() => setDeactivating(true)} data-testid="employee-deactivate">
                {t('people.deactivate')}
              </Button>
            ) : null}
            {e.abilities.reactivate ? (
              <Button icon={<UndoOutlined />} onClick={onReactivate} data-testid="employee-reactivate">
                {t('people.reactivate')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('people.details')} size={mobile ? 'small' : 'medium'}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('people.employeeNo')}>{e.employeeNo}</Descriptions.Item>
            <Descriptions.Item label={t('people.position')}>{labels.position(e.position)}</Descriptions.Item>
            <Descriptions.Item label={t('people.grade')}>{e.grade}</Descriptions.Item>
            <Descriptions.Item label={t('people.team')}>{e.team?.name ?? t('people.noTeam')}</Descriptions.Item>
            <Descriptions.Item label={t('people.supervisor')}>
              {e.supervisor ? <Link to={`/people/${e.supervisor.id}`}>{e.supervisor.name}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.hireDate')}>{e.hireDate}</Descriptions.Item>
            <Descriptions.Item label={t('people.priorExperienceMonths')}>{e.priorExperienceMonths}</Descriptions.Item>
            <Descriptions.Item label={t('people.serviceYears')}>{t('people.years', { value: e.serviceYears.toFixed(1) })}</Descriptions.Item>
            <Descriptions.Item label={t('common.phone')}>{e.phone ? <a href={`tel:${e.phone}`}>{e.phone}</a> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.email')}>{e.email ? <a href={`mailto:${e.email}`}>{e.email}</a> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <StatusTag status={e.status} />
            </Descriptions.Item>
            {e.status === 'inactive' ? (
              <>
                <Descriptions.Item label={t('people.deactivatedAt')}>{formatInstant(e.deactivatedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('people.deactivationReason')}>{e.deactivationReason}</Descriptions.Item>
              </>
            ) : null}
          </Descriptions>
        </Card>

        <Card title={t('people.skills')} size={mobile ? 'small' : 'medium'}>
          {e.skills.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noSkills')} />
          ) : (
            <Flex vertical gap={8}>
              {e.skills.map((s) => (
                <Flex key={s.skill} align="center" gap={12} wrap>
                  <Typography.Text style={{ minWidth: 120 }}>{s.skill}</Typography.Text>
                  <Rate disabled count={5} value={s.level} style={{ fontSize: 14 }} />
                  <Typography.Text type="secondary">{t('people.levelN', { n: s.level })}</Typography.Text>
                </Flex>
              ))}
            </Flex>
          )}
        </Card>

        <Card title={t('people.certificates')} size={mobile ? 'small' : 'medium'}>
          <Table<Certificate>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={e.certificates}
            locale={{ emptyText: t('people.noCertificates') }}
            columns={[
              { title: t('people.certificateName'), dataIndex: 'name', key: 'name' },
              { title: t('people.issuer'), dataIndex: 'issuer', key: 'issuer' },
              { title: t('people.certificateNumber'), dataIndex: 'number', key: 'number' },
              { title: t('people.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn' },
              { title: t('people.expiresOnLabel'), dataIndex: 'expiresOn', key: 'expiresOn' },
              {
                title: t('common.status'),
                key: 'expired',
                render: (_, c) =>
                  c.expired ? (
                    <Tag color="red">{t('people.expired')}</Tag>
                  ) : c.expiresOn ? (
                    <Tag color="green">{t('people.valid')}</Tag>
                  ) : (
                    <Tag>{t('people.noExpiry')}</Tag>
                  ),
              },
            ]}
          />
        </Card>

        <Card title={t('people.userAccount')} size={mobile ? 'small' : 'medium'}>
          {e.user ? (
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('users.username')}>{e.user.username}</Descriptions.Item>
              <Descriptions.Item label={t('users.role')}>{labels.role(e.user.role)}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('people.noUserAccount')}</Typography.Text>
          )}
        </Card>
      </Flex>

      {editing ? <EmployeeFormDrawer employee={e} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
      {deactivating ? (
        <ReasonModal
          title={t('people.deactivateTitle', { name: e.name })}
          intro={t('people.deactivateIntro')}
          okText={t('people.deactivate')}
          submitting={deactivate.isPending}
          onCancel={() => setDeactivating(false)}
          onReload={onReload}
          onSubmit={async (reason) => {
            await deactivate.mutateAsync({ version: e.version, reason });
            message.success(t('people.deactivated'));
          }}
        />
      ) : null}
    </>
  );
}
