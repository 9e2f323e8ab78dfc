import { describe, expect, it } from 'vitest';
import { signaturePng } from '../../db/seed/signature-png.ts';
import { encodePng } from '../../platform/png.ts';
import { renderReportPdf } from './pdf.ts';
import { pdfPagesText } from './pdf-text.ts';
import { sampleReportDocument, syntheticPhotoPng } from './sample-document.ts';

const signature = Buffer.from(signaturePng().split(',')[1]!, 'base64');
const photos = Array.from({ length: 6 }, (_, i) => syntheticPhotoPng(320, 240, i + 1));
// pdfjs splits runs of text into pieces; compare without the spaces between them.
const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, '');

describe('the service report PDF (P4.4.2)', () => {
  it('P4.4.2: a Chinese report carries its Chinese text as extractable text, with the parts sum and the late arrival', async () => {
    const doc = sampleReportDocument({ photos, signature });
    const pages = await pdfPagesText(await renderReportPdf(doc, 'zh-CN'));
    const text = flat(pages);
    expect(text).toContain('维修服务报告');
    expect(text).toContain(doc.customer.name);
    expect(text).toContain(doc.faultCause!.replace(/\s+/g, ''));
    expect(text).toContain('E-CAP-01启动电容失效');
    expect(text).toContain('¥219.00'); // 85.00 + 4 × 3.50 + 120.00
    expect(text).toContain('迟到15分钟'); // arrived 13:25, due 13:10
    expect(text).toContain('2026-11-2713:25'); // shown in the company time zone
    expect(text).toContain('签字人王经理');
    expect(text).toContain('旧电机绝缘偏低');
    expect(text).not.toContain('Fault cause');
  });

  it('P4.4.2, P2.3.3: an English installation report has English labels, the Chinese data and the training given', async () => {
    const doc = sampleReportDocument({ photos, signature, kind: 'installation' });
    const text = flat(await pdfPagesText(await renderReportPdf(doc, 'en')));
    expect(text).toContain('Installationservicereport');
    expect(text).toContain('Faultcause');
    expect(text).toContain('E-CAP-01Startcapacitorfailed');
    expect(text).toContain(doc.customer.name);
    expect(text).toContain('开关机操作');
    expect(text).toContain('Lateby15min');
    expect(text).not.toContain('故障原因');
  });

  it('P4.4.2: twenty photos, two to a row, flow over pages, each page numbered', async () => {
    const many = Array.from({ length: 20 }, (_, i) => syntheticPhotoPng(320, 240, i + 1));
    const pages = await pdfPagesText(await renderReportPdf(sampleReportDocument({ photos: many, signature }), 'en'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const [i, p] of pages.entries()) expect(p.replace(/\s+/g, '')).toContain(`Page${i + 1}of${pages.length}`);
    expect(flat(pages)).toContain('Sitephoto20');
  });

  it('renders the same bytes for the same report, and different bytes once the content changes', async () => {
    const doc = sampleReportDocument({ photos, signature });
    const [a, b] = [await renderReportPdf(doc, 'zh-CN'), await renderReportPdf(doc, 'zh-CN')];
    expect(a.equals(b)).toBe(true);
    const c = await renderReportPdf({ ...doc, rating: null }, 'zh-CN');
    expect(a.equals(c)).toBe(false);
  });

  it('an opaque PNG photo is embedded once, its compressed pixels as they are; PNGs with alpha still go through pdfkit', async () => {
    const photo = syntheticPhotoPng(320, 240, 7);
    const rgbaRows = Buffer.alloc((8 * 4 + 1) * 6, 200);
    for (let y = 0; y < 6; y++) rgbaRows[y * (8 * 4 + 1)] = 0; // filter byte "None" on each row
    const rgba = encodePng(8, 6, 6, rgbaRows);
    const pdf = await renderReportPdf(sampleReportDocument({ photos: [photo, Buffer.from(photo), rgba], signature }), 'en');
    const raw = pdf.toString('latin1').replace(/\n/g, ' ');
    const idat = photo.subarray(8 + 25 + 8, photo.length - 12 - 4); // one IDAT chunk, between IHDR and IEND
    expect(pdf.indexOf(idat)).toBeGreaterThan(0);
    expect(pdf.indexOf(idat, pdf.indexOf(idat) + 1)).toBe(-1); // the same photo twice is embedded once
    expect(raw).toContain('/Width 320 /Height 240 /Filter /FlateDecode /DecodeParms');
    expect(raw.match(/\/Predictor 15 \/Colors 3 \/BitsPerComponent 8 \/Columns 320/g)).toHaveLength(1);
    expect(raw).toContain('/Width 8 /Height 6'); // the RGBA photo, split into colour and mask by pdfkit
    expect(flat(await pdfPagesText(pdf))).not.toContain('(theimagecannotbeshown)');
  });

  it('an unreadable photo is noted, not fatal', async () => {
    const rgbaRows = Buffer.alloc((8 * 4 + 1) * 6, 200);
    const good = encodePng(8, 6, 6, rgbaRows);
    // A PNG with transparency whose compressed pixels are damaged (pdfkit would inflate it in a callback and crash).
    const damaged = Buffer.from(good);
    damaged.fill(0x13, 8 + 25 + 8 + 2, 8 + 25 + 8 + 12);
    const doc = sampleReportDocument({ photos: [Buffer.from('not an image'), damaged], signature });
    const text = flat(await pdfPagesText(await renderReportPdf(doc, 'en')));
    expect(text.match(/\(theimagecannotbeshown\)/g)).toHaveLength(2);
  });
});
