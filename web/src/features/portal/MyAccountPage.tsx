import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CustomerSummary, Page } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { CustomerDetailView } from '../customers/CustomerDetailView.tsx';

/**
 * A customer portal user's own account. The user's `customerId` names it; failing that, the
 * customer list, which for a portal user holds only their account.
 */
export default function MyAccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  const lookup = useQuery({
    queryKey: ['customers', 'mine'],
    queryFn: ({ signal }) => api.get<Page<CustomerSummary>>('/customers', { limit: 1 }, signal),
    enabled: !user.customerId,
  });
  const id = user.customerId ?? lookup.data?.items[0]?.id;
  if (id) return <CustomerDetailView id={id} />;
  if (lookup.isPending) return <PageSpinner />;
  if (lookup.isError) return <QueryError error={lookup.error} onRetry={() => void lookup.refetch()} />;
  return <Result status="info" title={t('portal.noAccount')} subTitle={t('portal.noAccountHint')} />;
}
