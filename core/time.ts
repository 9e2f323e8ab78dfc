// Instants are UTC; business dates belong to the company time zone. These convert between them.

/** Offset of a zone from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The UTC instant at which a business date (plus some days) begins in a time zone. */
export function zonedDayStart(date: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + addDays);
  let instant = wall - zoneOffsetMs(new Date(wall), timeZone);
  // A second pass settles days on which the offset changes (daylight saving time).
  instant = wall - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}
