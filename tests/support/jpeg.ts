/** A JPEG as a phone writes it: JFIF, an EXIF block with the GPS position, the image, the end marker. */
export function phoneJpeg(options: { truncated?: boolean } = {}): Uint8Array {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
  const bytes = [
    0xff, 0xd8,
    ...segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xe1, [...ascii('Exif'), 0, 0, ...ascii('GPS 10.0299N 105.7706E Can Tho')]),
    ...segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    0x12, 0x34, 0x56, 0x78,
    0xff, 0xd9,
  ];
  return new Uint8Array(options.truncated ? bytes.slice(0, bytes.length - 6) : bytes);
}

