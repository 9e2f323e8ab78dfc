import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Employee, Page, Position } from '../../api/types.ts';
import { type Option, RemoteSelect } from '../../components/RemoteSelect.tsx';

/** The positions that take work orders. */
export const TECHNICIAN_POSITIONS: readonly Position[] = ['support_engineer', 'repair_engineer', 'installation_engineer'];

/** Active technicians matching `q` (name, number, phone or skill), optionally of one team. */
async function searchTechnicians(q: string, signal: AbortSignal, teamId?: string | null, exclude?: string | null): Promise<Option[]> {
  const pages = await Promise.all(
    TECHNICIAN_POSITIONS.map((position) =>
      api.get<Page<Employee>>('/employees', { q, position, status: 'active', teamId: teamId ?? undefined, limit: 10 }, signal),
    ),
  );
  return pages
    .flatMap((page) => page.items)
    .filter((e) => e.id !== exclude)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((e) => ({ value: e.id, label: `${e.name} (${e.employeeNo})${e.team ? ` · ${e.team.name}` : ''}` }));
}

interface TechnicianPickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialOption?: Option | null;
  teamId?: string | null;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** One active technician, searched by name, number or skill. */
export function TechnicianPicker({ teamId, ...props }: TechnicianPickerProps) {
  return (
    <RemoteSelect {...props} queryKey={`technicians:${teamId ?? ''}`} search={(q, signal) => searchTechnicians(q, signal, teamId)} />
  );
}

interface TechniciansSelectProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Not offered (the caller themself). */
  exclude?: string | null;
  id?: string;
  'data-testid'?: string;
}

/** Several technicians (the colleagues invited to a consultation). */
export function TechniciansSelect({ value, onChange, exclude, id, ...rest }: TechniciansSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const known = useRef(new Map<string, string>());
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const query = useQuery({
    queryKey: ['picker', 'technicians-multi', debounced, exclude ?? ''],
    queryFn: ({ signal }) => searchTechnicians(debounced, signal, null, exclude),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const found = query.data ?? [];
    for (const o of found) known.current.set(o.value, o.label);
    const chosen = (value ?? []).filter((v) => !found.some((o) => o.value === v)).map((v) => ({ value: v, label: known.current.get(v) ?? v }));
    return [...chosen, ...found];
  }, [query.data, value]);
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      data-testid={rest['data-testid']}
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={t('common.searchToSelect')}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={query.isFetching ? <Spin size="small" /> : t('common.noMatches')}
      style={{ width: '100%' }}
    />
  );
}
