import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, isApiError } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

interface Values {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
function safeReturnPath(from: string | null): string {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [lockedFor, setLockedFor] = useState(0);
  const returnTo = safeReturnPath(params.get('from'));

  // Count the lock down so the user knows when to try again.
  useEffect(() => {
    if (lockedFor <= 0) return;
    const timer = setTimeout(() => setLockedFor((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [lockedFor]);

  if (user) return <Navigate to={returnTo} replace />;

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      navigate(returnTo, { replace: true });
    } catch (e) {
      const apiError = isApiError(e) ? e : new ApiError(0, { code: 'network' });
      setError(apiError);
      if (apiError.code === 'auth.locked') setLockedFor(apiError.retryAfterSeconds ?? 0);
      if (apiError.code === 'auth.invalid_credentials') form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('auth.signInIntro')}</Typography.Paragraph>
        {error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="signin-error"
            title={errorTitle(error, t)}
            description={errorDetail(error, lockedFor, t)}
          />
        ) : null}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus data-testid="signin-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="signin-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} disabled={lockedFor > 0} data-testid="signin-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function errorTitle(error: ApiError, t: T): string {
  if (error.status === 0) return t('errors.networkTitle');
  // A lock is explained by the countdown below; the server's title would repeat it.
  if (error.code === 'auth.locked') return t('auth.locked');
  if (error.title) return error.title;
  if (error.code === 'auth.invalid_credentials') return t('auth.invalidCredentials');
  return t('errors.requestFailed');
}

function errorDetail(error: ApiError, lockedFor: number, t: T): string | undefined {
  if (error.status === 0) return t('errors.network');
  if (error.code === 'auth.locked') {
    return lockedFor > 0 ? t('auth.lockedRetryIn', { seconds: lockedFor }) : t('auth.lockedRetryNow');
  }
  return error.detail;
}
