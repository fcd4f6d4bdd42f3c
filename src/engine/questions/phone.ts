import { parsePhone } from '../parse/phone';
import { retry, skipButtons, textOf, type QuestionKind } from './kind';

export const phone: QuestionKind = {
  asksPhone: true,
  read(inbound, asking) {
    const parsed = parsePhone(inbound.kind === 'contact' ? inbound.phone : textOf(inbound));
    // A number that parses is the answer, whatever else the line says.
    return parsed.ok ? { ok: true, value: parsed.phone, plain: true } : retry(asking, asking.flows.shop.texts.retry_phone[parsed.problem]);
  },
  // "số" alone is also "số lượng" (the quantity): only "số mới", "số khác" name the phone.
  names: ['sdt', 'so dien thoai', 'so dt', 'dien thoai', 'so phone', 'so moi', 'so khac'],
  buttons: skipButtons,
  fromTap: () => undefined,
};
