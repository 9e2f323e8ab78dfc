import { haversineMeters, type LatLng } from '../geo.ts';
import type { DispatchTravel, TravelProfile } from '../settings.ts';

// Travel between places (P5.1.2): the planner and the ranking read one matrix of road
// distances and minutes. By default it is estimated from the straight line; a company may
// point the provider at its own OSRM or Valhalla server (server/modules/dispatch/travel.ts).

export interface TravelMatrix {
  /** meters[i][j]: road distance from point i to point j. */
  meters: number[][];
  /** minutes[i][j]: driving time from point i to point j. */
  minutes: number[][];
  /** How the figures were obtained, shown with the plan. */
  source: string;
}

/** Where travel figures come from: one call for all pairs of the given points. */
export interface TravelProvider {
  readonly name: string;
  matrix(points: readonly LatLng[]): Promise<TravelMatrix>;
}

/** The profile for a region: its own when set, else the default. */
export function travelProfile(settings: Pick<DispatchTravel, 'default' | 'regions'>, region: string | null): TravelProfile {
  return (region !== null ? settings.regions[region] : undefined) ?? settings.default;
}

/** Straight-line distance times the road factor, at the profile's average speed. */
export function estimateMatrix(points: readonly LatLng[], profile: TravelProfile): TravelMatrix {
  const n = points.length;
  const meters: number[][] = [];
  const minutes: number[][] = [];
  const metersPerMinute = (profile.speedKmh * 1000) / 60;
  for (let i = 0; i < n; i++) {
    const rowM = new Array<number>(n);
    const rowT = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const m = i === j ? 0 : haversineMeters(points[i]!, points[j]!) * profile.roadFactor;
      rowM[j] = Math.round(m);
      rowT[j] = m / metersPerMinute;
    }
    meters.push(rowM);
    minutes.push(rowT);
  }
  return {
    meters,
    minutes,
    source: `haversine × ${profile.roadFactor} at ${profile.speedKmh} km/h`,
  };
}

export function estimateProvider(profile: TravelProfile): TravelProvider {
  return { name: 'haversine', matrix: async (points) => estimateMatrix(points, profile) };
}
