import { expect } from 'vitest';
import { crc32 } from '../../../src/channels/media/qr-png';

interface Chunk {
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

/** Reads a PNG's chunks back, checking each chunk's CRC-32. */
export function pngChunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = view.getUint32(at + 8 + length);
    chunks.push({ type, data, crcOk: crc === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return chunks;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Decodes our own 1-bit grayscale, filter-0 PNG into rows of booleans (true = black). */
export async function decodePng(png: Uint8Array): Promise<{ width: number; height: number; black: (x: number, y: number) => boolean }> {
  const chunks = pngChunks(png);
  const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset, 13);
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  const raw = await inflate(Uint8Array.from(chunks.filter((chunk) => chunk.type === 'IDAT').flatMap((chunk) => [...chunk.data])));
  const rowBytes = Math.ceil(width / 8);
  expect(raw.length).toBe((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) expect(raw[y * (rowBytes + 1)]).toBe(0);
  return { width, height, black: (x, y) => ((raw[y * (rowBytes + 1) + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0 };
}

