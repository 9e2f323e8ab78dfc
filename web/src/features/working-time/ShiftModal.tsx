import { App, Button, Form, Popconfirm, Radio, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import type { ShiftRecord } from '../dispatch/types.ts';
import { useClearShift, useSaveShift } from './api.ts';
import { clockOf, type DefaultShift, shiftInstants } from './week.ts';

type Place = 'home' | 'office';

interface ShiftValues {
  off: boolean;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  startsFrom: Place;
  endsAtPlace: Place;
}

export interface ShiftTarget {
  employee: { id: string; name: string };
  day: string;
  record: ShiftRecord | undefined;
}

const TIME = 'HH:mm';
const asPickerTime = (hhmm: string | undefined) => (hhmm ? dayjs(`2000-01-01T${hhmm}`) : undefined);

/**
 * One technician's shift on one day: hours in the company time zone and where the day starts
 * and ends, or a day off; "back to default" deletes the record.
 */
export function ShiftModal({ target, defaults, onClose, onReload }: { target: ShiftTarget; defaults: DefaultShift | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const timeZone = useCompanyTimeZone();
  const [form] = Form.useForm<ShiftValues>();
  const save = useSaveShift();
  const clear = useClearShift();
  const feedback = useSaveFeedback<ShiftRecord>(form, { onClose, onReload });
  const showError = useApiError();
  const { employee, day, record } = target;
  const off = Form.useWatch('off', form) ?? record?.off ?? false;
  const start = Form.useWatch('startsAt', form);
  const end = Form.useWatch('endsAt', form);
  const overnight = !off && start && end && end.format(TIME) <= start.format(TIME);

  const initialValues: ShiftValues =
    record && !record.off && record.startsAt && record.endsAt
      ? {
          off: false,
          startsAt: asPickerTime(clockOf(record.startsAt, timeZone)),
          endsAt: asPickerTime(clockOf(record.endsAt, timeZone)),
          startsFrom: record.startsFrom,
          endsAtPlace: record.endsAtPlace,
        }
      : {
          off: record?.off ?? false,
          startsAt: asPickerTime(defaults?.start ?? '08:30'),
          endsAt: asPickerTime(defaults?.end ?? '17:30'),
          startsFrom: record?.startsFrom ?? defaults?.startsFrom ?? 'office',
          endsAtPlace: record?.endsAtPlace ?? defaults?.endsAt ?? 'office',
        };

  const onFinish = (v: ShiftValues) => {
    const times = !v.off && v.startsAt && v.endsAt ? shiftInstants(day, v.startsAt.format(TIME), v.endsAt.format(TIME), timeZone) : null;
    save.mutate(
      {
        employeeId: employee.id,
        day,
        input: {
          off: v.off,
          startsAt: times?.startsAt ?? null,
          endsAt: times?.endsAt ?? null,
          startsFrom: v.startsFrom,
          endsAtPlace: v.endsAtPlace,
          ...(record ? { version: record.version } : {}),
        },
      },
      feedback,
    );
  };

  const onClear = () =>
    clear.mutate(
      { employeeId: employee.id, day },
      {
        onSuccess: () => {
          message.success(t('workingTime.shift.cleared'));
          onClose();
        },
        onError: (error) => showError(error),
      },
    );

  const required = [{ required: !off, message: t('validation.required') }];
  const places = [
    { value: 'office', label: t('workingTime.place.office') },
    { value: 'home', label: t('workingTime.place.home') },
  ];

  return (
    <FormModal<ShiftValues>
      title={t('workingTime.shift.title', { name: employee.name, day })}
      form={form}
      submitting={save.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={initialValues}
      submitTestId="wt-shift-save"
    >
      <Typography.Paragraph type="secondary">{t('workingTime.shift.hint', { timeZone })}</Typography.Paragraph>
      <Form.Item name="off" label={t('workingTime.shift.off')} valuePropName="checked">
        <Switch data-testid="wt-shift-off" />
      </Form.Item>
      <Form.Item name="startsAt" label={t('workingTime.shift.start')} rules={required} hidden={off}>
        <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="wt-shift-start" />
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('workingTime.shift.end')}
        rules={required}
        hidden={off}
        extra={overnight ? <span data-testid="wt-shift-overnight">{t('workingTime.shift.overnight')}</span> : undefined}
      >
        <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="wt-shift-end" />
      </Form.Item>
      <Form.Item name="startsFrom" label={t('workingTime.shift.startsFrom')} hidden={off}>
        <Radio.Group options={places} optionType="button" data-testid="wt-shift-starts-from" />
      </Form.Item>
      <Form.Item name="endsAtPlace" label={t('workingTime.shift.endsAt')} hidden={off}>
        <Radio.Group options={places} optionType="button" data-testid="wt-shift-ends-at" />
      </Form.Item>
      {record ? (
        <Popconfirm title={t('workingTime.shift.clearConfirm')} okText={t('workingTime.shift.clear')} cancelText={t('common.cancel')} onConfirm={onClear}>
          <Button danger loading={clear.isPending} data-testid="wt-shift-clear">
            {t('workingTime.shift.clear')}
          </Button>
        </Popconfirm>
      ) : (
        <Typography.Text type="secondary">{t('workingTime.shift.noRecord')}</Typography.Text>
      )}
    </FormModal>
  );
}
