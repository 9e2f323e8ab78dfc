import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Option {
  value: string;
  label: string;
}

interface RemoteSelectProps {
  /** Query key prefix; the search text is appended. */
  queryKey: string;
  search: (q: string, signal: AbortSignal) => Promise<Option[]>;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The label of the current value, which the first page of results may not hold. */
  initialOption?: Option | null;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** A searchable select whose options come from the server (people, customers, users). */
export function RemoteSelect({ queryKey, search, value, onChange, initialOption, placeholder, disabled, allowClear = true, id, ...rest }: RemoteSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const query = useQuery({
    queryKey: ['picker', queryKey, debounced],
    queryFn: ({ signal }) => search(debounced, signal),
    enabled: !disabled,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const found = query.data ?? [];
    if (initialOption && !found.some((o) => o.value === initialOption.value)) return [initialOption, ...found];
    return found;
  }, [query.data, initialOption]);
  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      placeholder={placeholder ?? t('common.searchToSelect')}
      disabled={disabled}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={query.isFetching ? <Spin size="small" /> : t('common.noMatches')}
      style={{ width: '100%' }}
    />
  );
}
