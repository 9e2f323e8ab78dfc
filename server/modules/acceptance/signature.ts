import { inflateSync } from 'node:zlib';
import { PNG_MAGIC, pngCrc } from '../../platform/png.ts';

// The drawn signature of an acceptance (P4.4.1): a PNG data URL from the signature pad, checked
// for what it claims to be (magic bytes, IHDR, chunk CRCs), for its size, and for actual ink,
// so a blank pad or a stray tap cannot stand for a customer's signature.

export type SignatureProblem = 'not_png' | 'too_large' | 'unsupported' | 'empty';
export type SignatureCheck = { ok: true; png: Buffer } | { ok: false; problem: SignatureProblem };

export type DecodedImage = { width: number; height: number; channels: number; pixels: Uint8Array };

const PREFIX = 'data:image/png;base64,';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Channels per pixel of the 8-bit colour types we read: grey, RGB, grey+alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
/** A signature pad at a phone's pixel ratio is far below this; more is not a signature. */
const MAX_PIXELS = 4_000_000;
/** Fewer inked pixels than this is a blank pad or a stray tap, not a signature. */
export const MIN_INK_PIXELS = 40;
/** A pixel is ink when it is mostly opaque and darker than this (0-255) on average. */
const INK_OPACITY = 128;
const INK_DARKER_THAN = 200;

class PngError extends Error {
  constructor(readonly problem: 'not_png' | 'unsupported') {
    super(problem);
  }
}

/** Checks a signature data URL; `maxBytes` is the setting acceptance.signatureMaxKilobytes in bytes. */
export function checkSignature(dataUrl: string, maxBytes: number, minInk = MIN_INK_PIXELS): SignatureCheck {
  if (!dataUrl.startsWith(PREFIX)) return { ok: false, problem: 'not_png' };
  const base64 = dataUrl.slice(PREFIX.length);
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) return { ok: false, problem: 'not_png' };
  if ((base64.length / 4) * 3 - (base64.match(/=+$/)?.[0].length ?? 0) > maxBytes) return { ok: false, problem: 'too_large' };
  const png = Buffer.from(base64, 'base64');
  try {
    const image = decodePng(png);
    return inkPixels(image) >= minInk ? { ok: true, png } : { ok: false, problem: 'empty' };
  } catch (error) {
    if (error instanceof PngError) return { ok: false, problem: error.problem };
    return { ok: false, problem: 'not_png' }; // a corrupt deflate stream
  }
}

type Header = { width: number; height: number; bitDepth: number; colorType: number; interlace: number };

/** Decodes an 8-bit, non-interlaced grey / grey+alpha / RGB / RGBA PNG into raw pixels. */
export function decodePng(png: Buffer): DecodedImage {
  if (png.length < PNG_MAGIC.length || !png.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) throw new PngError('not_png');
  const chunks = readChunks(png);
  const first = chunks[0];
  if (first?.type !== 'IHDR' || first.data.length !== 13) throw new PngError('not_png');
  const header = readHeader(first.data);
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0) throw new PngError('unsupported');
  if (header.width === 0 || header.height === 0 || header.width * header.height > MAX_PIXELS) throw new PngError('unsupported');
  const idat = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  if (idat.length === 0 || !chunks.some((c) => c.type === 'IEND')) throw new PngError('not_png');
  const stride = header.width * channels;
  const expected = header.height * (stride + 1);
  const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  if (raw.length !== expected) throw new PngError('not_png');
  return { width: header.width, height: header.height, channels, pixels: unfilter(raw, header.height, stride, channels) };
}

function readHeader(data: Buffer): Header {
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8] as number,
    colorType: data[9] as number,
    interlace: data[12] as number,
  };
}

function readChunks(png: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  let at = PNG_MAGIC.length;
  while (at < png.length) {
    if (at + 12 > png.length) throw new PngError('not_png');
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) throw new PngError('not_png');
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    if (pngCrc(typeAndData.subarray(0, 4), typeAndData.subarray(4)) !== png.readUInt32BE(at + 8 + length)) throw new PngError('not_png');
    const type = typeAndData.subarray(0, 4).toString('latin1');
    chunks.push({ type, data: typeAndData.subarray(4) });
    at = end;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Reverses the per-scanline filters (PNG spec 9: None, Sub, Up, Average, Paeth). */
function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[row + x - bpp] as number) : 0;
      const b = y > 0 ? (out[prev + x] as number) : 0;
      const c = y > 0 && x >= bpp ? (out[prev + x - bpp] as number) : 0;
      out[row + x] = ((raw[src + x] as number) + predictor(filter, a, b, c)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4:
      return paeth(a, b, c);
    default:
      throw new PngError('not_png');
  }
}

export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Pixels that are mostly opaque and not near white: the pen's strokes. */
export function inkPixels({ pixels, channels }: DecodedImage): number {
  const hasAlpha = channels === 2 || channels === 4;
  const colours = hasAlpha ? channels - 1 : channels;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += channels) {
    if (hasAlpha && (pixels[i + channels - 1] as number) < INK_OPACITY) continue;
    let sum = 0;
    for (let k = 0; k < colours; k++) sum += pixels[i + k] as number;
    if (sum / colours < INK_DARKER_THAN) ink++;
  }
  return ink;
}
