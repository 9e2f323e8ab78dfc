import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Locale } from '../../db/schema.ts';
import { PNG_MAGIC } from '../../platform/png.ts';
import type { ReportDocument } from './document.ts';
import { pdfLabels } from './pdf-labels.ts';

// The service report as a PDF (P4.4.2): A4, every label in the chosen language, Chinese text
// set in an embedded (subsetted) Noto Sans SC, so it is text a reader can copy and search.

type Doc = PDFKit.PDFDocument;
type Labels = ReturnType<typeof pdfLabels>;

const require = createRequire(import.meta.url);
const fontFiles = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** The CJK fonts, read once (10 MB each) and kept; pdfkit embeds only the glyphs a report uses. */
function cjkFonts() {
  fonts ??= { regular: readFileSync(require.resolve(fontFiles.regular)), bold: readFileSync(require.resolve(fontFiles.bold)) };
  return fonts;
}

const MARGIN = 40;
const GAP = 12;
const COLOR = { text: '#1f1f1f', muted: '#6b6b6b', accent: '#1656a8', rule: '#d0d7e2', band: '#eef3fa', late: '#b42318', ok: '#217a3c' };

function formatInstant(d: Date | null, timeZone: string): string {
  if (!d) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** Arrival against the deadline (P5.1.2): on time up to and including the deadline. */
export function arrivalVerdict(arrivedAt: Date | null, dueAt: Date | null, l: Labels): { text: string; late: boolean } {
  if (!arrivedAt) return { text: l.notArrived, late: false };
  if (!dueAt) return { text: l.noDeadline, late: false };
  const lateMs = arrivedAt.getTime() - dueAt.getTime();
  return lateMs <= 0 ? { text: l.onTime, late: false } : { text: l.late(Math.ceil(lateMs / 60_000)), late: true };
}

class Writer {
  readonly width: number;
  constructor(
    readonly doc: Doc,
    readonly l: Labels,
    readonly zone: string,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
  }

  get bottom() {
    return this.doc.page.height - MARGIN - 20;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  font(bold = false, size = 9.5, color = COLOR.text) {
    return this.doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(size).fillColor(color);
  }

  section(title: string) {
    this.ensure(60);
    const y = this.doc.y + 6;
    this.doc.rect(MARGIN, y, this.width, 18).fill(COLOR.band);
    this.doc.rect(MARGIN, y, 3, 18).fill(COLOR.accent);
    this.font(true, 10.5, COLOR.accent).text(title, MARGIN + 10, y + 3, { width: this.width - 14, lineBreak: false });
    this.doc.x = MARGIN;
    this.doc.y = y + 24;
  }

  /** Label-value pairs, two to a row. */
  fields(pairs: [string, string][], columns = 2) {
    const colWidth = (this.width - GAP * (columns - 1)) / columns;
    const labelWidth = 70;
    for (let i = 0; i < pairs.length; i += columns) {
      const row = pairs.slice(i, i + columns);
      const height = Math.max(...row.map(([, v]) => this.font(false).heightOfString(v || '—', { width: colWidth - labelWidth }))) + 4;
      this.ensure(height);
      const y = this.doc.y;
      row.forEach(([label, value], c) => {
        const x = MARGIN + c * (colWidth + GAP);
        this.font(false, 9, COLOR.muted).text(label, x, y, { width: labelWidth - 4 });
        this.font(false).text(value || '—', x + labelWidth, y, { width: colWidth - labelWidth });
      });
      this.doc.x = MARGIN;
      this.doc.y = y + height;
    }
  }

  /** A labelled block of free text across the page; long text flows onto the next page. */
  paragraph(label: string, value: string | null) {
    this.ensure(34);
    this.font(false, 9, COLOR.muted).text(label, MARGIN, this.doc.y, { width: this.width });
    this.font(false).text(value?.trim() || '—', MARGIN, this.doc.y + 1, { width: this.width });
    this.doc.moveDown(0.4);
  }

  /** A table with a header row, repeated on each new page; `align` per column. */
  table(headers: string[], widths: number[], rows: string[][], align: ('left' | 'right' | 'center')[] = []) {
    const total = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => (w / total) * this.width);
    const drawRow = (cells: string[], bold: boolean) => {
      const height = Math.max(...cells.map((c, i) => this.font(bold, 9).heightOfString(c || ' ', { width: cols[i]! - 8 }))) + 6;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (!bold) drawRow(headers, true);
      }
      const y = this.doc.y;
      if (bold) this.doc.rect(MARGIN, y, this.width, height).fill(COLOR.band);
      let x = MARGIN;
      cells.forEach((c, i) => {
        this.font(bold, 9).text(c, x + 4, y + 3, { width: cols[i]! - 8, align: align[i] ?? 'left' });
        x += cols[i]!;
      });
      this.doc
        .moveTo(MARGIN, y + height)
        .lineTo(MARGIN + this.width, y + height)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      this.doc.x = MARGIN;
      this.doc.y = y + height;
    };
    this.ensure(40);
    drawRow(headers, true);
    for (const r of rows) drawRow(r, false);
    this.doc.moveDown(0.5);
  }

  note(text: string, color = COLOR.muted) {
    this.ensure(16);
    this.font(false, 9, color).text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
  }
}

function header(w: Writer, r: ReportDocument) {
  const { doc, l } = w;
  w.font(false, 9, COLOR.muted).text(l.brand, MARGIN, MARGIN, { width: w.width / 2 });
  w.font(true, 18, COLOR.accent).text(l.title[r.kind], MARGIN, MARGIN + 14, { width: w.width / 2 + 40 });
  const right = MARGIN + w.width / 2;
  w.font(true, 11).text(`${l.orderNumber}: ${r.order.number}`, right, MARGIN, { width: w.width / 2, align: 'right' });
  const filed = r.status === 'filed' ? `${l.filedAt}: ${formatInstant(r.filedAt, r.timeZone)}` : l.draft;
  w.font(false, 9, r.status === 'filed' ? COLOR.muted : COLOR.late).text(filed, right, MARGIN + 18, { width: w.width / 2, align: 'right' });
  if (r.filedBy) w.font(false, 9, COLOR.muted).text(`${l.filedBy}: ${r.filedBy}`, right, doc.y, { width: w.width / 2, align: 'right' });
  const y = Math.max(doc.y, MARGIN + 44) + 4;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + w.width, y).lineWidth(1).strokeColor(COLOR.accent).stroke();
  doc.x = MARGIN;
  doc.y = y + 4;
}

function customerSection(w: Writer, r: ReportDocument) {
  const { l } = w;
  w.section(l.sections.customer);
  const contact = [r.customer.contactName, r.customer.contactPhone].filter(Boolean).join(' ');
  w.fields([
    [l.customer, r.customer.name + l.paren(r.customer.customerNo)],
    [l.contact, contact],
    [l.site, r.site ? `${r.site.name} ${r.site.address}` : ''],
    [l.receivedAt, formatInstant(r.order.receivedAt, r.timeZone)],
    [l.product, r.product ? `${r.product.model} ${r.product.productName}` : ''],
    [l.serial, r.product?.serialNumber ?? ''],
  ]);
}

function faultSection(w: Writer, r: ReportDocument, locale: Locale) {
  const { l } = w;
  w.section(l.sections.fault);
  w.paragraph(l.description, `${r.order.title}\n${r.order.description}`);
  w.fields([[l.faultCode, r.fault ? `${r.fault.code} ${r.fault.name[locale]}` : '']], 1);
  w.paragraph(l.faultCause, r.faultCause);
  w.section(l.sections.solution);
  w.paragraph(l.solution, r.solution);
  if (r.order.resolution) w.paragraph(l.resolution, r.order.resolution);
}

function partsSection(w: Writer, r: ReportDocument) {
  const { l } = w;
  w.section(l.sections.parts);
  if (!r.parts.length) return w.note(l.noParts);
  const rows = r.parts.map((p) => [p.partNo, p.name, `${p.quantity} ${p.unit}`, yuan(p.unitCostFen), yuan(p.unitCostFen * p.quantity)]);
  const sum = r.parts.reduce((s, p) => s + p.unitCostFen * p.quantity, 0);
  rows.push(['', l.partsSum, '', '', yuan(sum)]);
  w.table([l.partNo, l.partName, l.quantity, l.unitCost, l.total], [18, 34, 12, 16, 16], rows, ['left', 'left', 'right', 'right', 'right']);
}

function labourSection(w: Writer, r: ReportDocument) {
  const { l } = w;
  w.section(l.sections.labour);
  const { travelMinutes: travel, onSiteMinutes: onSite } = r.labour;
  const total = travel === null && onSite === null ? null : (travel ?? 0) + (onSite ?? 0);
  w.fields(
    [
      [l.travel, l.minutes(travel)],
      [l.onSite, l.minutes(onSite)],
      [l.labourTotal, l.minutes(total)],
    ],
    3,
  );
  const verdict = arrivalVerdict(r.order.arrivedAt, r.order.arrivalDueAt, l);
  w.fields(
    [
      [l.arrivedAt, formatInstant(r.order.arrivedAt, r.timeZone)],
      [l.arrivalDueAt, formatInstant(r.order.arrivalDueAt, r.timeZone)],
      [l.arrival, verdict.text],
    ],
    3,
  );
}

function checklistSection(w: Writer, r: ReportDocument, locale: Locale) {
  const { l } = w;
  w.section(l.sections.checklists);
  if (!r.checklists.length) return w.note(l.noChecklists);
  for (const list of r.checklists) {
    w.ensure(50);
    w.font(true, 9.5).text(list.name[locale], MARGIN, w.doc.y, { width: w.width });
    w.doc.moveDown(0.2);
    const rows = list.items.map((i) => [
      i.label[locale],
      i.done ? l.yes : l.no,
      i.value === null ? '—' : `${Number(i.value)}${i.unit ? ` ${i.unit}` : ''}`,
      i.outOfRange ? (i.justification ?? '—') : '',
    ]);
    w.table([l.item, l.done, l.value, l.justification], [40, 10, 18, 32], rows, ['left', 'center', 'right', 'left']);
  }
}

function trainingSection(w: Writer, r: ReportDocument) {
  if (!r.training) return;
  const { l } = w;
  w.section(l.sections.training);
  w.fields(
    [
      [l.trainingAttendees, r.training.attendees ?? ''],
      [l.trainingMinutes, l.minutes(r.training.minutes)],
    ],
    2,
  );
  w.paragraph(l.trainingTopics, r.training.topics);
}

/**
 * What pdfkit needs to place an image: its size, the name it has in the page's resources, and
 * the XObject written once into the PDF (`doc.openImage` returns such objects; `doc.image`
 * takes them back).
 */
interface PlacedImage {
  width: number;
  height: number;
  label: string;
  obj: PDFKit.PDFKitReference | null;
  embed(doc: Doc): void;
}

/**
 * An opaque, 8-bit, non-interlaced grey or RGB PNG (a camera photo saved as PNG), embedded the
 * way pdfkit embeds it: its compressed pixel data as is, decoded by the reader with the PNG
 * predictors. pdfkit's PNG reader (png-js) copies that data into a JS array byte by byte, about
 * 60 ms and 30 MB of garbage for a 2 MB photo; here the IDAT chunks are sliced out of the file.
 * Anything else (alpha, palette, transparency, 16-bit, interlaced, damaged) returns null and
 * is left to pdfkit, unchanged.
 */
function opaquePng(data: Buffer, label: string): PlacedImage | null {
  if (data.length < 8 + 25 || !data.subarray(0, 8).equals(PNG_MAGIC)) return null;
  let pos = 8;
  let ihdr: Buffer | null = null;
  const idat: Buffer[] = [];
  for (;;) {
    if (pos + 12 > data.length) return null;
    const size = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    const body = pos + 8;
    if (size > data.length - body - 4) return null;
    if (!ihdr && type !== 'IHDR') return null;
    if (type === 'IHDR') {
      if (ihdr || size !== 13) return null;
      ihdr = data.subarray(body, body + 13);
    } else if (type === 'IDAT') idat.push(data.subarray(body, body + size));
    else if (type === 'PLTE' || type === 'tRNS') return null;
    else if (type === 'IEND') break;
    pos = body + size + 4;
  }
  if (!ihdr || !idat.length) return null;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [bits, colorType, compression, filter, interlace] = [ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]];
  if (!width || !height || bits !== 8 || (colorType !== 0 && colorType !== 2) || compression !== 0 || filter !== 0 || interlace !== 0) return null;
  const colors = colorType === 2 ? 3 : 1;
  return {
    width,
    height,
    label,
    obj: null,
    embed(doc) {
      if (this.obj) return;
      // The same dictionaries, in the same order, as pdfkit's own PNG embedding.
      const obj = doc.ref({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: width, Height: height, Filter: 'FlateDecode' });
      const parms = doc.ref({ Predictor: 15, Colors: colors, BitsPerComponent: 8, Columns: width });
      Object.assign(obj.data, { DecodeParms: parms, ColorSpace: colors === 3 ? 'DeviceRGB' : 'DeviceGray' });
      parms.end(null);
      obj.end(idat.length === 1 ? idat[0] : Buffer.concat(idat));
      this.obj = obj;
    },
  };
}

/**
 * pdfkit inflates a PNG with transparency in a zlib callback, where a damaged file throws past
 * every try/catch and takes the process down. So a PNG is only handed to pdfkit when its pixel
 * data inflates here, synchronously; otherwise it is unreadable like any other bad upload.
 */
function assertPngInflates(data: Buffer): void {
  if (data.length < 8 || !data.subarray(0, 8).equals(PNG_MAGIC)) return;
  const idat: Buffer[] = [];
  for (let pos = 8; pos + 12 <= data.length; ) {
    const size = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    if (size > data.length - pos - 12) throw new Error('truncated PNG');
    if (type === 'IDAT') idat.push(data.subarray(pos + 8, pos + 8 + size));
    if (type === 'IEND') break;
    pos += 12 + size;
  }
  if (!idat.length) throw new Error('PNG without pixel data');
  inflateSync(Buffer.concat(idat)); // throws on damaged data
}

/**
 * Opens the report's photos for one PDF: by the fast path above when it applies, else by pdfkit
 * (JPEG, other PNGs, and anything unreadable, which throws as before). A photo uploaded twice
 * (same bytes) is opened and embedded once.
 */
function photoOpener(doc: Doc) {
  const opened = new Map<number, { data: Buffer; image: PlacedImage }[]>(); // by byte length
  let count = 0;
  return (data: Buffer): PlacedImage => {
    const sameSize = opened.get(data.length) ?? [];
    const seen = sameSize.find((p) => p.data === data || p.data.equals(data));
    if (seen) return seen.image;
    const fast = opaquePng(data, `P${count + 1}`);
    if (!fast) assertPngInflates(data);
    count++;
    const image = fast ?? (doc as Doc & { openImage(src: Buffer): PlacedImage }).openImage(data);
    opened.set(data.length, [...sameSize, { data, image }]);
    return image;
  };
}

function photoSection(w: Writer, r: ReportDocument) {
  const { doc, l } = w;
  w.section(l.sections.photos);
  if (!r.photos.length) return w.note(l.noPhotos);
  const cell = (w.width - GAP) / 2;
  const box = { width: cell, height: cell * 0.75 };
  const open = photoOpener(doc);
  for (let i = 0; i < r.photos.length; i += 2) {
    w.ensure(box.height + 22);
    const y = doc.y;
    r.photos.slice(i, i + 2).forEach((p, c) => {
      const x = MARGIN + c * (cell + GAP);
      doc.rect(x, y, box.width, box.height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      try {
        doc.image(open(p.data) as unknown as Buffer, x + 2, y + 2, { fit: [box.width - 4, box.height - 4], align: 'center', valign: 'center' });
      } catch {
        w.font(false, 9, COLOR.muted).text(l.photoUnreadable, x, y + box.height / 2, { width: box.width, align: 'center' });
      }
      w.font(false, 8.5, COLOR.muted).text(p.caption, x, y + box.height + 3, { width: box.width, align: 'center', lineBreak: false, ellipsis: true });
    });
    doc.x = MARGIN;
    doc.y = y + box.height + 18;
  }
}

function acceptanceSection(w: Writer, r: ReportDocument, locale: Locale) {
  const { doc, l } = w;
  w.section(l.sections.acceptance);
  if (!r.acceptance) w.note(l.notAccepted);
  else {
    w.ensure(100);
    const y = doc.y;
    try {
      doc.image(r.acceptance.signaturePng, MARGIN, y, { fit: [200, 80] });
    } catch {
      w.font(false, 9, COLOR.muted).text(l.photoUnreadable, MARGIN, y + 30, { width: 200 });
    }
    doc.rect(MARGIN, y, 200, 80).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    w.font(false, 9, COLOR.muted).text(l.signer, MARGIN + 220, y + 10);
    w.font(true, 11).text(r.acceptance.signerName, MARGIN + 220, y + 22);
    w.font(false, 9, COLOR.muted).text(`${l.signedAt}: ${formatInstant(r.acceptance.at, r.timeZone)}`, MARGIN + 220, y + 44);
    doc.x = MARGIN;
    doc.y = y + 88;
  }
  w.section(l.sections.rating);
  if (!r.rating) return w.note(l.notRated);
  const answers: [string, string][] = r.rating.answers.map((a) => [a.label[locale], `${a.score} / 5`]);
  w.fields([[l.overall, `${r.rating.rating} / 5`], ...answers], 2);
  w.paragraph(l.comment, r.rating.comment);
}

function peopleSection(w: Writer, r: ReportDocument) {
  const { l } = w;
  w.section(l.sections.people);
  const consultants = r.consultants.map((c) => c.name + l.paren([c.role === 'owner' ? l.owner : l.invited, ...(c.contributed ? [l.contributed] : [])].join(l.comma)));
  w.fields(
    [
      [l.technician, r.technician ? r.technician.name + l.paren(r.technician.employeeNo) : ''],
      [l.consultants, consultants.length ? consultants.join(l.listSeparator) : l.none],
    ],
    1,
  );
}

function footers(w: Writer, r: ReportDocument) {
  const { doc, l } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN;
    // Writing below the bottom margin would make pdfkit add a page; lift the margin for the footer.
    doc.page.margins.bottom = 0;
    w.font(false, 8, COLOR.muted).text(`${r.order.number}`, MARGIN, y, { width: w.width / 2, lineBreak: false });
    w.font(false, 8, COLOR.muted).text(l.page(i - range.start + 1, range.count), MARGIN + w.width / 2, y, { width: w.width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = MARGIN;
  }
}

/**
 * Renders the report. The output depends only on the document and the language: the PDF's
 * creation date is the filing time, so rendering unchanged data again gives the same bytes.
 */
export async function renderReportPdf(r: ReportDocument, locale: Locale): Promise<Buffer> {
  // Loaded with the first report, not at start-up.
  const { default: PDFKitDocument } = await import('pdfkit');
  const { regular, bold } = cjkFonts();
  const l = pdfLabels(locale);
  const doc: Doc = new PDFKitDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: locale,
    info: { Title: `${l.title[r.kind]} ${r.order.number}`, Author: l.brand, CreationDate: r.filedAt ?? new Date() },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', regular);
  doc.registerFont('cjk-bold', bold);
  const w = new Writer(doc, l, r.timeZone);
  header(w, r);
  customerSection(w, r);
  faultSection(w, r, locale);
  partsSection(w, r);
  labourSection(w, r);
  checklistSection(w, r, locale);
  trainingSection(w, r);
  photoSection(w, r);
  acceptanceSection(w, r, locale);
  peopleSection(w, r);
  footers(w, r);
  doc.end();
  return done;
}
