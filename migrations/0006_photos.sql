-- Photos customers send from the web chat (a damaged parcel for a return request). The page
-- downsizes them (long side ≤ 1600 px, JPEG, ≤ 1 MB); the server checks the bytes and strips
-- EXIF (a phone photo carries its GPS position) before storing. Base64 text, so SQLite and D1
-- keep and return the bytes alike. The id is random and unguessable: it is the photo's address
-- (/media/photos/<id>), shown in the transcript, the return request and the owner's notice.
-- Written in the same batch as the turn that receives the photo.

CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  data_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX photos_customer ON photos(customer_id, created_at);
