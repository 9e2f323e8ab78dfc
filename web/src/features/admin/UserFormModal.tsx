import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AdminUser, Department, Locale, Role } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useLabels } from '../../components/labels.ts';
import { CustomerPicker, EmployeePicker } from '../../components/pickers.tsx';
import { useCreateUser, useUpdateUser } from './api.ts';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  department?: Department | null;
  employeeId?: string | null;
  customerId?: string | null;
  locale?: Locale;
  active?: boolean;
}

/** Creates a user, or edits one (role, department, linked employee or customer, active). */
export function UserFormModal({ user, onClose }: { user?: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form) ?? user?.role;
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const required = { required: true, message: t('validation.required') };

  const handlers = useSaveFeedback(form, { onClose, onReload: () => void queryClient.invalidateQueries({ queryKey: ['users'] }) });

  const onFinish = (v: Values) => {
    const department = v.role === 'department' ? (v.department ?? null) : null;
    const employeeId = v.role === 'customer' ? null : (v.employeeId ?? null);
    const customerId = v.role === 'customer' ? (v.customerId ?? null) : null;
    if (user) {
      update.mutate(
        { version: user.version, displayName: v.displayName.trim(), role: v.role, department, employeeId, customerId, active: Boolean(v.active) },
        handlers,
      );
    } else {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          role: v.role,
          ...(department ? { department } : {}),
          ...(employeeId ? { employeeId } : {}),
          ...(customerId ? { customerId } : {}),
          locale: v.locale,
        },
        handlers,
      );
    }
  };

  return (
    <FormModal<Values>
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.create')}
      form={form}
      width={640}
      submitting={create.isPending || update.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={
        user
          ? {
              username: user.username,
              displayName: user.displayName,
              role: user.role,
              department: user.department,
              employeeId: user.employee?.id ?? null,
              customerId: user.customer?.id ?? null,
              active: user.active,
            }
          : { role: 'agent', locale: 'zh-CN' }
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={user ? [] : [{ ...required, whitespace: true }, { min: 2, max: 64 }, { pattern: /^[A-Za-z0-9._@-]+$/, message: t('validation.username') }]}
          >
            <Input disabled={Boolean(user)} autoCapitalize="none" autoComplete="off" data-testid="user-username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ ...required, whitespace: true }, { max: 60 }]}>
            <Input data-testid="user-display-name-input" />
          </Form.Item>
        </Col>
        {user ? null : (
          <Col xs={24} md={12}>
            <Form.Item name="password" label={t('auth.password')} rules={[required, { min: 8, max: 128, message: t('validation.passwordLength') }]}>
              <Input.Password autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="role" label={t('users.role')} rules={[required]}>
            <Select options={labels.roleOptions} data-testid="user-role" />
          </Form.Item>
        </Col>
        {role === 'department' ? (
          <Col xs={24} md={12}>
            <Form.Item name="department" label={t('users.department')} rules={[required]}>
              <Select options={labels.departmentOptions} />
            </Form.Item>
          </Col>
        ) : null}
        {role === 'customer' ? (
          <Col xs={24} md={12}>
            <Form.Item name="customerId" label={t('users.customer')} rules={[required]}>
              <CustomerPicker initialOption={user?.customer ? { value: user.customer.id, label: user.customer.name } : null} />
            </Form.Item>
          </Col>
        ) : (
          <Col xs={24} md={12}>
            <Form.Item name="employeeId" label={t('users.employee')}>
              <EmployeePicker initialOption={user?.employee ? { value: user.employee.id, label: user.employee.name } : null} />
            </Form.Item>
          </Col>
        )}
        {user ? (
          <Col xs={24} md={12}>
            <Form.Item name="active" label={t('users.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ) : (
          <Col xs={24} md={12}>
            <Form.Item name="locale" label={t('users.locale')}>
              <Select
                options={[
                  { value: 'zh-CN', label: t('language.zhCN') },
                  { value: 'en', label: t('language.en') },
                ]}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
