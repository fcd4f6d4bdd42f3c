import { describe, expect, it } from 'vitest';
import { decodePng, pngChunks } from './png-reader';
import { crc32, matrixPng, PNG_SIGNATURE, qrMatrix, qrPng } from '../../../src/channels/media/qr-png';
import { vietQrPayload } from '../../../src/engine/index';

describe('QR PNG', () => {
  const payload = vietQrPayload({ bankBin: '970436', accountNumber: '1012345678', amount: 255000, note: 'XB12' });

  it('crc32 gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a PNG signature, IHDR, IDAT and IEND with correct CRCs', async () => {
    const png = await qrPng(payload);
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    const chunks = pngChunks(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((chunk) => chunk.crcOk)).toBe(true);
    const matrix = qrMatrix(payload);
    const side = (matrix.size + 8) * 8;
    const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset, 13);
    expect(header.getUint32(0)).toBe(side);
    expect(header.getUint32(4)).toBe(side);
    expect([...chunks[0]!.data.subarray(8)]).toEqual([1, 0, 0, 0, 0]);
    expect(png.length).toBeLessThan(20_000);
  });

  it('draws exactly the module matrix, with a white quiet zone', async () => {
    const matrix = qrMatrix(payload);
    // A 4-digit-length VietQR payload needs a version with more than 21 modules a side.
    expect(matrix.size).toBeGreaterThan(21);
    const image = await decodePng(await matrixPng(matrix, { scale: 3, margin: 4 }));
    expect(image.width).toBe((matrix.size + 8) * 3);
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const mx = Math.floor(x / 3) - 4;
        const my = Math.floor(y / 3) - 4;
        const inside = mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size;
        if (image.black(x, y) !== (inside && matrix.dark(mx, my))) throw new Error(`pixel ${x},${y} differs from the matrix`);
      }
    }
    // Finder pattern: the top-left 7×7 has a dark ring around a light ring around a dark 3×3.
    expect(matrix.dark(0, 0) && matrix.dark(6, 6) && !matrix.dark(1, 1) && matrix.dark(3, 3)).toBe(true);
  });

  it('uses error correction level M', () => {
    // Level M's format bits read back from the matrix: bits 14–13 of the format word are 00 for M.
    const matrix = qrMatrix('hello');
    const top = [0, 1, 2, 3, 4, 5, 7, 8].map((x) => matrix.dark(x, 8));
    // Format word is masked with 101010000010010, so M (00) shows as the mask's leading bits 1,0.
    expect(top.slice(0, 2)).toEqual([true, false]);
  });
});
