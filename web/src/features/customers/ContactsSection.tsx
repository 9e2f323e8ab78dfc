import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Customer } from '../../api/types.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { ContactModal } from './ContactModal.tsx';

export function ContactsSection({ customer, onReload }: { customer: Customer; onReload: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const canEdit = Boolean(customer.abilities.update);
  return (
    <Card
      size={mobile ? 'small' : 'medium'}
      title={t('customers.contactsN', { n: customer.contacts.length })}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="contact-add">
            {t('customers.addContact')}
          </Button>
        ) : null
      }
    >
      <Table<Contact>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={customer.contacts}
        locale={{ emptyText: t('customers.noContacts') }}
        columns={[
          {
            title: t('customers.contactName'),
            key: 'name',
            render: (_, c) => (
              <>
                {c.name} {c.isPrimary ? <Tag color="blue">{t('customers.primary')}</Tag> : null}
              </>
            ),
          },
          { title: t('customers.contactTitle'), dataIndex: 'title', key: 'title' },
          { title: t('common.phone'), key: 'phone', render: (_, c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '') },
          { title: t('common.email'), key: 'email', render: (_, c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '') },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  width: 48,
                  render: (_: unknown, c: Contact) => (
                    <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('common.edit')} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <ContactModal customer={customer} contact={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onReload={onReload} />
      ) : null}
    </Card>
  );
}
