import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import type { LeaveRecord } from '../dispatch/types.ts';
import { useDeleteLeave } from './api.ts';

/** The leave that touches the shown week, each deletable. */
export function LeaveList({ leave, nameOf }: { leave: LeaveRecord[]; nameOf: (employeeId: string) => string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const remove = useDeleteLeave();
  const rows = [...leave].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Card size="small" title={t('workingTime.leave.title')} data-testid="wt-leave-list">
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('workingTime.leave.none') }}
        renderItem={(l) => (
          <List.Item
            data-testid={`wt-leave-${l.id}`}
            actions={[
              <Popconfirm
                key="delete"
                title={t('workingTime.leave.deleteConfirm')}
                okText={t('workingTime.leave.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(l.id).then(
                    () => void message.success(t('workingTime.leave.deleted')),
                    (error: unknown) => showError(error),
                  )
                }
              >
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  loading={remove.isPending && remove.variables === l.id}
                  aria-label={t('workingTime.leave.delete')}
                  data-testid={`wt-leave-delete-${l.id}`}
                />
              </Popconfirm>,
            ]}
          >
            <Space wrap size={8}>
              <Typography.Text strong>{nameOf(l.employeeId)}</Typography.Text>
              <Tag color="orange">{t(`workingTime.leaveKind.${l.kind}`)}</Tag>
              <Typography.Text>
                {formatInstant(l.startsAt)} → {formatInstant(l.endsAt)}
              </Typography.Text>
              {l.note ? <Typography.Text type="secondary">{l.note}</Typography.Text> : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
