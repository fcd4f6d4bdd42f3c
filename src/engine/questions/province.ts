import { parseProvince } from '../parse/province';
import { isShort, retry, skipButtons, textOf, type QuestionKind } from './kind';

export const province: QuestionKind = {
  read(inbound, asking) {
    const texts = asking.flows.shop.texts;
    if (inbound.kind === 'location' && inbound.province) return { ok: true, value: inbound.province, plain: true };
    const typed = textOf(inbound);
    const match = parseProvince(typed);
    if (match?.kind === 'found') return { ok: true, value: match.province.name, plain: isShort(typed, 4) };
    if (match?.kind === 'ambiguous') {
      return retry(asking, texts.retry_province_ambiguous, { matched: match.matched, candidates: match.candidates.map((p) => p.name).join(' / ') });
    }
    return retry(asking, texts.retry_province);
  },
  names: ['tinh', 'thanh pho'],
  buttons: skipButtons,
  fromTap: () => undefined,
};
