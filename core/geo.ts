// Distances on the earth's surface for check-in evidence (P4.3.2, P5.1.2).

export type LatLng = { latitude: number; longitude: number };

/** The mean earth radius (IUGG), in metres. */
const EARTH_RADIUS_M = 6_371_008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two points (haversine formula). */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a check-in this far from the site counts as at the site (P5.1.2: the radius is a dated setting). */
export function isWithinRadius(distanceMeters: number | null, radiusMeters: number): boolean | null {
  return distanceMeters === null ? null : distanceMeters <= radiusMeters;
}
