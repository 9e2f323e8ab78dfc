import { Tag } from 'antd';
import type { RecordStatus } from '../api/types.ts';
import { useLabels } from './labels.ts';

export function StatusTag({ status }: { status: RecordStatus }) {
  const labels = useLabels();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{labels.status(status)}</Tag>;
}
