import { useSyncExternalStore } from 'react';
import { getCompanyTimeZone, subscribeCompanyTimeZone } from './time.ts';

export function useCompanyTimeZone(): string {
  return useSyncExternalStore(subscribeCompanyTimeZone, getCompanyTimeZone, getCompanyTimeZone);
}
