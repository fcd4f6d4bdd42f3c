import { findProvince, parseProvince, type ProvinceMatch } from '../parse/province';
import { provinceById } from '../../vietnam/provinces';
import { isShort, retry, skipButtons, textOf, type QuestionKind } from './kind';

export const province: QuestionKind = {
  read(inbound, asking) {
    const texts = asking.flows.shop.texts;
    if (inbound.kind === 'location' && inbound.province) return { ok: true, value: inbound.province, plain: true };
    const typed = textOf(inbound);
    const match = parseProvince(typed);
    if (match?.kind === 'found') return { ok: true, value: match.province.name, plain: isShort(typed, 4) };
    if (match?.kind === 'ambiguous') return retry(asking, texts.retry_province_ambiguous, candidates(match));
    return retry(asking, texts.retry_province);
  },
  doubt(text, asking) {
    const match = findProvince(text);
    return match?.kind === 'ambiguous' ? { text: asking.flows.shop.texts.retry_province_ambiguous, variables: candidates(match) } : null;
  },
  names: ['tinh', 'thanh pho'],
  // "DN" just said: each province it may be is a button.
  buttons(asking) {
    const match = asking.said ? findProvince(asking.said) : null;
    const choices = match?.kind === 'ambiguous' ? match.candidates.map((candidate) => ({ label: candidate.name, value: `answer:${candidate.id}` })) : [];
    return [...choices, ...skipButtons(asking)];
  },
  fromTap: (encoded) => provinceById(encoded)?.name,
};

function candidates(match: Extract<ProvinceMatch, { kind: 'ambiguous' }>): Record<string, string> {
  return { matched: match.matched, candidates: match.candidates.map((province) => province.name).join(' / ') };
}
