// Cumulative years of service: prior work experience plus time with the company. Paid annual
// leave (P7.2.3) and base pay by experience (P7.1.1) read this figure.

/** Whole months from one date to another (YYYY-MM-DD), counting a month once its day is reached. */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return Math.max(0, months);
}

export function cumulativeServiceMonths(hireDate: string, priorExperienceMonths: number, today: string): number {
  return priorExperienceMonths + wholeMonthsBetween(hireDate, today);
}

/** Years with one decimal, rounded down so a person never shows more service than they have. */
export function serviceYears(hireDate: string, priorExperienceMonths: number, today: string): number {
  return Math.floor((cumulativeServiceMonths(hireDate, priorExperienceMonths, today) / 12) * 10) / 10;
}
