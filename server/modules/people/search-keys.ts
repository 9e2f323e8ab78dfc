import { searchGrams, searchText } from '../../../core/search.ts';

export type EmployeeSearchSource = {
  employeeNo: string;
  name: string;
  phone: string | null;
  email: string | null;
  skills: ReadonlyArray<{ skill: string }>;
};

/** The searchable columns of an employee row; written by the service and by the seed alike. */
export function employeeSearchKeys(e: EmployeeSearchSource): { searchText: string; searchGrams: string[] } {
  const parts = [e.employeeNo, e.name, e.phone, e.email, ...e.skills.map((s) => s.skill)];
  return { searchText: searchText(parts), searchGrams: searchGrams(parts) };
}
