import { api } from '../api/client.ts';
import type { AdminUser, CustomerSummary, Employee, Page } from '../api/types.ts';
import { type Option, RemoteSelect } from './RemoteSelect.tsx';

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialOption?: Option | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
}

export function EmployeePicker(props: PickerProps) {
  return (
    <RemoteSelect
      {...props}
      queryKey="employees"
      search={async (q, signal) => {
        const page = await api.get<Page<Employee>>('/employees', { q, limit: 20 }, signal);
        return page.items.map((e) => ({ value: e.id, label: `${e.name} (${e.employeeNo})` }));
      }}
    />
  );
}

export function CustomerPicker(props: PickerProps) {
  return (
    <RemoteSelect
      {...props}
      queryKey="customers"
      search={async (q, signal) => {
        const page = await api.get<Page<CustomerSummary>>('/customers', { q, limit: 20 }, signal);
        return page.items.map((c) => ({ value: c.id, label: `${c.name} (${c.customerNo})` }));
      }}
    />
  );
}

export function UserPicker(props: PickerProps) {
  return (
    <RemoteSelect
      {...props}
      queryKey="users"
      search={async (q, signal) => {
        const page = await api.get<Page<AdminUser>>('/users', { q, limit: 20 }, signal);
        return page.items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
      }}
    />
  );
}
