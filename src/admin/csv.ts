/**
 * CSV that Excel opens correctly with Vietnamese text: UTF-8 with a byte-order mark, CRLF
 * line ends, every text field quoted. Cells a spreadsheet would run as a formula
 * (= + - @, also tab and carriage return) get a leading apostrophe, so a customer who
 * types "=HYPERLINK(…)" into the chat cannot plant a formula in the owner's sheet.
 */
export type CsvCell = string | number | null | undefined;

const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Streams a header and rows fetched page by page, so a year of conversations never sits in
 * memory at once (Workers have 128 MB). `pages` yields arrays of rows until it is done.
 */
export function csvStream(header: readonly string[], pages: AsyncIterable<readonly (readonly CsvCell[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRow).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
