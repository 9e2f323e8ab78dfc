import { useParams } from 'react-router';
import { useUser } from '../../app/auth.tsx';
import { CustomerDetailView } from './CustomerDetailView.tsx';

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const user = useUser();
  return <CustomerDetailView id={id} back={user.role === 'customer' ? undefined : '/customers'} />;
}
