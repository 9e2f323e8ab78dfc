import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type {
  ContactInput,
  Customer,
  CustomerFilters,
  CustomerInput,
  CustomerSummary,
  Page,
  ProductInput,
  SiteInput,
} from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';

export const customerKeys = {
  all: ['customers'] as const,
  list: (filters: CustomerFilters) => ['customers', 'list', filters] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
};

export function useCustomers(filters: CustomerFilters) {
  return useCursorList(customerKeys.list(filters), (cursor, signal) =>
    api.get<Page<CustomerSummary>>('/customers', { ...filters, cursor, limit: 25 }, signal),
  );
}

export function useCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: customerKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Customer>(`/customers/${seg(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Every customer write answers the whole customer: it replaces the cached one. */
function useCustomerWrite<V>(write: (vars: V) => Promise<Customer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['picker', 'customers'] });
    },
  });
}

export function useCreateCustomer() {
  return useCustomerWrite((input: CustomerInput) => api.post<Customer>('/customers', input));
}

export type CustomerPatch = Partial<Omit<CustomerInput, 'contacts' | 'sites'>> & { version: number };

export function useUpdateCustomer(id: string) {
  return useCustomerWrite((input: CustomerPatch) => api.patch<Customer>(`/customers/${seg(id)}`, input));
}

export function useDeactivateCustomer(id: string) {
  return useCustomerWrite((input: { version: number; reason: string }) =>
    api.post<Customer>(`/customers/${seg(id)}/deactivate`, input),
  );
}

/** Adds (no `itemId`) or updates (with `itemId` and `version`) a contact, site or product. */
function useChildWrite<I>(customerId: string, collection: 'contacts' | 'sites' | 'products') {
  return useCustomerWrite(({ itemId, version, input }: { itemId?: string; version?: number; input: I }) =>
    itemId
      ? api.patch<Customer>(`/customers/${seg(customerId)}/${collection}/${seg(itemId)}`, { ...input, version })
      : api.post<Customer>(`/customers/${seg(customerId)}/${collection}`, input),
  );
}

export const useSaveContact = (customerId: string) => useChildWrite<ContactInput>(customerId, 'contacts');
export const useSaveSite = (customerId: string) => useChildWrite<SiteInput>(customerId, 'sites');
export const useSaveProduct = (customerId: string) => useChildWrite<ProductInput>(customerId, 'products');
