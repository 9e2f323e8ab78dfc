import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { useTeams } from './api.ts';

interface TeamSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Shown when the user may not list teams. */
  fallback?: { id: string; name: string } | null;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

export function TeamSelect({ value, onChange, fallback, placeholder, id, ...rest }: TeamSelectProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const teams = useTeams(can('teams.read'));
  const options = (teams.data?.items ?? []).map((team) => ({
    value: team.id,
    label: team.active ? `${team.name}${team.city ? ` · ${team.city}` : ''}` : `${team.name} (${t('status.inactive')})`,
  }));
  if (fallback && !options.some((o) => o.value === fallback.id)) options.unshift({ value: fallback.id, label: fallback.name });
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={teams.isFetching}
      allowClear
      placeholder={placeholder ?? t('people.anyTeam')}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
