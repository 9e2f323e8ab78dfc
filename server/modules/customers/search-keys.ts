import { searchGrams, searchText } from '../../../core/search.ts';

export type CustomerSearchSource = {
  customerNo: string;
  name: string;
  phone: string | null;
  email: string | null;
  contacts: ReadonlyArray<{ name: string; phone: string | null }>;
  serialNumbers: ReadonlyArray<string>;
};

/** The searchable columns of a customer row: its own name and phone, its contacts' and its products' serials. */
export function customerSearchKeys(c: CustomerSearchSource): { searchText: string; searchGrams: string[] } {
  const parts = [
    c.customerNo,
    c.name,
    c.phone,
    c.email,
    ...c.contacts.flatMap((k) => [k.name, k.phone]),
    ...c.serialNumbers,
  ];
  return { searchText: searchText(parts), searchGrams: searchGrams(parts) };
}
