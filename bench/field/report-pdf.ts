import { signaturePng } from '../../server/db/seed/signature-png.ts';
import { renderReportPdf } from '../../server/modules/reports/pdf.ts';
import { sampleReportDocument, syntheticPhotoPng } from '../../server/modules/reports/sample-document.ts';

// Report PDF generation (P4.4.2): time per report and memory, for reports with 20 photos.
// The photos are camera-sized PNGs (1600×1200, a few hundred KB to a few MB each, as phones
// upload them); pdfkit embeds PNG and JPEG data without decoding it, so a report costs about the
// size of its photos in memory while it is built, and nothing once it is done.

const PHOTOS = 20;
const REPORTS = Number(process.env.BENCH_REPORTS ?? 20);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function benchReportPdf(): Promise<Record<string, unknown>[]> {
  const photos = Array.from({ length: PHOTOS }, (_, i) => syntheticPhotoPng(1600, 1200, i + 1));
  const signature = Buffer.from(signaturePng().split(',')[1]!, 'base64');
  const doc = sampleReportDocument({ photos, signature });
  await renderReportPdf(doc, 'zh-CN'); // warm-up: reads and parses the CJK fonts once
  const times: number[] = [];
  let bytes = 0;
  let peakRss = process.memoryUsage().rss;
  for (let i = 0; i < REPORTS; i++) {
    const started = performance.now();
    const pdf = await renderReportPdf(doc, i % 2 ? 'en' : 'zh-CN');
    times.push(performance.now() - started);
    bytes = pdf.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  return [
    {
      measure: 'report_pdf',
      photos: PHOTOS,
      photo_bytes_avg: Math.round(photos.reduce((s, p) => s + p.length, 0) / PHOTOS),
      reports: REPORTS,
      ms_per_report_p50: Math.round(percentile(times, 50)),
      ms_per_report_p95: Math.round(percentile(times, 95)),
      pdf_bytes: bytes,
      peak_rss_mb: mb(peakRss),
      heap_used_mb: mb(process.memoryUsage().heapUsed),
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchReportPdf()) console.log(JSON.stringify(line));
}
