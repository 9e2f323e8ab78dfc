import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AdminUser, ROLES, type UserFilters } from '../../api/types.ts';
import { CursorTable } from '../../components/DataTable.tsx';
import { useLabels } from '../../components/labels.ts';
import { SearchBox } from '../../components/SearchBox.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useUsers } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';

export function UsersTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const url = useUrlFilters();
  const filters: UserFilters = { q: url.get('q'), role: oneOf(url.get('role'), ROLES) };
  const list = useUsers(filters, true);
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);

  const columns: TableColumnsType<AdminUser> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('users.role'),
      key: 'role',
      render: (_, u) => (
        <>
          {labels.role(u.role)}
          {u.department ? ` · ${labels.department(u.department)}` : ''}
        </>
      ),
    },
    {
      title: t('users.linkedTo'),
      key: 'linked',
      render: (_, u) =>
        u.employee ? (
          <Link to={`/people/${u.employee.id}`}>{u.employee.name}</Link>
        ) : u.customer ? (
          <Link to={`/customers/${u.customer.id}`}>{u.customer.name}</Link>
        ) : null,
    },
    { title: t('users.locale'), key: 'locale', render: (_, u) => (u.locale === 'en' ? t('language.en') : t('language.zhCN')) },
    {
      title: t('common.status'),
      key: 'active',
      render: (_, u) => (u.active ? <Tag color="green">{t('status.active')}</Tag> : <Tag>{t('status.inactive')}</Tag>),
    },
    {
      key: 'actions',
      render: (_, u) => (
        <Space size={0}>
          {u.abilities.update !== false ? (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
              {t('common.edit')}
            </Button>
          ) : null}
          {(u.abilities.resetPassword ?? u.abilities.update) !== false ? (
            <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
              {t('users.resetPassword')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="middle">
        <Col xs={24} md={10}>
          <SearchBox value={filters.q ?? ''} onSearch={(q) => url.set({ q })} placeholder={t('users.searchPlaceholder')} data-testid="users-search" />
        </Col>
        <Col xs={12} md={6}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('users.anyRole')}
            value={filters.role}
            onChange={(role) => url.set({ role })}
            options={labels.roleOptions}
          />
        </Col>
        <Col xs={12} md={8} style={{ textAlign: 'right' }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
            {t('users.create')}
          </Button>
        </Col>
      </Row>
      <CursorTable<AdminUser>
        rowKey="id"
        columns={columns}
        list={list}
      />
      {editing ? <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}
