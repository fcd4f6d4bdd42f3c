/**
 * A QR code as a PNG, drawn without Node-only APIs: the module matrix from the `qrcode`
 * package's core, deflate from the web-standard CompressionStream, our own CRC-32 and chunk
 * writer. Runs the same on Node 20 and on Cloudflare Workers.
 */
import { create } from 'qrcode/lib/core/qrcode.js';

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  dark(x: number, y: number): boolean;
}

/** The module matrix of `text` at error correction level M (what banking apps read easily). */
export function qrMatrix(text: string): QrMatrix {
  const code = create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}

export interface QrPngOptions {
  /** Pixels per module. */
  scale?: number;
  /** Light modules around the code; the standard asks for 4. */
  margin?: number;
}

/** A black-on-white 1-bit grayscale PNG of the QR code for `text`. */
export async function qrPng(text: string, options: QrPngOptions = {}): Promise<Uint8Array> {
  return matrixPng(qrMatrix(text), options);
}

export async function matrixPng(matrix: QrMatrix, { scale = 8, margin = 4 }: QrPngOptions = {}): Promise<Uint8Array> {
  const side = (matrix.size + 2 * margin) * scale;
  const rowBytes = Math.ceil(side / 8);
  // Each scanline: filter byte 0 (none), then the pixels, 1 bit each, 1 = white.
  const raw = new Uint8Array((rowBytes + 1) * side);
  for (let py = 0; py < side; py++) {
    const row = py * (rowBytes + 1);
    const my = Math.floor(py / scale) - margin;
    for (let px = 0; px < side; px++) {
      const mx = Math.floor(px / scale) - margin;
      const inside = mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size;
      const black = inside && matrix.dark(mx, my);
      if (!black) raw[row + 1 + (px >> 3)]! |= 0x80 >> (px & 7);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  header[8] = 1; // bit depth
  header[9] = 0; // grayscale
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  return concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', await deflate(raw)), chunk('IEND', new Uint8Array(0))]);
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** zlib-wrapped deflate, as PNG's IDAT wants it. */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, as PNG and zlib use it). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
