import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer, Site } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useSaveSite } from './api.ts';
import { SiteFields, type SiteFormValues } from './SiteFields.tsx';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

const toNumber = (value: number | string) => {
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
};

export function SiteModal({ customer, site, onClose, onReload }: { customer: Customer; site?: Site; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SiteFormValues>();
  const save = useSaveSite(customer.id);
  const saved = useSaveFeedback(form, { onClose, onReload });

  const onFinish = (v: SiteFormValues) =>
    save.mutate(
      {
        itemId: site?.id,
        version: site?.version,
        input: { name: v.name.trim(), address: v.address.trim(), city: v.city.trim(), latitude: v.latitude ?? 0, longitude: v.longitude ?? 0 },
      },
      saved,
    );

  return (
    <FormModal<SiteFormValues>
      title={site ? t('customers.editSite') : t('customers.addSite')}
      form={form}
      width={680}
      submitting={save.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={
        site
          ? { name: site.name, address: site.address, city: site.city, latitude: toNumber(site.latitude), longitude: toNumber(site.longitude) }
          : undefined
      }
    >
      <SiteFields prefix={[]} />
    </FormModal>
  );
}
