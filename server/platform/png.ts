import { crc32, deflateSync } from 'node:zlib';

// The PNG container (ISO/IEC 15948): what the signature check reads and what the demo, test and
// benchmark images are written with.

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(pngCrc(head.subarray(4), data), 0);
  return Buffer.concat([head, data, crc]);
}

/** The CRC-32 a chunk carries, over its type and data. */
export function pngCrc(type: Uint8Array, data: Uint8Array): number {
  return crc32(data, crc32(type));
}

/**
 * An 8-bit, non-interlaced PNG from scanlines that already begin with their filter byte.
 * colorType: 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA.
 */
export function encodePng(width: number, height: number, colorType: 0 | 2 | 4 | 6, scanlines: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  return Buffer.concat([PNG_MAGIC, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(scanlines)), pngChunk('IEND', Buffer.alloc(0))]);
}
