// The `qrcode` package's core (matrix only): no canvas, fs or PNG encoder behind it, so it runs
// on Node and on Workers alike. Its types are the package's own.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions, QRCodeSegment } from 'qrcode';
  export function create(text: string | QRCodeSegment[], options?: QRCodeOptions): QRCode;
}
