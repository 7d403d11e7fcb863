import path from "node:path";
import PDFDocument from "pdfkit";
import { formatField, formatTimestampUtc } from "./format";
import { parentNamesOf, type RegisterContent } from "./register-content";
import { registerTitle } from "./publisher";
import { ENTRY_FIELDS, FIELD_LABELS, type Entry } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

const FONT_DIR = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  "node_modules/dejavu-fonts-ttf/ttf",
);
const MARGIN = 48;
const LABEL_WIDTH = 120;
const GAP = 10;
const ROW_GAP = 2;
const MUTED = "#5b6573";
const RULE = "#cdd2da";
const INK = "#1c2430";

function startDocument(content: RegisterContent, title: string, author: string | null): Doc {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${title}: ${content.label}`, ...(author ? { Author: author } : {}) },
  });
  doc.registerFont("Body", path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont("Bold", path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  return doc;
}

function writeHeading(doc: Doc, content: RegisterContent, title: string): void {
  doc.font("Bold").fontSize(18).fillColor(INK).text(title);
  doc.moveDown(0.3);
  doc.font("Body").fontSize(10).fillColor(MUTED);
  const state = content.version === null ? "read" : "published";
  doc.text(`${content.label} · ${state} ${formatTimestampUtc(content.date)}`);
  doc.text(`SHA-256 of content: ${content.sha256}`);
  doc.text(`${content.entries.length} sub-processor${content.entries.length === 1 ? "" : "s"}`);
  doc.moveDown(1);
}

function ensureRoom(doc: Doc, heightPt: number): void {
  if (doc.y + heightPt > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

type Row = { label: string; value: string; heightPt: number };

function entryRows(doc: Doc, entry: Entry, parentName: (id: string) => string, valueWidth: number) {
  doc.font("Body").fontSize(9);
  const rows: Row[] = [];
  for (const field of ENTRY_FIELDS) {
    if (field === "name") continue;
    const value = formatField(field, entry[field], parentName);
    if (value === "") continue;
    const heightPt = Math.max(
      doc.heightOfString(value, { width: valueWidth }),
      doc.heightOfString(FIELD_LABELS[field], { width: LABEL_WIDTH }),
    );
    rows.push({ label: FIELD_LABELS[field], value, heightPt });
  }
  return rows;
}

/** One entry as a heading and label/value rows; kept on one page whenever it fits on one. */
function writeEntry(doc: Doc, entry: Entry, parentName: (id: string) => string): void {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const valueWidth = right - left - LABEL_WIDTH - GAP;
  const rows = entryRows(doc, entry, parentName, valueWidth);
  const heightPt = 30 + rows.reduce((sum, row) => sum + row.heightPt + ROW_GAP, 0);
  const pageBodyPt = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  ensureRoom(doc, Math.min(heightPt, pageBodyPt));

  doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y += 6;
  doc.font("Bold").fontSize(12).fillColor(INK).text(entry.name, left, doc.y);
  doc.moveDown(0.2);
  doc.font("Body").fontSize(9);
  for (const row of rows) {
    ensureRoom(doc, row.heightPt);
    const top = doc.y;
    doc.fillColor(MUTED).text(row.label, left, top, { width: LABEL_WIDTH });
    doc.fillColor(INK).text(row.value, left + LABEL_WIDTH + GAP, top, { width: valueWidth });
    doc.y = top + row.heightPt + ROW_GAP;
  }
  doc.moveDown(0.8);
}

function writeFooters(doc: Doc, content: RegisterContent): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would start a new page; lift the margin while writing there.
    doc.page.margins.bottom = 0;
    doc
      .font("Body")
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${content.label} · SHA-256 ${content.sha256.slice(0, 16)}… · ` +
          `page ${index + 1} of ${range.count}`,
        doc.page.margins.left,
        doc.page.height - bottom / 2 - 4,
        { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: "center" },
      );
    doc.page.margins.bottom = bottom;
  }
}

export function registerPdf(content: RegisterContent, companyName: string | null): Promise<Buffer> {
  const title = registerTitle(companyName);
  const doc = startDocument(content, title, companyName);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  writeHeading(doc, content, title);
  const parentName = parentNamesOf(content.entries);
  if (content.entries.length === 0) {
    doc.font("Body").fontSize(11).fillColor(INK).text("The register lists no sub-processors.");
  }
  for (const entry of content.entries) writeEntry(doc, entry, parentName);
  writeFooters(doc, content);
  doc.end();
  return done;
}
