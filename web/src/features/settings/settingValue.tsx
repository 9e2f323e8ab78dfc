import { Input, InputNumber, Select } from 'antd';
import { useMemo } from 'react';
import type { SettingKind } from '../../api/types.ts';

/** IANA zone names the browser knows, plus UTC and the current value if missing. */
export function timeZoneOptions(current?: unknown): { value: string; label: string }[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['Asia/Shanghai'];
  }
  const all = new Set(zones);
  all.add('UTC');
  if (typeof current === 'string' && current) all.add(current);
  return [...all].sort().map((zone) => ({ value: zone, label: zone }));
}

export function formatSettingValue(kind: SettingKind, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'percent' && typeof value === 'number') return `${value}%`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

interface SettingValueInputProps {
  kind: SettingKind;
  value?: unknown;
  onChange?: (value: unknown) => void;
  current?: unknown;
  id?: string;
}

/** The input a setting's `kind` calls for. */
export function SettingValueInput({ kind, value, onChange, current, id }: SettingValueInputProps) {
  const zones = useMemo(() => (kind === 'timeZone' ? timeZoneOptions(current) : []), [kind, current]);
  switch (kind) {
    case 'timeZone':
      return (
        <Select<string>
          id={id}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next) => onChange?.(next)}
          options={zones}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          data-testid="setting-value"
        />
      );
    case 'integer':
      return (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange?.(next)}
          precision={0}
          style={{ width: '100%' }}
          data-testid="setting-value"
        />
      );
    case 'percent':
      return (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange?.(next)}
          min={0}
          max={100}
          step={0.5}
          suffix="%"
          style={{ width: '100%' }}
          data-testid="setting-value"
        />
      );
    default:
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : value == null ? '' : String(value)}
          onChange={(e) => onChange?.(e.target.value)}
          data-testid="setting-value"
        />
      );
  }
}
