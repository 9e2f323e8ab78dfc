import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { encode as encodeJpeg } from 'jpeg-js';
import { signaturePng } from '../../server/db/seed/signature-png.ts';
import { renderReportPdf } from '../../server/modules/reports/pdf.ts';
import { sampleReportDocument, syntheticPhotoPng } from '../../server/modules/reports/sample-document.ts';

// Report PDF generation (P4.4.2): time per report and memory, for service reports with 20
// photos, in two variants, one JSON line each:
//   - jpeg: what phones upload. Camera-like JPEGs (a lit scene with edges, texture and sensor
//     noise, quality 80), which pdfkit copies into the PDF without decoding them.
//   - png: the same size as PNGs (a smooth scene with faint noise), as a screenshot or an
//     exported photo would come; their compressed pixel data goes into the PDF as is.
// The photos are made once, before anything is timed; then one warm-up render (it reads and
// parses the CJK fonts), then BENCH_REPORTS timed renders, alternating Chinese and English.
//
// Memory: each variant runs in a child process of its own (so neither inherits the other's
// memory), and renders in a worker thread there: rendering is synchronous, so a timer in the
// rendering thread would only see memory between renders. The child's main thread, idle,
// samples process.memoryUsage().rss (the whole process) every few milliseconds during the timed
// renders. rss_before_worker_mb is the process before the worker existed, rss_at_start_mb the
// first sample (photos made, one render done, garbage collected), peak_rss_mb the highest.
// heap_used_mb is the worker's V8 heap after the renders (photos and PDFs are Buffers, outside
// that heap). consistent: every render in one language gave the same bytes, a whole PDF, with
// every photo in it (plus the signature and its transparency mask).

const PHOTOS = 20;
const WIDTH = 1600;
const HEIGHT = 1200;
const JPEG_QUALITY = 80;
const REPORTS = Number(process.env.BENCH_REPORTS ?? 20);
const SAMPLE_MS = 5;

type Format = 'jpeg' | 'png';
type Started = { kind: 'started' };
type Done = { kind: 'done'; result: Record<string, unknown> };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * An RGBA picture that compresses like a photo of a job site: a wall lit from one side, a
 * machine cabinet with panel seams and a display, a pipe, a tiled floor, fine texture and
 * sensor noise. Deterministic for a seed.
 */
function sitePhotoRgba(width: number, height: number, seed: number): Buffer {
  const rgba = Buffer.alloc(width * height * 4);
  const px = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length); // rounds and clamps to 0..255
  let state = (seed * 2654435761) >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const hash = (x: number, y: number) => {
    let h = (x * 374761393 + y * 668265263 + seed * 144665) | 0;
    h = Math.imul(h ^ (h >>> 13), 1274126177);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  };
  const floorY = Math.round(height * (0.62 + random() * 0.1));
  const cab = { x0: Math.round(width * (0.15 + random() * 0.2)), y0: Math.round(height * (0.15 + random() * 0.1)) };
  const cabX1 = cab.x0 + Math.round(width * (0.3 + random() * 0.15));
  const cabY1 = floorY + Math.round(height * 0.05);
  const pipeY = Math.round(height * (0.08 + random() * 0.1));
  const pipeR = Math.round(height * 0.03);
  const tint = [random() * 40 - 20, random() * 40 - 20, random() * 40 - 20];
  const cabColor = [90 + random() * 120, 100 + random() * 100, 110 + random() * 100];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = 1.15 - 0.55 * Math.hypot((x - width * 0.3) / width, (y - height * 0.2) / height); // lamp, vignette
      let r: number;
      let g: number;
      let b: number;
      if (y >= floorY) {
        const seam = (x + (y - floorY) * 0.6) % 160 < 3 || (y - floorY) % 90 < 3;
        const grain = hash(x >> 2, y >> 2) * 30;
        r = seam ? 70 : 150 + grain;
        g = seam ? 70 : 140 + grain;
        b = seam ? 72 : 125 + grain;
      } else {
        const stain = 18 * Math.sin(x / 47 + seed) * Math.cos(y / 61) + hash(x >> 3, y >> 3) * 14;
        r = 200 + stain;
        g = 196 + stain;
        b = 186 + stain;
      }
      if (Math.abs(y - pipeY) < pipeR) {
        const round = 1 - ((y - pipeY) / pipeR) ** 2;
        r = g = b = 60 + 150 * round;
      }
      if (x >= cab.x0 && x < cabX1 && y >= cab.y0 && y < cabY1) {
        const seam = (x - cab.x0) % 180 < 2 || (y - cab.y0) % 240 < 2;
        const edge = Math.min(x - cab.x0, cabX1 - x, y - cab.y0, cabY1 - y) < 4;
        const brushed = hash(x, y >> 4) * 16;
        const display = x > cab.x0 + 40 && x < cab.x0 + 220 && y > cab.y0 + 40 && y < cab.y0 + 120;
        if (display) [r, g, b] = [20, 60 + ((x >> 3) % 4) * 30, 40];
        else if (seam || edge) [r, g, b] = [40, 42, 45];
        else [r, g, b] = [cabColor[0]! + brushed, cabColor[1]! + brushed, cabColor[2]! + brushed];
      }
      const noise = (random() + random() - 1) * 14;
      const i = (y * width + x) * 4;
      px[i] = r * light + tint[0]! + noise;
      px[i + 1] = g * light + tint[1]! + noise;
      px[i + 2] = b * light + tint[2]! + noise;
      px[i + 3] = 255;
    }
  }
  return rgba;
}

function cameraJpeg(width: number, height: number, seed: number): Buffer {
  return encodeJpeg({ data: sitePhotoRgba(width, height, seed), width, height }, JPEG_QUALITY).data;
}

/** A full garbage collection, through V8's own flag (set at run time: workers take no V8 flags). */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const imageCount = (pdf: Buffer) => {
  let n = 0;
  for (let at = pdf.indexOf('/Subtype /Image'); at !== -1; at = pdf.indexOf('/Subtype /Image', at + 1)) n++;
  return n;
};

/** In the worker: makes the photos, warms up, renders REPORTS reports and reports the figures. */
async function renderVariant(format: Format) {
  const photos = Array.from({ length: PHOTOS }, (_, i) => (format === 'jpeg' ? cameraJpeg(WIDTH, HEIGHT, i + 1) : syntheticPhotoPng(WIDTH, HEIGHT, i + 1)));
  const signature = Buffer.from(signaturePng().split(',')[1]!, 'base64');
  const doc = sampleReportDocument({ photos, signature });
  const warm = await renderReportPdf(doc, 'zh-CN');
  collectGarbage(); // what making the photos left behind is not the renders' memory
  parentPort!.postMessage({ kind: 'started' } satisfies Started);
  const times: number[] = [];
  const digests = { 'zh-CN': new Set<string>(), en: new Set<string>() };
  let last = warm;
  for (let i = 0; i < REPORTS; i++) {
    const locale = i % 2 ? 'en' : 'zh-CN';
    const started = performance.now();
    last = await renderReportPdf(doc, locale);
    times.push(performance.now() - started);
    digests[locale].add(createHash('sha256').update(last).digest('hex'));
  }
  const heapUsed = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  const images = imageCount(last);
  const whole = last.subarray(0, 5).toString('latin1') === '%PDF-' && last.subarray(-8).toString('latin1').includes('%%EOF');
  const result = {
    measure: 'report_pdf',
    photos_format: format,
    photos: PHOTOS,
    photo_px: `${WIDTH}x${HEIGHT}`,
    photo_bytes_avg: Math.round(photos.reduce((s, p) => s + p.length, 0) / PHOTOS),
    reports: REPORTS,
    ms_per_report_p50: Math.round(percentile(times, 50)),
    ms_per_report_p95: Math.round(percentile(times, 95)),
    ms_per_report_max: Math.round(times.at(-1)!),
    pdf_bytes: last.length,
    images_in_pdf: images,
    heap_used_mb: mb(heapUsed),
    consistent: whole && images === PHOTOS + 2 && Object.values(digests).every((d) => d.size === 1),
  };
  parentPort!.postMessage({ kind: 'done', result } satisfies Done);
}

/** Runs one variant in a worker (tsx registered there too) and samples the process's RSS meanwhile. */
function measureVariant(format: Format): Promise<Record<string, unknown>> {
  const before = process.memoryUsage().rss;
  const self = JSON.stringify(import.meta.url);
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${self}); })`, {
    eval: true,
    workerData: { reportPdfVariant: format },
  });
  return new Promise((resolve, reject) => {
    let sampler: NodeJS.Timeout | undefined;
    let atStart = 0;
    let peak = 0;
    let result: Record<string, unknown> | undefined;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    worker.on('message', (m: Started | Done) => {
      if (m.kind === 'started') {
        atStart = process.memoryUsage().rss;
        peak = atStart;
        sampler = setInterval(sample, SAMPLE_MS);
      } else {
        sample();
        clearInterval(sampler);
        result = { ...m.result, rss_before_worker_mb: mb(before), rss_at_start_mb: mb(atStart), peak_rss_mb: mb(peak) };
      }
    });
    worker.on('error', (err) => {
      clearInterval(sampler);
      reject(err);
    });
    // The next variant starts once this worker and its memory are gone.
    worker.on('exit', (code) => {
      clearInterval(sampler);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`report PDF worker (${format}) exited with ${code}`));
    });
  });
}

/** Runs one variant in a child process of its own, so that no variant inherits another's memory. */
function measureVariantApart(format: Format): Promise<Record<string, unknown>> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_REPORT_PDF_VARIANT: format } });
  return new Promise((resolve, reject) => {
    let result: Record<string, unknown> | undefined;
    child.on('message', (m) => {
      result = m as Record<string, unknown>;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`report PDF bench (${format}) exited with ${code}`))));
  });
}

export async function benchReportPdf(): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  for (const format of ['jpeg', 'png'] as const) lines.push(await measureVariantApart(format));
  return lines;
}

const childVariant = process.env.BENCH_REPORT_PDF_VARIANT as Format | undefined;
if (!isMainThread && workerData?.reportPdfVariant) await renderVariant(workerData.reportPdfVariant as Format);
else if (childVariant && process.send) process.send(await measureVariant(childVariant));
else if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchReportPdf()) console.log(JSON.stringify(line));
}
