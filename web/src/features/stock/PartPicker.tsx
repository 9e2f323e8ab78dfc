import { RemoteSelect } from '../../components/RemoteSelect.tsx';
import { searchParts } from './api.ts';

interface PartPickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  'data-testid'?: string;
}

/** One active part from the catalogue, searched by part number, name or model. */
export function PartPicker(props: PartPickerProps) {
  return (
    <RemoteSelect
      {...props}
      queryKey="parts"
      search={async (q, signal) => (await searchParts(q, signal)).items.map((p) => ({ value: p.id, label: `${p.partNo} · ${p.name}` }))}
    />
  );
}
