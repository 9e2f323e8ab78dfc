import { API_BASE, api, toQueryString } from '../../api/client.ts';
import type { AuditEntry, AuditFilters, Page } from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';

export function useAuditLog(filters: AuditFilters) {
  return useCursorList(['audit', filters], (cursor, signal) =>
    api.get<Page<AuditEntry>>('/audit-log', { ...filters, cursor, limit: 50 }, signal),
  );
}

/** The CSV export of the same filters: a plain link, the session cookie authenticates it. */
export function exportUrl(filters: AuditFilters): string {
  return `${API_BASE}/audit-log/export${toQueryString({ ...filters })}`;
}
