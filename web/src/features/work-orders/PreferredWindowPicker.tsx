import { DatePicker, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

/** The customer's preferred visit window as the form holds it: either end may be left open. */
export type PreferredWindow = [Dayjs | null, Dayjs | null] | null;

/** Form rule: when both ends are given, the window must end after it starts. */
export function useWindowOrderRule(): FormRule {
  const { t } = useTranslation();
  return {
    validator: (_, value: PreferredWindow | undefined) =>
      value?.[0] && value?.[1] && !value[1].isAfter(value[0]) ? Promise.reject(new Error(t('validation.windowOrder'))) : Promise.resolve(),
  };
}

/** Date-and-time range picker in quarter hours for the preferred window; the staff intake and the portal's fault report share it. */
export function PreferredWindowPicker(props: ComponentProps<typeof DatePicker.RangePicker>) {
  return <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: '100%' }} {...props} />;
}
