import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineMeters, isWithinRadius } from './geo.ts';

describe('haversineMeters (P5.1.2 check-in distance)', () => {
  it('is zero for the same point', () => {
    expect(haversineMeters({ latitude: 31.1, longitude: 121.4 }, { latitude: 31.1, longitude: 121.4 })).toBe(0);
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversineMeters({ latitude: 30, longitude: 120 }, { latitude: 31, longitude: 120 })).toBeCloseTo(111_195, -1);
  });

  it('measures Shanghai People\'s Square to Beijing Tiananmen as about 1,067 km', () => {
    const d = haversineMeters({ latitude: 31.2304, longitude: 121.4737 }, { latitude: 39.9087, longitude: 116.3975 });
    expect(d / 1000).toBeGreaterThan(1060);
    expect(d / 1000).toBeLessThan(1075);
  });

  it('shrinks a degree of longitude towards the poles', () => {
    const equator = haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 });
    const north = haversineMeters({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(north / equator).toBeCloseTo(0.5, 2);
  });

  const point = fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) });

  it('is symmetric, non-negative and at most half the circumference', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = haversineMeters(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * 6_371_008.8 + 1e-6);
        expect(Math.abs(d - haversineMeters(b, a))).toBeLessThan(1e-6);
      }),
    );
  });

  it('obeys the triangle inequality (to the metre the check-in keeps)', () => {
    // Near antipodal points asin amplifies floating-point error to centimetres; distances are stored in whole metres.
    fc.assert(fc.property(point, point, point, (a, b, c) => haversineMeters(a, c) <= haversineMeters(a, b) + haversineMeters(b, c) + 1));
  });
});

describe('isWithinRadius (P5.1.2)', () => {
  it('counts the radius itself as inside and unknown distance as unknown', () => {
    expect(isWithinRadius(500, 500)).toBe(true);
    expect(isWithinRadius(501, 500)).toBe(false);
    expect(isWithinRadius(null, 500)).toBeNull();
  });
});
