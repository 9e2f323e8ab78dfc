// Vocabulary of work orders shared by server and web.
export const CHANNELS = ['phone', 'email', 'portal', 'chat', 'api'] as const; // P4.1.1
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CATEGORIES = ['fault_repair', 'installation', 'commissioning', 'maintenance', 'consultation', 'complaint', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SLA_CLOCKS = ['response', 'arrival', 'resolution'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/** Order numbers people can read over the phone: WO-20261126-0042 (the company's date of receipt). */
export function formatOrderNumber(companyDate: string, sequence: number): string {
  return `WO-${companyDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
