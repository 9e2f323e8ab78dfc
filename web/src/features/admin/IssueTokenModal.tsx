import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { IssuedApiToken } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { UserPicker } from '../../components/pickers.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { endOfDayInstant } from '../../lib/time.ts';
import { useIssueToken } from './api.ts';

interface Values {
  name: string;
  userId: string;
  expiresOn?: Dayjs | null;
}

export function IssueTokenModal({ onClose, onIssued }: { onClose: () => void; onIssued: (token: IssuedApiToken) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const issue = useIssueToken();
  return (
    <FormModal<Values>
      title={t('tokens.issue')}
      form={form}
      okText={t('tokens.issueOk')}
      submitting={issue.isPending}
      onCancel={onClose}
      onFinish={(v) =>
        issue.mutate(
          {
            name: v.name.trim(),
            userId: v.userId,
            ...(v.expiresOn ? { expiresAt: endOfDayInstant(v.expiresOn) } : {}),
          },
          {
            onSuccess: onIssued,
            // A token's expiry is `expiresAt` on the server and `expiresOn` here.
            onError: (error) => showError(error, { form, mapField: (f) => (f === 'expiresAt' ? 'expiresOn' : f) }),
          },
        )
      }
    >
      <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
        <Input placeholder={t('tokens.namePlaceholder')} data-testid="token-name" />
      </Form.Item>
      <Form.Item name="userId" label={t('tokens.user')} extra={t('tokens.userHint')} rules={[{ required: true, message: t('validation.required') }]}>
        {can('users.manage') ? <UserPicker /> : <Input placeholder={t('tokens.userIdPlaceholder')} />}
      </Form.Item>
      <Form.Item name="expiresOn" label={t('tokens.expiresOn')} extra={t('tokens.expiresHint')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
