import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Setting } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { fromDateString, todayInCompany, toDateString } from '../../lib/time.ts';
import { useScheduleSetting } from './api.ts';
import { jsonProblem, jsonText, SettingValueInput } from './settingValue.tsx';

interface Values {
  value: unknown;
  effectiveFrom: Dayjs;
  reason: string;
}

/** Schedules a new value of a setting from a date on; the reason is kept in its history. */
export function ScheduleSettingModal({ setting, label, onClose }: { setting: Setting; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const schedule = useScheduleSetting(setting.key);
  const today = fromDateString(todayInCompany()) ?? dayjs();

  const json = setting.kind === 'json';
  const onFinish = (v: Values) =>
    schedule.mutate(
      { value: json && typeof v.value === 'string' ? JSON.parse(v.value) : v.value, effectiveFrom: toDateString(v.effectiveFrom) ?? todayInCompany(), reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('settings.scheduled'));
          onClose();
        },
        onError: (error) => showError(error, { form, mapField: (field) => (field.startsWith('value.') ? 'value' : field) }),
      },
    );

  return (
    <FormModal<Values>
      title={t('settings.scheduleTitle', { label })}
      form={form}
      submitting={schedule.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      width={json ? 720 : undefined}
      initialValues={{ value: json ? jsonText(setting.current?.value) : setting.current?.value, effectiveFrom: today }}
    >
      <Form.Item
        name="value"
        label={t('settings.newValue')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_, value) =>
              value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
                ? Promise.reject(new Error(t('validation.required')))
                : Promise.resolve(),
          },
          {
            validator: (_, value) => {
              const problem = json ? jsonProblem(value) : null;
              return problem ? Promise.reject(new Error(t('validation.json', { problem }))) : Promise.resolve();
            },
          },
        ]}
        extra={json ? t('settings.jsonHint') : undefined}
      >
        <SettingValueInput kind={setting.kind} current={setting.current?.value} />
      </Form.Item>
      <Form.Item name="effectiveFrom" label={t('settings.effectiveFrom')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(today, 'day')} data-testid="setting-effective-from" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('common.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 300 }]}
      >
        <Input.TextArea rows={3} maxLength={300} showCount data-testid="setting-reason" />
      </Form.Item>
    </FormModal>
  );
}
