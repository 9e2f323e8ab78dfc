import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const FALLBACK_TIME_ZONE = 'Asia/Shanghai';
export const DATE_FORMAT = 'YYYY-MM-DD';

let companyTimeZone = FALLBACK_TIME_ZONE;
const listeners = new Set<() => void>();

export function getCompanyTimeZone(): string {
  return companyTimeZone;
}

/** Set from the `company.timeZone` setting; ignored when the zone is not a valid IANA name. */
export function setCompanyTimeZone(zone: string | null | undefined): void {
  const next = zone && isValidTimeZone(zone) ? zone : FALLBACK_TIME_ZONE;
  if (next === companyTimeZone) return;
  companyTimeZone = next;
  for (const listener of listeners) listener();
}

export function subscribeCompanyTimeZone(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An ISO instant shown in the company time zone, e.g. `2026-11-26 11:00`. */
export function formatInstant(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return d.tz(companyTimeZone).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** Today's business date in the company time zone. */
export function todayInCompany(): string {
  return dayjs().tz(companyTimeZone).format(DATE_FORMAT);
}

/** A DatePicker value as a business date (`YYYY-MM-DD`), or null. */
export function toDateString(value: Dayjs | null | undefined): string | null {
  return value?.isValid() ? value.format(DATE_FORMAT) : null;
}

/** A business date as a DatePicker value. */
export function fromDateString(value: string | null | undefined): Dayjs | undefined {
  if (!value) return undefined;
  const d = dayjs(value);
  return d.isValid() ? d : undefined;
}

/** The instant at the end of a business date in the company time zone. */
export function endOfDayInstant(value: Dayjs): string {
  return dayjs.tz(value.format(DATE_FORMAT), companyTimeZone).endOf('day').toISOString();
}

/**
 * A date-time picker's wall-clock value read in the company time zone, as an ISO instant
 * (a technician in another zone still picks "14:00" meaning 14:00 at the company).
 */
export function instantFromPicker(value: Dayjs | null | undefined): string | null {
  if (!value?.isValid()) return null;
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), companyTimeZone).toISOString();
}

/** An ISO instant as a picker value showing its wall-clock time in the company time zone. */
export function pickerFromInstant(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const d = dayjs(iso);
  if (!d.isValid()) return undefined;
  return dayjs(d.tz(companyTimeZone).format('YYYY-MM-DDTHH:mm:ss'));
}

/** Now, as a picker value in the company time zone. */
export function pickerNow(): Dayjs {
  return dayjs(dayjs().tz(companyTimeZone).format('YYYY-MM-DDTHH:mm:ss'));
}
