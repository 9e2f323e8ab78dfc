import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
  'data-testid'?: string;
}

/** A text search applied after the user pauses typing (or presses Enter). */
export function SearchBox({ value, onSearch, placeholder, ...rest }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;

  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => latest.current(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      value={text}
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => latest.current(text.trim())}
      data-testid={rest['data-testid']}
      enterKeyHint="search"
    />
  );
}
