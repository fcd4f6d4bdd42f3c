export type PhoneProblem =
  | 'no_number'
  | 'too_short'
  | 'too_long'
  /** An 11-digit 01xx mobile number; these were converted to 10 digits in 2018. */
  | 'old_mobile'
  | 'unknown_prefix'
  /** 1800/1900 hotlines: never a customer's own phone. */
  | 'service_number';

export type PhoneParse =
  | { ok: true; /** National form, digits only: '0912345678'. */ phone: string; kind: 'mobile' | 'landline'; carrier?: string }
  | { ok: false; problem: PhoneProblem };

const PREFIXES_BY_CARRIER: Record<string, readonly string[]> = {
  Viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
  Vinaphone: ['081', '082', '083', '084', '085', '088', '091', '094'],
  MobiFone: ['070', '076', '077', '078', '079', '089', '090', '093'],
  Vietnamobile: ['052', '056', '058', '092'],
  Gmobile: ['059', '099'],
  Itelecom: ['087'],
  Reddi: ['055'],
};

const CARRIER_BY_PREFIX = new Map(
  Object.entries(PREFIXES_BY_CARRIER).flatMap(([carrier, prefixes]) => prefixes.map((prefix) => [prefix, carrier] as const)),
);

const MOBILE_LENGTH = 10;
/** '02' + area code + subscriber number, whether the area code has two digits (024) or three (0236). */
const LANDLINE_LENGTH = 11;
const OLD_MOBILE_LENGTH = 11;

/** Digits in the groupings customers type ("0912 345 678", "(028) 3822-1234", "(+84) 912..."). */
const NUMBER_RUN = /[+(]*\d(?:[\s.\-()]{0,3}\d)*/g;

interface Candidate {
  digits: string;
  /** Written with a '+', so it starts with a country code. */
  international: boolean;
}

/**
 * One run of digit groups may hold more than one number ("0912345678 0988123456", "85.000
 * 0912345678"): a long group starting with 0 begins a new number unless it follows only a
 * country code, and a long group after an already long number is a second number.
 */
function candidatesIn(run: string): Candidate[] {
  const candidates: Candidate[] = [];
  let current: Candidate = { digits: '', international: /^[(]*\+/.test(run) };
  for (const group of run.match(/\d+/g) ?? []) {
    const startsAnother =
      current.digits !== '' &&
      ((group.length >= 7 && (current.digits.length >= 7 || (group.startsWith('0') && current.digits !== '84' && current.digits !== '0084'))) ||
        // "0987654321 12 Lê Lợi": digits after a whole number that would spoil it are a house number, not more of it.
        (classify(nationalForm(current)).ok && !classify(nationalForm({ ...current, digits: current.digits + group })).ok));
    if (startsAnother) {
      candidates.push(current);
      current = { digits: '', international: false };
    }
    current.digits += group;
  }
  candidates.push(current);
  return candidates;
}

/** Short digit groups (house numbers, quantities) are not an attempt at a phone number. */
function looksLikePhoneAttempt(candidate: Candidate): boolean {
  if (candidate.digits.length >= 7) return true;
  return (candidate.international || candidate.digits.startsWith('0')) && candidate.digits.length >= 4;
}

function nationalForm({ digits, international }: Candidate): string {
  let local: string | null = null;
  if (digits.startsWith('0084')) local = digits.slice(4);
  else if (international && digits.startsWith('84')) local = digits.slice(2);
  // Without a '+' or the leading 0 a number starting with 84 can only be a country code.
  else if (digits.startsWith('84') && digits.length >= MOBILE_LENGTH + 1) local = digits.slice(2);
  if (local === null) return digits;
  // "+84 0912..." repeats the trunk 0 the country code replaces.
  return local.startsWith('0') ? local : `0${local}`;
}

function lengthProblem(phone: string, expected: number): PhoneProblem {
  return phone.length < expected ? 'too_short' : 'too_long';
}

function classify(phone: string): PhoneParse {
  if (/^1[89]00/.test(phone)) return { ok: false, problem: 'service_number' };
  if (!phone.startsWith('0')) return { ok: false, problem: phone.length < MOBILE_LENGTH ? 'too_short' : 'unknown_prefix' };
  if (phone.startsWith('02')) {
    return phone.length === LANDLINE_LENGTH ? { ok: true, phone, kind: 'landline' } : { ok: false, problem: lengthProblem(phone, LANDLINE_LENGTH) };
  }
  if (phone.startsWith('01')) {
    if (phone.length === OLD_MOBILE_LENGTH) return { ok: false, problem: 'old_mobile' };
    return { ok: false, problem: phone.length === MOBILE_LENGTH ? 'unknown_prefix' : lengthProblem(phone, MOBILE_LENGTH) };
  }
  if (phone.length !== MOBILE_LENGTH) return { ok: false, problem: lengthProblem(phone, MOBILE_LENGTH) };
  const carrier = CARRIER_BY_PREFIX.get(phone.slice(0, 3));
  return carrier ? { ok: true, phone, kind: 'mobile', carrier } : { ok: false, problem: 'unknown_prefix' };
}

/** The first valid phone number in the text, or what is wrong with the first attempt at one. */
export function parsePhone(text: string): PhoneParse {
  let firstProblem: PhoneParse | null = null;
  for (const [run] of text.matchAll(NUMBER_RUN)) {
    for (const candidate of candidatesIn(run)) {
      if (!looksLikePhoneAttempt(candidate)) continue;
      const parsed = classify(nationalForm(candidate));
      if (parsed.ok) return parsed;
      firstProblem ??= parsed;
    }
  }
  return firstProblem ?? { ok: false, problem: 'no_number' };
}
