import type { MentionIndex } from './mentions';
import { expandShorthand } from './shorthand';
import { toWordForms } from './words';

export const PRODUCT_TOKEN = '<product>';
export const PROVINCE_TOKEN = '<province>';
export const NUMBER_TOKEN = '<number>';

/** Words that carry politeness or address, not meaning, in shop chats. */
const FILLERS = new Set(['a', 'ah', 'oi', 'nhe', 'nha', 'nhen', 'ne', 'shop', 'em', 'anh', 'chi', 'ban', 'minh', 'toi', 'vay', 'ha', 'hen', 'voi', 'giup', 'dum', 'ho', 'nhi', 'u', 'uh', 'ui', 'thi', 'la', 'cho', 'cai', 'nay', 'do']);

export interface Analysis {
  /** Content tokens: fillers dropped, names replaced by placeholders, shorthand expanded. */
  tokens: string[];
  products: string[];
  provinces: string[];
}

/** The one pipeline both triggers and customer messages go through, so they compare alike. */
export function analyze(text: string, products: MentionIndex, provinces: MentionIndex): Analysis {
  const forms = toWordForms(text.replace(/\{product\}/g, ' zzproduct ').replace(/\{province\}/g, ' zzprovince '));
  const productMentions = products.find(forms);
  const provinceMentions = provinces.find(forms);
  const raw: string[] = [];
  let i = 0;
  while (i < forms.folded.length) {
    const product = productMentions.find((mention) => mention.start === i);
    const province = product ? undefined : provinceMentions.find((mention) => mention.start === i);
    if (product) {
      raw.push(PRODUCT_TOKEN);
      i = product.end;
    } else if (province) {
      raw.push(PROVINCE_TOKEN);
      i = province.end;
    } else {
      raw.push(forms.folded[i]!);
      i++;
    }
  }
  const expanded = expandShorthand(raw).map((word) => {
    if (word === 'zzproduct') return PRODUCT_TOKEN;
    if (word === 'zzprovince') return PROVINCE_TOKEN;
    return /^\d+([.,]\d+)?$/.test(word) ? NUMBER_TOKEN : word;
  });
  const content = expanded.filter((word) => !FILLERS.has(word));
  return {
    tokens: content.length > 0 ? content : expanded,
    products: productMentions.map((mention) => mention.id),
    provinces: provinceMentions.filter((mention) => !productMentions.some((p) => p.start <= mention.start && mention.start < p.end)).map((m) => m.id),
  };
}
