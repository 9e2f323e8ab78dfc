import { AutoComplete, Form, Input, Radio, Select, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../components/useApiError.tsx';
import { AttachmentUpload, toAttachmentInputs, uploadValue } from '../work-orders/attachments.tsx';
import { useRaiseFeedback } from './api.ts';
import { useFeedbackLabels } from './labels.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { FeedbackDepartment, FeedbackKind, FeedbackSource, OrderFeedback, Severity } from './types.ts';

interface Values {
  kind: FeedbackKind;
  source: FeedbackSource;
  department?: FeedbackDepartment;
  productModel?: string;
  serialNumber?: string;
  defectCategory?: string;
  severity?: Severity;
  title: string;
  description: string;
  photos?: UploadFile[];
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/**
 * Raises a product defect or quality problem (P2.2.2), or a product suggestion or customer
 * opinion (P2.1.3, P2.3.4), from an order; the server routes it to the department concerned.
 */
export function RaiseFeedbackModal({ orderId, mode, defaults, onClose }: { orderId: string; mode: 'defect' | 'opinion'; defaults: OrderFeedback['defaults']; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useFeedbackLabels();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseFeedback(orderId);
  const defect = mode === 'defect';
  const required = { required: true, whitespace: true, message: t('validation.required') };

  const submit = async (v: Values) => {
    const photos = await toAttachmentInputs(v.photos);
    raise.mutate(
      {
        kind: v.kind,
        source: v.source,
        ...(v.department ? { department: v.department } : {}),
        productModel: blank(v.productModel),
        serialNumber: blank(v.serialNumber),
        ...(defect ? { defectCategory: v.defectCategory ?? null, severity: v.severity } : {}),
        title: v.title.trim(),
        description: v.description.trim(),
        photos,
      },
      { onSuccess: onClose, onError: (error) => showError(error, { form }) },
    );
  };

  return (
    <FormModal<Values>
      title={defect ? t('feedback.raiseDefect') : t('feedback.raiseOpinion')}
      form={form}
      submitting={raise.isPending}
      okText={t('feedback.submit')}
      submitTestId="feedback-submit"
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
      initialValues={{
        kind: defect ? 'defect' : 'opinion',
        source: defect ? 'technician' : 'customer',
        productModel: defaults.productModel ?? undefined,
        serialNumber: defaults.serialNumber ?? undefined,
      }}
    >
      <Form.Item name="kind" hidden={defect} label={t('feedback.kindLabel')}>
        <Radio.Group
          optionType="button"
          options={labels.kindOptions.filter((o) => o.value !== 'defect')}
          data-testid="feedback-form-kind"
        />
      </Form.Item>
      <Form.Item name="source" label={t('feedback.sourceLabel')} extra={t('feedback.sourceHint')}>
        <Radio.Group options={labels.sourceOptions} data-testid="feedback-form-source" />
      </Form.Item>
      <Form.Item name="productModel" label={t('feedback.model')} rules={defect ? [required, { max: 40 }] : [{ max: 40 }]}>
        <AutoComplete options={labels.modelOptions} maxLength={40} data-testid="feedback-form-model" />
      </Form.Item>
      <Form.Item name="serialNumber" label={t('feedback.serial')} rules={[{ max: 60 }]}>
        <Input maxLength={60} data-testid="feedback-form-serial" />
      </Form.Item>
      {defect ? (
        <>
          <Form.Item name="defectCategory" label={t('feedback.category')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.categoryOptions} data-testid="feedback-form-category" />
          </Form.Item>
          <Form.Item name="severity" label={t('feedback.severityLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group optionType="button" options={labels.severityOptions} data-testid="feedback-form-severity" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="title" label={t('feedback.titleLabel')} rules={[required, { max: 120 }]}>
        <Input maxLength={120} data-testid="feedback-form-title" />
      </Form.Item>
      <Form.Item name="description" label={t('feedback.description')} rules={[required, { max: 4000 }]}>
        <Input.TextArea rows={4} maxLength={4000} data-testid="feedback-form-description" />
      </Form.Item>
      <Form.Item name="department" label={t('feedback.departmentLabel')} extra={defect ? t('feedback.departmentHintDefect') : t('feedback.departmentHintOpinion')}>
        <Select allowClear options={labels.departmentOptions} placeholder={t('feedback.departmentDefault')} data-testid="feedback-form-department" />
      </Form.Item>
      <Form.Item name="photos" label={t('feedback.photos')} valuePropName="fileList" getValueFromEvent={uploadValue}>
        <AttachmentUpload photos data-testid="feedback-form-photos" />
      </Form.Item>
    </FormModal>
  );
}
