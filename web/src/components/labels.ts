import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_KINDS,
  type CustomerKind,
  DEPARTMENTS,
  type Department,
  POSITIONS,
  type Position,
  ROLES,
  type RecordStatus,
  type Role,
} from '../api/types.ts';

/**
 * Labels of the contract's enumerations. Keys are built as `<prefix>.<value>`;
 * locales.test.ts checks every value of each enumeration has a label in both languages.
 */
export const ENUM_LABEL_PREFIXES = {
  position: POSITIONS,
  role: ROLES,
  department: DEPARTMENTS,
  customerKind: CUSTOMER_KINDS,
  status: ['active', 'inactive', 'all'],
} as const;

export function useLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const position = (value: Position) => t(`position.${value}`);
    const role = (value: Role) => t(`role.${value}`);
    const department = (value: Department) => t(`department.${value}`);
    const customerKind = (value: CustomerKind) => t(`customerKind.${value}`);
    const status = (value: RecordStatus | 'all') => t(`status.${value}`);
    return {
      position,
      role,
      department,
      customerKind,
      status,
      positionOptions: POSITIONS.map((value) => ({ value, label: position(value) })),
      roleOptions: ROLES.map((value) => ({ value, label: role(value) })),
      departmentOptions: DEPARTMENTS.map((value) => ({ value, label: department(value) })),
      customerKindOptions: CUSTOMER_KINDS.map((value) => ({ value, label: customerKind(value) })),
      statusOptions: (['active', 'inactive', 'all'] as const).map((value) => ({ value, label: status(value) })),
    };
  }, [t]);
}
