import { encodePng } from '../../platform/png.ts';

// A signature as the signature pad sends it, for the demo orders, the benchmarks and the tests.

/** A real PNG with a drawn pen stroke on a transparent pad (what a signature pad sends), as a data URL. */
export function signaturePng(width = 300, height = 100, blank = false): string {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4); // filter byte 0, then RGBA; transparent background
    if (!blank) {
      // a wavy pen stroke, 3 px thick, across the pad
      for (let x = 20; x < width - 20; x++) {
        const centre = height / 2 + Math.sin(x / 11) * (height / 5) + Math.sin(x / 3.7) * 3;
        if (Math.abs(y - centre) <= 1.5) row[1 + x * 4 + 3] = 255; // opaque black
      }
    }
    rows.push(row);
  }
  const png = encodePng(width, height, 6, Buffer.concat(rows));
  return `data:image/png;base64,${png.toString('base64')}`;
}
