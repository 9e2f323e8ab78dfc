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

/** JSON indented by two spaces, with arrays of plain values kept on one line (`[1, 2, 3]`). */
export function prettyJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + prettyJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function formatSettingValue(kind: SettingKind, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'json') return prettyJson(value);
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

/** A JSON value's text, as the editor shows it. */
export function jsonText(value: unknown): string {
  return value === undefined ? '' : prettyJson(value);
}

/** The problem with a JSON text, or null when it parses. */
export function jsonProblem(text: unknown): string | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A setting's value for reading: structured (JSON) values formatted in a monospace block. */
export function SettingValueView({ kind, value }: { kind: SettingKind; value: unknown }) {
  if (kind === 'json' && value !== null && value !== undefined) {
    return (
      <pre
        data-testid="setting-json"
        style={{
          margin: 0,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 12,
          lineHeight: 1.5,
          whiteSpace: 'pre',
          overflowX: 'auto',
          maxHeight: 320,
          maxWidth: '100%',
          background: 'rgba(0,0,0,0.03)',
          padding: 8,
          borderRadius: 6,
        }}
      >
        {formatSettingValue(kind, value)}
      </pre>
    );
  }
  return <>{formatSettingValue(kind, value)}</>;
}

/** The input a setting's `kind` calls for (a JSON value is edited as text, parsed on save). */
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
    case 'json':
      return (
        <Input.TextArea
          id={id}
          value={typeof value === 'string' ? value : jsonText(value)}
          onChange={(e) => onChange?.(e.target.value)}
          autoSize={{ minRows: 8, maxRows: 24 }}
          spellCheck={false}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
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
