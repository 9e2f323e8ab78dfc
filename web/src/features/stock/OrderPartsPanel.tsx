import { ToolOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Dropdown, Flex, Form, InputNumber, Select, Space, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import '../../locales/field.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useMyVan, useOrderParts, useOrderPartStep } from './api.ts';
import { formatFen } from './money.ts';
import { PartPicker } from './PartPicker.tsx';
import type { OrderPartLine, OrderPartStep } from './types.ts';

// The parts a visit needs (P4.3.1) on the order page: what is planned, reserved, issued, used
// and returned, with the steps this caller may take, and "use a part from my van" on a phone.

/** States before a solution is proposed have no parts yet. */
const EARLY_STATES = ['new', 'assigned', 'accepted', 'contacted', 'diagnosing'];

function useStepLabel() {
  const { t } = useTranslation();
  const labels: Record<OrderPartStep, string> = {
    plan: t('stock.step.plan'),
    reserve: t('stock.step.reserve'),
    release: t('stock.step.release'),
    issue: t('stock.step.issue'),
    consume: t('stock.step.consume'),
    return: t('stock.step.return'),
  };
  return (step: OrderPartStep) => labels[step];
}

type StepDialog = { step: OrderPartStep; line?: OrderPartLine; max?: number; initial?: number };

function StepModal({ order, dialog, onClose }: { order: WorkOrder; dialog: StepDialog; onClose: () => void }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const [form] = Form.useForm<{ partId: string; quantity: number }>();
  const run = useOrderPartStep(order.id);
  const showError = useApiError();
  const { message } = App.useApp();
  return (
    <FormModal
      title={dialog.line ? `${stepLabel(dialog.step)} · ${dialog.line.part.name}` : stepLabel(dialog.step)}
      form={form}
      submitting={run.isPending}
      okText={stepLabel(dialog.step)}
      onCancel={onClose}
      initialValues={{ partId: dialog.line?.part.id, quantity: dialog.initial ?? dialog.max ?? 1 }}
      onFinish={(v) =>
        run.mutate(
          { step: dialog.step, partId: v.partId, quantity: v.quantity },
          {
            onSuccess: () => {
              message.success(t('stock.stepDone'));
              onClose();
            },
            onError: (error) => showError(error, { form }),
          },
        )
      }
    >
      <Form.Item name="partId" label={t('stock.part')} rules={[{ required: true, message: t('validation.required') }]} hidden={Boolean(dialog.line)}>
        <PartPicker data-testid="parts-step-part" />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={t('stock.quantity')}
        extra={dialog.max !== undefined ? t('stock.atMost', { count: dialog.max }) : undefined}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'integer', min: 1, max: dialog.max, message: t('stock.quantityPositive') },
        ]}
      >
        <InputNumber min={1} max={dialog.max} precision={0} style={{ width: '100%' }} data-testid="parts-step-qty" />
      </Form.Item>
    </FormModal>
  );
}

/** The technician on site picks a part from their own van stock and how many they used. */
function UseFromVan({ order, onDone }: { order: WorkOrder; onDone: () => void }) {
  const { t } = useTranslation();
  const van = useMyVan(true);
  const run = useOrderPartStep(order.id);
  const showError = useApiError();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ partId: string; quantity: number }>();
  const held = (van.data?.items ?? []).filter((l) => l.available > 0);
  const partId = Form.useWatch('partId', form);
  const chosen = held.find((l) => l.part.id === partId);
  if (!van.isPending && held.length === 0) return <Alert type="info" showIcon title={t('stock.vanEmpty')} data-testid="parts-use-empty" />;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ quantity: 1 }}
      onFinish={(v) =>
        run.mutate(
          { step: 'consume', partId: v.partId, quantity: v.quantity },
          {
            onSuccess: () => {
              message.success(t('stock.used'));
              form.resetFields();
              onDone();
            },
            onError: (error) => showError(error, { form }),
          },
        )
      }
      data-testid="parts-use-form"
    >
      <Form.Item name="partId" label={t('stock.fromMyVan')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          loading={van.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={held.map((l) => ({ value: l.part.id, label: `${l.part.partNo} · ${l.part.name} (${t('stock.availableCount', { count: l.available })})` }))}
          placeholder={t('stock.pickFromVan')}
          data-testid="parts-use-part"
        />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={t('stock.quantity')}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'integer', min: 1, max: chosen?.available, message: t('stock.quantityPositive') },
        ]}
      >
        <InputNumber min={1} max={chosen?.available} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="parts-use-qty" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={run.isPending} data-testid="parts-use-submit">
        {t('stock.useSubmit')}
      </Button>
    </Form>
  );
}

/** The actions a line offers this caller, each with the most it can take. */
function lineSteps(line: OrderPartLine, abilities: Record<OrderPartStep, boolean>): Omit<StepDialog, 'line'>[] {
  const steps: Omit<StepDialog, 'line'>[] = [];
  if (abilities.plan) steps.push({ step: 'plan' });
  if (abilities.reserve) steps.push({ step: 'reserve', initial: Math.max(1, line.planned - line.reserved - line.issued) });
  if (abilities.issue && line.reserved > 0) steps.push({ step: 'issue', max: line.reserved });
  if (abilities.release && line.reserved > 0) steps.push({ step: 'release', max: line.reserved });
  if (abilities.return && line.outstanding > 0) steps.push({ step: 'return', max: line.outstanding });
  return steps;
}

export function OrderPartsPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const mobile = useIsMobile();
  const stepLabel = useStepLabel();
  const applies = user.role !== 'customer' && !EARLY_STATES.includes(order.state);
  const parts = useOrderParts(order.id, order.state, applies);
  const [dialog, setDialog] = useState<StepDialog | null>(null);
  const [using, setUsing] = useState(false);
  if (!applies || !parts.data) return null;
  const { items, abilities, totalCostFen } = parts.data;
  const anyAbility = Object.values(abilities).some(Boolean);
  if (items.length === 0 && !anyAbility) return null;

  const count = (key: 'planned' | 'reserved' | 'issued' | 'consumed' | 'returned', title: string) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
  });
  const columns: TableColumnsType<OrderPartLine> = [
    {
      title: t('stock.part'),
      key: 'part',
      render: (_, l) => (
        <>
          <div>{l.part.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.part.partNo}
          </Typography.Text>
        </>
      ),
    },
    count('planned', t('stock.planned')),
    count('reserved', t('stock.reserved')),
    count('issued', t('stock.issued')),
    count('consumed', t('stock.consumed')),
    count('returned', t('stock.returned')),
    { title: t('stock.cost'), key: 'cost', align: 'right', render: (_, l) => (l.consumed > 0 ? formatFen(l.costFen) : '') },
    {
      title: '',
      key: 'actions',
      render: (_, l) => {
        const steps = lineSteps(l, abilities);
        if (steps.length === 0) return null;
        return (
          <Dropdown
            trigger={['click']}
            menu={{
              items: steps.map((s) => ({ key: s.step, label: stepLabel(s.step), 'data-testid': `parts-${s.step}-${l.part.partNo}` })),
              onClick: ({ key }) => {
                const s = steps.find((x) => x.step === key);
                if (s) setDialog({ ...s, line: l });
              },
            }}
          >
            <Button size="small" data-testid={`parts-actions-${l.part.partNo}`}>
              {t('stock.actions')}
            </Button>
          </Dropdown>
        );
      },
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          <ToolOutlined />
          {t('stock.panelTitle')}
        </Space>
      }
      extra={
        // Picking a new part searches the catalogue, which needs parts.read.
        abilities.plan && can('parts.read') ? (
          <Button size="small" onClick={() => setDialog({ step: 'plan' })} data-testid="parts-plan">
            {t('stock.planPart')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
      data-testid="parts-panel"
    >
      {abilities.consume ? (
        <div style={{ marginBottom: 12 }}>
          <Button type={using ? 'default' : 'primary'} block={mobile} onClick={() => setUsing((u) => !u)} data-testid="parts-use">
            {t('stock.useFromVan')}
          </Button>
          {using ? (
            <div style={{ marginTop: 12 }}>
              <UseFromVan order={order} onDone={() => setUsing(false)} />
            </div>
          ) : null}
        </div>
      ) : null}
      <DataTable<OrderPartLine>
        rowKey="id"
        columns={columns}
        dataSource={items}
        locale={{ emptyText: t('stock.noParts') }}
        onRow={(l) => ({ 'data-testid': `parts-row-${l.part.partNo}` }) as HTMLAttributes<HTMLElement>}
      />
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Typography.Text strong data-testid="parts-total">
          {t('stock.totalCost', { amount: formatFen(totalCostFen) })}
        </Typography.Text>
      </Flex>
      {dialog ? <StepModal order={order} dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
