import type { FormInstance } from 'antd';
import { fieldPath } from '../api/client.ts';
import type { FieldProblem } from '../api/types.ts';

export type FieldMapper = (field: string) => string | null;

/**
 * Puts each problem+json field error under the form field it names (`skills.0.level` →
 * ['skills', 0, 'level']). Returns the errors that name no field of this form, so the caller
 * can show them elsewhere.
 */
export function applyFieldErrors(form: FormInstance, errors: FieldProblem[], mapField?: FieldMapper): FieldProblem[] {
  const registered = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldProblem[] = [];
  for (const error of errors) {
    const field = error.field ? (mapField ? mapField(error.field) : error.field) : null;
    const name = field ? fieldPath(field) : [];
    const key = JSON.stringify(name);
    if (name.length === 0 || !registered.has(key)) {
      unplaced.push(error);
      continue;
    }
    const entry = placed.get(key) ?? { name, errors: [] };
    entry.errors.push(error.message);
    placed.set(key, entry);
  }
  if (placed.size > 0) form.setFields([...placed.values()]);
  const first = placed.values().next().value;
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unplaced;
}
