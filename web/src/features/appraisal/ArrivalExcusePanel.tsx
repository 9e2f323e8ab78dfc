import { DeleteOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import '../../locales/appraisal.ts';
import { attachmentUrl } from '../work-orders/api.ts';
import { type ExcuseInput, useDeleteExcuse, useExcuse, useSaveExcuse } from './hr-api.ts';
import { ArrivalCell } from './hr/ArrivalCell.tsx';
import { EXCUSE_REASONS, useHrLabels } from './hr/labels.ts';
import type { ArrivalExcuse, ExcuseReason } from './types.ts';

/** The technician checked in at the site: the arrival clock is met, or the timeline shows the arrival. */
function hasArrived(order: WorkOrder): boolean {
  return Boolean(order.sla.find((c) => c.clock === 'arrival')?.metAt) || order.timeline.some((e) => e.action === 'arrive');
}

interface ExcuseValues {
  reason: ExcuseReason;
  evidence: string;
  attachmentId?: string | null;
}

function ExcuseForm({ order, excuse, onDone }: { order: WorkOrder; excuse: ArrivalExcuse | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const labels = useHrLabels();
  const [form] = Form.useForm<ExcuseValues>();
  const save = useSaveExcuse(order.id);
  return (
    <Form<ExcuseValues>
      form={form}
      layout="vertical"
      initialValues={excuse ? { reason: excuse.reason, evidence: excuse.evidence, attachmentId: excuse.attachmentId } : {}}
      onFinish={(v) => {
        const input: ExcuseInput = { reason: v.reason, evidence: v.evidence.trim(), attachmentId: v.attachmentId ?? null };
        save.mutate(input, {
          onSuccess: () => {
            message.success(t('appraisalHr.excusePanel.saved'));
            onDone();
          },
          onError: (error) => showError(error, { form }),
        });
      }}
    >
      <Form.Item name="reason" label={t('appraisalHr.excuses.reason')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={EXCUSE_REASONS.map((r) => ({ value: r, label: labels.excuseReason(r) }))} data-testid="excuse-reason" />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={t('appraisalHr.excuses.evidence')}
        extra={t('appraisalHr.excusePanel.evidenceHelp')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 2000 }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="excuse-evidence" />
      </Form.Item>
      {order.attachments.length > 0 ? (
        <Form.Item name="attachmentId" label={t('appraisalHr.excusePanel.attachment')}>
          <Select
            allowClear
            placeholder={t('appraisalHr.excusePanel.noAttachment')}
            options={order.attachments.map((a) => ({ value: a.id, label: a.filename }))}
            data-testid="excuse-attachment"
          />
        </Form.Item>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="excuse-save">
          {t('common.save')}
        </Button>
        {excuse ? <Button onClick={onDone}>{t('common.cancel')}</Button> : null}
      </Space>
    </Form>
  );
}

/**
 * P5.1.2: a late arrival the technician is not to blame for (the customer rescheduled, was absent,
 * access was refused...), recorded with its evidence by HR or the team's supervisor. The excused
 * order still shows in the on-time rate's explanation, with this reason.
 */
export function ArrivalExcusePanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const labels = useHrLabels();
  const applies = can('appraisal.records') && hasArrived(order);
  const query = useExcuse(order.id, applies);
  const remove = useDeleteExcuse(order.id);
  const [editing, setEditing] = useState(false);
  if (!applies || query.isPending || query.isError) return null;
  const excuse = query.data;
  const attachment = excuse?.attachmentId ? order.attachments.find((a) => a.id === excuse.attachmentId) : undefined;

  return (
    <Card size="small" title={t('appraisalHr.excusePanel.title')} data-testid="excuse-panel" style={{ marginBottom: 16 }}>
      {excuse && !editing ? (
        <Flex vertical gap={8}>
          <Descriptions size="small" column={1} data-testid="excuse-recorded">
            <Descriptions.Item label={t('appraisalHr.excuses.arrival')}>
              <ArrivalCell arrivedAt={excuse.arrivedAt} dueAt={excuse.arrivalDueAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('appraisalHr.excuses.reason')}>
              <Tag color="blue">{labels.excuseReason(excuse.reason)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('appraisalHr.excuses.evidence')}>{excuse.evidence}</Descriptions.Item>
            {excuse.attachmentId ? (
              <Descriptions.Item label={t('appraisalHr.excusePanel.attachment')}>
                <a href={attachmentUrl(order.id, excuse.attachmentId)} target="_blank" rel="noreferrer">
                  <PaperClipOutlined /> {attachment?.filename ?? t('appraisalHr.excuses.withAttachment')}
                </a>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('appraisalHr.recordedBy')}>
              {excuse.recordedByLabel} · {formatInstant(excuse.recordedAt)}
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="excuse-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('appraisalHr.excusePanel.deleteConfirm')}
              okText={t('common.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              destroyOnHidden
              onConfirm={() =>
                remove.mutateAsync(undefined).then(
                  () => void message.success(t('appraisalHr.excusePanel.deleted')),
                  (error: unknown) => showError(error),
                )
              }
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="excuse-delete">
                {t('common.remove')}
              </Button>
            </Popconfirm>
          </Space>
        </Flex>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('appraisalHr.excusePanel.intro')}</Typography.Paragraph>
          <ExcuseForm order={order} excuse={excuse ?? null} onDone={() => setEditing(false)} />
        </>
      )}
    </Card>
  );
}
