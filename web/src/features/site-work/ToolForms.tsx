import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { fromDateString, pickerNow, toDateString } from '../../lib/time.ts';
import { TechnicianPicker } from '../work-orders/TechnicianPicker.tsx';
import { siteWorkKeys, useCreateTool, useLogMaintenance, useUpdateTool } from './api.ts';
import { useSiteWorkLabels } from './labels.ts';
import type { MaintenanceKind, MaintenanceResult, Tool, ToolKind, ToolStatus } from './types.ts';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

interface ToolValues {
  assetNo: string;
  name: string;
  kind: ToolKind;
  model?: string;
  serialNumber?: string;
  holderId?: string | null;
  calibrationDueOn?: Dayjs | null;
  maintenanceIntervalDays?: number | null;
  status: ToolStatus;
  notes?: string;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const required = (message: string) => [{ required: true, whitespace: true, message }];

/** Creates a tool or edits one (409 on a stale version offers a reload). */
export function ToolFormModal({ tool, onClose, onSaved }: { tool?: Tool; onClose: () => void; onSaved: (tool: Tool) => void }) {
  const { t } = useTranslation();
  const labels = useSiteWorkLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ToolValues>();
  const create = useCreateTool();
  const update = useUpdateTool(tool?.id ?? '');
  const handlers = useSaveFeedback<Tool>(form, {
    onClose,
    onSaved,
    onReload: () => {
      if (tool) void queryClient.invalidateQueries({ queryKey: siteWorkKeys.tool(tool.id) });
    },
  });

  const onFinish = (v: ToolValues) => {
    const input = {
      assetNo: v.assetNo.trim(),
      name: v.name.trim(),
      kind: v.kind,
      model: blank(v.model),
      serialNumber: blank(v.serialNumber),
      holderId: v.holderId ?? null,
      calibrationDueOn: toDateString(v.calibrationDueOn),
      maintenanceIntervalDays: v.maintenanceIntervalDays ?? null,
      status: v.status,
      notes: blank(v.notes),
    };
    if (tool) update.mutate({ ...input, version: tool.version }, handlers);
    else create.mutate(input, handlers);
  };

  return (
    <FormModal<ToolValues>
      title={tool ? t('tools.editTitle', { name: tool.name }) : t('tools.create')}
      form={form}
      width={720}
      submitting={create.isPending || update.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={
        tool
          ? {
              assetNo: tool.assetNo,
              name: tool.name,
              kind: tool.kind,
              model: tool.model ?? '',
              serialNumber: tool.serialNumber ?? '',
              holderId: tool.holder?.id ?? null,
              calibrationDueOn: fromDateString(tool.calibrationDueOn) ?? null,
              maintenanceIntervalDays: tool.maintenanceIntervalDays,
              status: tool.status,
              notes: tool.notes ?? '',
            }
          : { kind: 'instrument', status: 'in_service' }
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="assetNo" label={t('tools.assetNo')} rules={[...required(t('validation.required')), { max: 40 }]}>
            <Input data-testid="tool-asset-no" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('tools.name')} rules={[...required(t('validation.required')), { max: 80 }]}>
            <Input data-testid="tool-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="kind" label={t('tools.kindLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.toolKindOptions} data-testid="tool-kind" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="model" label={t('tools.model')} rules={[{ max: 60 }]}>
            <Input data-testid="tool-model" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="serialNumber" label={t('tools.serialNumber')} rules={[{ max: 60 }]}>
            <Input data-testid="tool-serial" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="holderId" label={t('tools.holder')}>
            <TechnicianPicker
              initialOption={tool?.holder ? { value: tool.holder.id, label: tool.holder.name } : null}
              placeholder={t('tools.noHolder')}
              data-testid="tool-holder"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="calibrationDueOn" label={t('tools.calibrationDueOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="tool-due-on" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="maintenanceIntervalDays" label={t('tools.intervalDays')}>
            <InputNumber min={1} max={3650} style={{ width: '100%' }} data-testid="tool-interval" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('tools.statusLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.toolStatusOptions} data-testid="tool-status" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="notes" label={t('tools.notes')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={1} data-testid="tool-notes" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

interface MaintenanceValues {
  kind: MaintenanceKind;
  performedOn: Dayjs;
  performedBy: string;
  result: MaintenanceResult;
  note?: string;
  nextDueOn?: Dayjs | null;
}

/** P2.2.3: a calibration, maintenance, repair or inspection; its next due date moves the tool's. */
export function MaintenanceModal({ tool, onClose }: { tool: Tool; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useSiteWorkLabels();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<MaintenanceValues>();
  const log = useLogMaintenance(tool.id);
  const onFinish = (v: MaintenanceValues) =>
    log.mutate(
      {
        kind: v.kind,
        performedOn: toDateString(v.performedOn) ?? '',
        performedBy: v.performedBy.trim(),
        result: v.result,
        note: blank(v.note),
        nextDueOn: toDateString(v.nextDueOn),
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showError(error, { form }),
      },
    );
  return (
    <FormModal<MaintenanceValues>
      title={t('tools.logMaintenanceTitle', { name: tool.name })}
      form={form}
      submitting={log.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={{ kind: 'calibration', result: 'pass', performedOn: pickerNow() }}
    >
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="kind" label={t('tools.maintenanceKindLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.maintenanceKindOptions} data-testid="maintenance-kind" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="result" label={t('tools.resultLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.maintenanceResultOptions} data-testid="maintenance-result" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="performedOn" label={t('tools.performedOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="maintenance-performed-on" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="nextDueOn" label={t('tools.nextDueOn')} extra={tool.maintenanceIntervalDays ? t('tools.nextDueHint', { days: tool.maintenanceIntervalDays }) : undefined}>
            <DatePicker style={{ width: '100%' }} data-testid="maintenance-next-due" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="performedBy" label={t('tools.performedBy')} rules={[...required(t('validation.required')), { max: 80 }]}>
            <Input data-testid="maintenance-performed-by" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('tools.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} data-testid="maintenance-note" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
