import type { MentionIndex } from './mentions';
import { expandShorthand } from './shorthand';
import { toWordForms, type Words } from './words';

export const PRODUCT_TOKEN = '<product>';
export const PROVINCE_TOKEN = '<province>';
/** Farm produce the catalog does not name (see produce.ts). */
export const PRODUCE_TOKEN = '<produce>';

export const QUANTITY_TOKEN = '<qty>';
export const NUMBER_TOKEN = '<number>';

const NUMERAL = /^\d+([.,]\d+)?$/;

/** Most words start with a letter: the regex runs only for those starting with a digit. */
function isNumeral(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 0x30 && code <= 0x39 && NUMERAL.test(word);
}

/** Amounts said in words, folded ("nửa ký", "hai chai", "một hũ"): a quantity only before a unit, since "ba", "nam" or "sau" alone are other words. */
const AMOUNT_WORDS = new Set(['nua', 'mot', 'hai', 'ba', 'bon', 'tu', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi']);

/** A number, or an amount word right before a unit. */
function isAmountAt(words: readonly string[], i: number): boolean {
  return isNumeral(words[i]!) || (AMOUNT_WORDS.has(words[i]!) && UNITS.has(words[i + 1] ?? ''));
}

/** Numbers as what they are: "2 kg" a quantity, "0987654321" or "3" a number. */
function withQuantityTokens(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isAmountAt(words, i)) {
      out.push(words[i]!);
    } else if (UNITS.has(words[i + 1] ?? '')) {
      out.push(QUANTITY_TOKEN);
      i++;
    } else {
      out.push(NUMBER_TOKEN);
    }
  }
  return out;
}

function withoutQuantities(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isAmountAt(words, i)) {
      out.push(words[i]!);
      continue;
    }
    if (UNITS.has(words[i + 1] ?? '')) i++;
  }
  return out;
}
/** "bạn" (you), told apart from "bán" (sell), which folds to the same letters. */
export const YOU_TOKEN = '<you>';

/** Words that carry politeness or address, not meaning, in shop chats. */
const FILLERS = new Set(['a', 'ah', 'oi', 'nhe', 'nha', 'nhen', 'ne', 'shop', 'em', 'anh', 'chi', YOU_TOKEN, 'minh', 'toi', 'vay', 'ha', 'hen', 'voi', 'giup', 'dum', 'ho', 'nhi', 'u', 'uh', 'ui', 'thi', 'la', 'cho', 'cai', 'nay']);

/** Units after a number: "3 ký", "2 chai" say how much, not what about. */
const UNITS = new Set(['kg', 'ky', 'ki', 'kilo', 'kilogam', 'can', 'lang', 'g', 'gr', 'gam', 'hop', 'thung', 'tui', 'chai', 'trai', 'qua', 'bao', 'hu', 'goi', 'lon', 'k', 'nghin', 'ngan', 'tr', 'trieu']);

export interface Analysis {
  /** Content tokens: fillers dropped, names replaced by placeholders, shorthand expanded. */
  tokens: string[];
  /** Every word, shorthand expanded, names and numbers as placeholders: what the classifier reads. */
  words: string[];
  products: string[];
  provinces: string[];
  /** Farm produce named that the catalog does not carry ("thanh long"), as produce.ts spells it. */
  produce: string[];
}

/** The one pipeline both triggers and customer messages go through, so they compare alike. */
export function analyze(text: string, products: MentionIndex, provinces: MentionIndex, produce?: MentionIndex): Analysis {
  return analyzeWords(wordFormsOf(text), products, provinces, produce);
}

/** The words of a message or of a trigger, where "{product}" and "{province}" stand for any name. */
export function wordFormsOf(text: string): Words {
  return toWordForms(text.replace(/\{product\}/g, ' zzproduct ').replace(/\{province\}/g, ' zzprovince '));
}

export function analyzeWords(forms: Words, products: MentionIndex, provinces: MentionIndex, produce?: MentionIndex): Analysis {
  const productMentions = products.find(forms);
  const provinceMentions = provinces.find(forms);
  const produceMentions = produce?.find(forms) ?? [];
  const raw: string[] = [];
  const unsold: string[] = [];
  let i = 0;
  while (i < forms.folded.length) {
    const product = productMentions.find((mention) => mention.start === i);
    const province = product ? undefined : provinceMentions.find((mention) => mention.start === i);
    const general = product || province ? undefined : produceMentions.find((mention) => mention.start === i);
    if (product) {
      raw.push(PRODUCT_TOKEN);
      i = product.end;
    } else if (general) {
      raw.push(PRODUCE_TOKEN);
      if (!unsold.includes(general.id)) unsold.push(general.id);
      i = general.end;
    } else if (province) {
      raw.push(PROVINCE_TOKEN);
      i = province.end;
    } else {
      raw.push(forms.marked[i] === 'bạn' ? YOU_TOKEN : forms.folded[i]!);
      i++;
    }
  }
  const placed = expandShorthand(raw).map((word) => {
    if (word === 'zzproduct') return PRODUCT_TOKEN;
    if (word === 'zzprovince') return PROVINCE_TOKEN;
    return word;
  });
  const expanded = withoutQuantities(placed);
  const content = expanded.filter((word) => !FILLERS.has(word));
  return {
    tokens: content.length > 0 ? content : expanded,
    words: withQuantityTokens(placed),
    products: productMentions.map((mention) => mention.id),
    provinces: provinceMentions.filter((mention) => !productMentions.some((p) => p.start <= mention.start && mention.start < p.end)).map((m) => m.id),
    produce: unsold,
  };
}
