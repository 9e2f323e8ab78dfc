import { searchGrams, searchText } from '../../../core/search.ts';

/** Full-text keys of an order: its number, title and description (Chinese-aware, see core/search.ts). */
export function workOrderSearchKeys(o: { number: string; title: string; description: string }) {
  const parts = [o.number, o.title, o.description];
  return { searchText: searchText(parts), searchGrams: searchGrams(parts) };
}
