/**
 * Ids made before the write, so one batch can insert rows that refer to each other
 * (D1 cannot read an inserted id back inside a batch). Time-ordered, so outbox rows
 * created in one turn sort in the order they were said.
 */
let lastMillis = 0;
let sequence = 0;

// Random words drawn a few hundred at a time: each call into the platform's generator costs more than the id itself.
const pool = new Uint32Array(512);
let drawn = pool.length;

function randomWord(): number {
  if (drawn === pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  return pool[drawn++]!;
}

export function newId(now: Date): string {
  const millis = now.getTime();
  sequence = millis === lastMillis ? sequence + 1 : 0;
  lastMillis = millis;
  return `${millis.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(3, '0')}${randomWord().toString(36)}${randomWord().toString(36)}`;
}

// Letters that can't be misread on a phone screen or over the phone (no I, O, Q, S, Z).
const CODE_LETTERS = 'ABCDEFGHJKLMNPRTUVWXY';

/** A short order code a customer can read out: two letters and three digits, e.g. "XB128". */
export function newOrderCode(random: () => number = Math.random): string {
  const letter = () => CODE_LETTERS[Math.floor(random() * CODE_LETTERS.length)]!;
  return `${letter()}${letter()}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
}
