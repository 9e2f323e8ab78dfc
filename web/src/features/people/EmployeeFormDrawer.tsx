import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../api/types.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PHONE_PATTERN } from '../../components/patterns.ts';
import { useLabels } from '../../components/labels.ts';
import { EmployeePicker } from '../../components/pickers.tsx';
import { employeeKeys, useCreateEmployee, useUpdateEmployee } from './api.ts';
import { CertificatesField } from './CertificatesField.tsx';
import { type EmployeeFormValues, toFormValues, toInput } from './employeeForm.ts';
import { SkillsField } from './SkillsField.tsx';
import { TeamSelect } from './TeamSelect.tsx';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

interface EmployeeFormDrawerProps {
  /** The employee to edit; a new one when absent. */
  employee?: Employee;
  onClose: () => void;
  onSaved: (employee: Employee) => void;
}

export function EmployeeFormDrawer({ employee, onClose, onSaved }: EmployeeFormDrawerProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EmployeeFormValues>();
  const create = useCreateEmployee();
  const update = useUpdateEmployee(employee?.id ?? '');
  const required = { required: true, whitespace: true, message: t('validation.required') };

  const handlers = useSaveFeedback<Employee>(form, {
    onClose,
    onSaved,
    onReload: () => {
      if (employee) void queryClient.invalidateQueries({ queryKey: employeeKeys.detail(employee.id) });
    },
  });

  const onFinish = (values: EmployeeFormValues) => {
    if (employee) update.mutate({ ...toInput(values, 'update'), version: employee.version }, handlers);
    else create.mutate(toInput(values, 'create'), handlers);
  };

  return (
    <FormDrawer<EmployeeFormValues>
      title={employee ? t('people.editTitle', { name: employee.name }) : t('people.create')}
      form={form}
      submitting={create.isPending || update.isPending}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={employee ? toFormValues(employee) : { position: 'support_engineer', priorExperienceMonths: 0, skills: [], certificates: [] }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="employeeNo" label={t('people.employeeNo')} rules={[required, { max: 20 }, { pattern: /^[A-Za-z0-9-]+$/, message: t('validation.employeeNo') }]}>
            <Input data-testid="employee-no" autoCapitalize="characters" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('people.name')} rules={[required, { max: 50 }]}>
            <Input data-testid="employee-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="position" label={t('people.position')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.positionOptions} data-testid="employee-position" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="grade" label={t('people.grade')} rules={[required, { max: 10 }]}>
            <Input data-testid="employee-grade" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="teamId" label={t('people.team')}>
            <TeamSelect fallback={employee?.team} placeholder={t('people.noTeam')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="supervisorId" label={t('people.supervisor')}>
            <EmployeePicker initialOption={employee?.supervisor ? { value: employee.supervisor.id, label: employee.supervisor.name } : null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="hireDate" label={t('people.hireDate')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="employee-hire-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="priorExperienceMonths" label={t('people.priorExperienceMonths')}>
            <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('common.phone')} rules={[{ max: 32 }, { pattern: PHONE_PATTERN, message: t('validation.phone') }]}>
            <Input type="tel" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('common.email')} rules={[{ type: 'email', message: t('validation.email') }, { max: 254 }]}>
            <Input type="email" inputMode="email" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('people.skills')}</Divider>
      <SkillsField />
      <Divider titlePlacement="start">{t('people.certificates')}</Divider>
      <CertificatesField />
    </FormDrawer>
  );
}
