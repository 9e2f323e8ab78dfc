import { DeleteOutlined, PlusOutlined, ToolOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { RemoteSelect } from '../../components/RemoteSelect.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import '../../locales/field.ts';
import { searchToolOptions, siteWorkKeys, useOrderTools, useOrderToolWrite } from './api.ts';
import type { OrderTool } from './types.ts';
import { useOrderRefresh } from './useOrderRefresh.ts';

const EARLY_STATES = ['new', 'resolved_remotely', 'cancelled'];

function ToolRow({ tool, onRemove, removing }: { tool: OrderTool; onRemove?: () => void; removing: boolean }) {
  const { t } = useTranslation();
  return (
    <List.Item
      data-testid={`order-tool-${tool.assetNo}`}
      actions={
        onRemove
          ? [
              <Button key="remove" type="text" danger size="small" icon={<DeleteOutlined />} loading={removing} onClick={onRemove} data-testid={`order-tool-remove-${tool.assetNo}`}>
                {t('tools.remove')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <span>{tool.name}</span>
            <Typography.Text type="secondary">{tool.assetNo}</Typography.Text>
            {tool.overdue ? (
              <Tag color="red" data-testid="order-tool-overdue">
                {t('tools.calibrationOverdue')}
              </Tag>
            ) : null}
            {tool.lastCalibrationFailed ? <Tag color="volcano">{t('tools.calibrationFailed')}</Tag> : null}
          </Space>
        }
        description={
          <Space wrap size={12}>
            {tool.holder ? <span>{t('tools.heldBy', { name: tool.holder.name })}</span> : null}
            {tool.calibrationDueOn ? <span>{t('tools.dueOn', { date: tool.calibrationDueOn })}</span> : null}
          </Space>
        }
      />
    </List.Item>
  );
}

/** P4.3.1: the tools the visit needs; an overdue or failed calibration is flagged in red (P2.2.3). */
export function OrderToolsPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const user = useUser();
  const showError = useApiError();
  const [picked, setPicked] = useState<string | null>(null);
  const applies = user.role !== 'customer' && !EARLY_STATES.includes(order.state);
  const tools = useOrderTools(order.id, applies);
  const write = useOrderToolWrite(order.id);
  useOrderRefresh(siteWorkKeys.orderTools(order.id), order.version);
  if (!applies || !tools.data) return null;
  const { items, abilities } = tools.data;
  if (items.length === 0 && !abilities.add) return null;
  const flagged = items.filter((i) => i.overdue || i.lastCalibrationFailed);

  const add = () => {
    if (!picked) return;
    write.mutate({ toolId: picked }, { onSuccess: () => setPicked(null), onError: (error) => showError(error) });
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <ToolOutlined />
          {t('tools.orderTitle')}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="tools-panel"
    >
      <Flex vertical gap={8}>
        {flagged.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="tools-overdue-warning"
            title={t('tools.overdueWarning', { tools: flagged.map((f) => f.name).join('、') })}
          />
        ) : null}
        <List
          size="small"
          dataSource={items}
          locale={{ emptyText: t('tools.noneForOrder') }}
          renderItem={(tool) => (
            <ToolRow
              tool={tool}
              removing={write.isPending && write.variables?.toolId === tool.id}
              onRemove={abilities.remove ? () => write.mutate({ toolId: tool.id, remove: true }, { onError: (error) => showError(error) }) : undefined}
            />
          )}
        />
        {abilities.add ? (
          <Flex gap={8} wrap>
            <div style={{ flex: '1 1 220px' }}>
              <RemoteSelect
                queryKey={`order-tool-options-${order.id}`}
                search={async (q, signal) =>
                  (await searchToolOptions(order.id, q, signal)).items
                    .filter((o) => !items.some((i) => i.id === o.id))
                    .map((o) => ({ value: o.id, label: `${o.assetNo} · ${o.name}${o.overdue ? ` (${t('tools.calibrationOverdue')})` : ''}` }))
                }
                value={picked}
                onChange={setPicked}
                placeholder={t('tools.pickTool')}
                data-testid="tools-panel-pick"
              />
            </div>
            <Button icon={<PlusOutlined />} disabled={!picked} loading={write.isPending && !write.variables?.remove} onClick={add} data-testid="tools-panel-add">
              {t('tools.add')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
