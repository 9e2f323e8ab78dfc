import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pngChunk } from '../../platform/png.ts';
import { signaturePng } from '../../test/field.ts';
import { checkSignature, decodePng, inkPixels, MIN_INK_PIXELS, paeth } from './signature.ts';

// P4.4.1: the signature must be a real PNG, within the size limit, with actual ink on it.

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

const chunk = pngChunk;

/** Filters one scanline with the given filter type (the encoder side of PNG spec 9). */
function filterRow(filter: number, row: Uint8Array, prev: Uint8Array | null, bpp: number): Buffer {
  const out = Buffer.alloc(row.length + 1);
  out[0] = filter;
  for (let x = 0; x < row.length; x++) {
    const a = x >= bpp ? (row[x - bpp] as number) : 0;
    const b = prev ? (prev[x] as number) : 0;
    const c = prev && x >= bpp ? (prev[x - bpp] as number) : 0;
    const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] as number;
    out[x + 1] = ((row[x] as number) - predicted) & 0xff;
  }
  return out;
}

type Encode = { width: number; height: number; colorType: number; pixels: Uint8Array; filters: number[]; header?: Partial<{ bitDepth: number; interlace: number }> };

function encodePng({ width, height, colorType, pixels, filters, header = {} }: Encode): Buffer {
  const channels = CHANNELS[colorType] ?? 1;
  const stride = width * channels;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    rows.push(filterRow(filters[y % filters.length] ?? 0, row, prev, channels));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = header.bitDepth ?? 8;
  ihdr[9] = colorType;
  ihdr[12] = header.interlace ?? 0;
  const data = deflateSync(Buffer.concat(rows));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', data.subarray(0, data.length >> 1)),
    chunk('IDAT', data.subarray(data.length >> 1)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const url = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const LIMIT = 300 * 1024;

/** A white (or transparent) image with a dark square of `side` pixels. */
function squareImage(colorType: number, side: number, width = 60, height = 40): Uint8Array {
  const channels = CHANNELS[colorType] as number;
  const pixels = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inSquare = x < side && y < side;
      const i = (y * width + x) * channels;
      const colours = channels === 2 || channels === 4 ? channels - 1 : channels;
      for (let k = 0; k < colours; k++) pixels[i + k] = inSquare ? 20 : 255;
      if (colours !== channels) pixels[i + channels - 1] = 255;
    }
  }
  return pixels;
}

describe('signature PNG checks (P4.4.1)', () => {
  it('accepts the signature pad PNG of a drawn stroke', () => {
    const check = checkSignature(signaturePng(), LIMIT);
    expect(check.ok).toBe(true);
  });

  it('refuses a blank pad as empty', () => {
    expect(checkSignature(signaturePng(300, 100, true), LIMIT)).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses a picture larger than the limit', () => {
    const png = signaturePng();
    const size = Buffer.from(png.split(',')[1] as string, 'base64').length;
    expect(checkSignature(png, size - 1)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkSignature(png, size).ok).toBe(true);
  });

  it('refuses what only claims to be a PNG: other type, bad base64, wrong magic, broken CRC, no IHDR', () => {
    const good = Buffer.from(signaturePng().split(',')[1] as string, 'base64');
    expect(checkSignature(`data:image/jpeg;base64,${good.toString('base64')}`, LIMIT)).toEqual({ ok: false, problem: 'not_png' });
    expect(checkSignature('data:image/png;base64,!!not*base64', LIMIT)).toEqual({ ok: false, problem: 'not_png' });
    expect(checkSignature(url(Buffer.from('GIF89a this is not a png at all')), LIMIT)).toEqual({ ok: false, problem: 'not_png' });
    const flipped = Buffer.from(good);
    flipped[20] = (flipped[20] as number) ^ 0xff; // inside IHDR: its CRC no longer matches
    expect(checkSignature(url(flipped), LIMIT)).toEqual({ ok: false, problem: 'not_png' });
    const noHeader = Buffer.concat([good.subarray(0, 8), good.subarray(8 + 25)]); // IHDR removed
    expect(checkSignature(url(noHeader), LIMIT)).toEqual({ ok: false, problem: 'not_png' });
    expect(checkSignature(url(good.subarray(0, good.length - 20)), LIMIT)).toEqual({ ok: false, problem: 'not_png' });
  });

  it('refuses interlaced, 16-bit and palette images as not supported', () => {
    const pixels = squareImage(6, 20);
    const base = { width: 60, height: 40, colorType: 6, pixels, filters: [0] };
    expect(checkSignature(url(encodePng({ ...base, header: { interlace: 1 } })), LIMIT)).toEqual({ ok: false, problem: 'unsupported' });
    expect(checkSignature(url(encodePng({ ...base, header: { bitDepth: 16 } })), LIMIT)).toEqual({ ok: false, problem: 'unsupported' });
    expect(checkSignature(url(encodePng({ ...base, colorType: 3, pixels: new Uint8Array(2400) })), LIMIT)).toEqual({
      ok: false,
      problem: 'unsupported',
    });
  });

  it.each([
    [0, 'grey'],
    [2, 'RGB'],
    [4, 'grey+alpha'],
    [6, 'RGBA'],
  ])('reads colour type %i (%s): ink on white counts, white alone is empty', (colorType) => {
    const inked = encodePng({ width: 60, height: 40, colorType, pixels: squareImage(colorType, 10), filters: [0, 1, 2, 3, 4] });
    expect(inkPixels(decodePng(inked))).toBe(100);
    expect(checkSignature(url(inked), LIMIT).ok).toBe(true);
    const white = encodePng({ width: 60, height: 40, colorType, pixels: squareImage(colorType, 0), filters: [4] });
    expect(checkSignature(url(white), LIMIT)).toEqual({ ok: false, problem: 'empty' });
  });

  it('a stray tap below the minimum ink is empty', () => {
    const side = Math.floor(Math.sqrt(MIN_INK_PIXELS - 1));
    const tap = encodePng({ width: 60, height: 40, colorType: 6, pixels: squareImage(6, side), filters: [0] });
    expect(checkSignature(url(tap), LIMIT)).toEqual({ ok: false, problem: 'empty' });
  });

  it('property: any image, any filter per scanline, decodes to exactly its pixels', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 2, 4, 6),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
        (colorType, width, height, filters, bytes) => {
          const channels = CHANNELS[colorType] as number;
          const pixels = Uint8Array.from(bytes.take(width * height * channels));
          const decoded = decodePng(encodePng({ width, height, colorType, pixels, filters }));
          expect(decoded).toEqual({ width, height, channels, pixels });
        },
      ),
    );
  });

  it('property: garbage never throws, it is refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const check = checkSignature(url(Buffer.from(bytes)), LIMIT);
        expect(check.ok).toBe(false);
      }),
    );
    const good = Buffer.from(signaturePng(80, 40).split(',')[1] as string, 'base64');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = Buffer.from(good);
        bad[at] = (bad[at] as number) ^ xor;
        expect(() => checkSignature(url(bad), LIMIT)).not.toThrow();
      }),
    );
  });
});
