/** The most a web chat photo may weigh once the page has downsized it. */
export const MAX_PHOTO_BYTES = 1024 * 1024;

export type PhotoProblem = 'wrong_type' | 'too_big' | 'broken';
/** Why an upload was refused: the photo itself, or too many photos too fast. */
export type UploadProblem = PhotoProblem | 'too_many';

export type CheckedPhoto = { ok: true; contentType: 'image/jpeg'; bytes: Uint8Array } | { ok: false; problem: PhotoProblem };

/**
 * Reads an uploaded photo by its bytes, never by its name or declared type: only a complete
 * JPEG (the page converts every picture to JPEG) is kept, and its metadata segments go —
 * EXIF carries the phone's GPS position, XMP and IPTC the owner's name and more.
 */
export function checkPhoto(bytes: Uint8Array): CheckedPhoto {
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, problem: 'too_big' };
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return { ok: false, problem: 'wrong_type' };
  const stripped = withoutMetadata(bytes);
  return stripped ? { ok: true, contentType: 'image/jpeg', bytes: stripped } : { ok: false, problem: 'broken' };
}

/** APP1 (EXIF, XMP), APP3–APP15 (IPTC, vendor data) and comments; JFIF (APP0) and the colour profile (APP2) stay. */
const DROPPED = (marker: number) => marker === 0xe1 || (marker >= 0xe3 && marker <= 0xef) || marker === 0xfe;

/** The JPEG without its metadata segments; null when it is cut off or not a JPEG after all. */
function withoutMetadata(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    // Fill bytes before a marker are allowed.
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    if (marker === 0xda) {
      // Start of scan: the compressed image follows up to the end marker, which a complete file has.
      if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) return null;
      kept.push(bytes.subarray(offset));
      return concat(kept);
    }
    if (!DROPPED(marker)) kept.push(bytes.subarray(offset, offset + 2 + length));
    offset += 2 + length;
  }
  return null;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}
