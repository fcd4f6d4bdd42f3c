import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';

/** Where a stored photo is served; its random id is its only key, like a Telegram file id. */
export const PHOTO_PATH = '/media/photos';

/** A new photo's id (128 random bits) and the address its messages refer to. */
export function newPhoto(): { id: string; ref: string } {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return { id, ref: `${PHOTO_PATH}/${id}` };
}

/** A customer's photo from the web chat, or one the owner sent them (migrations/0006_photos.sql). */
export interface PhotoTable {
  id: string;
  customer_id: string;
  content_type: string;
  size: number;
  data_base64: string;
  created_at: string;
}

// The table of migration 0006, added to the shared Database type where it is queried.
const photoDb = (db: Kysely<Database>) => db.withTables<{ photos: PhotoTable }>();

/** Stores a photo as part of the batch of the turn that receives it. */
export function savePhotoQuery(db: Kysely<Database>, photo: { id: string; customerId: string; contentType: string; bytes: Uint8Array; now: string }): CompiledQuery {
  return photoDb(db)
    .insertInto('photos')
    .values({ id: photo.id, customer_id: photo.customerId, content_type: photo.contentType, size: photo.bytes.length, data_base64: toBase64(photo.bytes), created_at: photo.now })
    .compile();
}

export async function photoById(db: Kysely<Database>, id: string): Promise<{ contentType: string; bytes: Uint8Array } | undefined> {
  const row = await photoDb(db).selectFrom('photos').select(['content_type', 'data_base64']).where('id', '=', id).executeTakeFirst();
  return row && { contentType: row.content_type, bytes: fromBase64(row.data_base64) };
}

/** A customer's photos go with the rest of their personal data. */
export function erasePhotosQuery(db: Kysely<Database>, customerId: string): CompiledQuery {
  return photoDb(db).deleteFrom('photos').where('customer_id', '=', customerId).compile();
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
