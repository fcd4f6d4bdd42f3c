import { foldWords } from '../../text/fold';

/** The payment methods a shop can offer, named as in shop.yaml's `payment` section. */
export type PaymentMethod = 'cod' | 'bank_transfer';

/** Folded word sequences that name a method; longer ones are tried first at each position. */
const NAMES: readonly { words: string[]; method: PaymentMethod }[] = [
  ...['cod', 'ship cod', 'tien mat', 'tra tien mat', 'nhan hang tra tien', 'nhan hang moi tra tien', 'tra khi nhan hang', 'tra tien khi nhan hang', 'thanh toan khi nhan hang', 'thanh toan khi nhan', 'giao hang thu tien', 'giao hang tra tien']
    .map((name) => ({ words: name.split(' '), method: 'cod' as const })),
  ...['ck', 'chuyen khoan', 'chuyen tien', 'bank', 'banking', 'internet banking', 'stk', 'so tai khoan', 'quet ma', 'qr', 'ma qr', 'vietqr', 'chuyen khoang']
    .map((name) => ({ words: name.split(' '), method: 'bank_transfer' as const })),
].sort((a, b) => b.words.length - a.words.length);

/** Words that turn the method after them down ("ko ck", "không chuyển khoản được"). */
const NEGATIONS = new Set(['khong', 'ko', 'k', 'kh', 'hong', 'hok', 'khum', 'dung', 'chang']);

/**
 * The payment method a customer chooses anywhere in a message ("ship cod nha" → cod, "ck nhé" →
 * bank_transfer, "ko ck dc, cod nha" → cod). Null when none is named, or when both are named and
 * neither is refused ("ck hay cod cung dc") — that is a question, not a choice.
 */
export function readPaymentMethod(text: string): PaymentMethod | null {
  const words = foldWords(text);
  const chosen = new Set<PaymentMethod>();
  let i = 0;
  while (i < words.length) {
    const name = NAMES.find((candidate) => candidate.words.every((word, k) => words[i + k] === word));
    if (!name) {
      i++;
      continue;
    }
    const refused = NEGATIONS.has(words[i - 1] ?? '') || NEGATIONS.has(words[i - 2] ?? '');
    if (!refused) chosen.add(name.method);
    i += name.words.length;
  }
  return chosen.size === 1 ? [...chosen][0]! : null;
}
