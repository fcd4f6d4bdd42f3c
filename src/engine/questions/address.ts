import { parseAddress } from '../parse/address';
import { retry, skipButtons, textOf, type QuestionKind } from './kind';

export const address: QuestionKind = {
  read(inbound, asking) {
    if (inbound.kind === 'location') {
      const place = `📍 ${inbound.latitude.toFixed(5)}, ${inbound.longitude.toFixed(5)}`;
      return { ok: true, value: place, plain: true, ...(inbound.province ? { also: { province: inbound.province } } : {}) };
    }
    const parsed = parseAddress(textOf(inbound));
    if (!parsed) return retry(asking, asking.flows.shop.texts.retry_address);
    const province = parsed.province?.kind === 'found' ? parsed.province.province.name : undefined;
    // A house number or a province makes it plainly an address, not a question.
    const plain = /\d/.test(parsed.text) || province !== undefined;
    return { ok: true, value: parsed.text, plain, ...(province ? { also: { province } } : {}) };
  },
  // "nhà" only with "khác"/"mới": alone, folded, it is the particle ending a sentence ("đổi ý, gạo lấy 10 ký luôn nha").
  names: ['dia chi', 'dc', 'cho giao', 'noi giao', 'nha khac', 'nha moi'],
  buttons: skipButtons,
  fromTap: () => undefined,
};
