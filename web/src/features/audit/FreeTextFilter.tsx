import { AutoComplete } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface FreeTextFilterProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  suggestions?: string[];
  placeholder?: string;
  'data-testid'?: string;
}

/** Free text with suggestions, applied after the user pauses typing. */
export function FreeTextFilter({ value, onChange, suggestions = [], placeholder, ...rest }: FreeTextFilterProps) {
  const [text, setText] = useState(value ?? '');
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const next = text.trim() || undefined;
    if (next === value) return;
    const timer = setTimeout(() => latest.current(next), 500);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <AutoComplete
      allowClear
      style={{ width: '100%' }}
      value={text}
      onChange={(next: string | undefined) => setText(next ?? '')}
      options={suggestions.filter((s) => s.includes(text.trim())).map((s) => ({ value: s }))}
      placeholder={placeholder}
      data-testid={rest['data-testid']}
    />
  );
}
