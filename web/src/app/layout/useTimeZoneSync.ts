import { useEffect } from 'react';
import { COMPANY_TIME_ZONE_KEY, useSettings } from '../../features/settings/api.ts';
import { FALLBACK_TIME_ZONE, setCompanyTimeZone } from '../../lib/time.ts';
import { useAuth } from '../auth.tsx';

/**
 * Keeps the company time zone (setting `company.timeZone`) for formatInstant. Only users who
 * may read settings can see it; others use Asia/Shanghai. Returns false until it is known.
 */
export function useTimeZoneSync(): boolean {
  const { can } = useAuth();
  const allowed = can('settings.read');
  const settings = useSettings(allowed);
  const zone = settings.data?.items.find((s) => s.key === COMPANY_TIME_ZONE_KEY)?.current?.value;
  useEffect(() => {
    setCompanyTimeZone(allowed && typeof zone === 'string' ? zone : FALLBACK_TIME_ZONE);
  }, [allowed, zone]);
  return !allowed || settings.isSuccess || settings.isError;
}
