import type { GeoLocation } from '../../api/types.ts';

/**
 * Where the phone is, when the browser tells within `timeoutMs`; otherwise undefined. Never
 * throws and never waits longer: the action it accompanies goes ahead without it.
 */
export function currentLocation(timeoutMs = 4000): Promise<GeoLocation | undefined> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    try {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          clearTimeout(timer);
          const { latitude, longitude, accuracy } = position.coords;
          resolve({
            latitude: Number(latitude.toFixed(6)),
            longitude: Number(longitude.toFixed(6)),
            ...(Number.isFinite(accuracy) ? { accuracyMeters: Math.min(Math.round(accuracy), 100000) } : {}),
          });
        },
        () => {
          clearTimeout(timer);
          resolve(undefined);
        },
        { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
      );
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}
