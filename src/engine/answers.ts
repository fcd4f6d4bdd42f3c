import type { ShopFlows, Step } from '../flows/schema';
import { foldKey } from './text/fold';
import { parseYesNo } from './nlu/answers';
import type { IntentMatcher } from './nlu/intent';
import { parseAddress } from './parse/address';
import { parsePhone } from './parse/phone';
import { parseProvince } from './parse/province';
import { parseQuantity } from './parse/quantity';
import type { Inbound, SlotValue } from './types';

/** What a customer's reply to a question turned out to be. */
export type Answer =
  | { ok: true; value: SlotValue; /** Other slots the answer also fills (an address's province). */ also?: Record<string, SlotValue> }
  | { ok: false; retryText: string; variables?: Record<string, string> };

/** Reads one reply as the value a step asked for, or says what to ask again. */
export function readAnswer(step: Step, inbound: Inbound, flows: ShopFlows, matcher: IntentMatcher): Answer {
  const texts = flows.shop.texts;
  const text = inbound.kind === 'text' ? inbound.text.trim() : inbound.kind === 'photo' ? (inbound.caption ?? '') : '';
  const retry = (fallback: string, variables?: Record<string, string>): Answer => ({ ok: false, retryText: step.retry ?? fallback, ...(variables ? { variables } : {}) });

  switch (step.ask) {
    case 'text':
      return text ? { ok: true, value: text } : retry(texts.retry);
    case 'number': {
      const match = /-?\d+(?:[.,]\d+)?/.exec(text);
      return match ? { ok: true, value: Number(match[0].replace(',', '.')) } : retry(texts.retry_number);
    }
    case 'quantity': {
      const quantity = parseQuantity(text);
      return quantity ? { ok: true, value: { amount: quantity.amount, unit: quantity.unit } } : retry(texts.retry_quantity);
    }
    case 'phone': {
      if (inbound.kind === 'contact') {
        const shared = parsePhone(inbound.phone);
        return shared.ok ? { ok: true, value: shared.phone } : retry(texts.retry_phone[shared.problem]);
      }
      const phone = parsePhone(text);
      return phone.ok ? { ok: true, value: phone.phone } : retry(texts.retry_phone[phone.problem]);
    }
    case 'province': {
      if (inbound.kind === 'location' && inbound.province) return { ok: true, value: inbound.province };
      const match = parseProvince(text);
      if (match?.kind === 'found') return { ok: true, value: match.province.name };
      if (match?.kind === 'ambiguous') {
        return retry(texts.retry_province_ambiguous, { matched: match.matched, candidates: match.candidates.map((p) => p.name).join(' / ') });
      }
      return retry(texts.retry_province);
    }
    case 'address': {
      if (inbound.kind === 'location') {
        const place = `📍 ${inbound.latitude.toFixed(5)}, ${inbound.longitude.toFixed(5)}`;
        return { ok: true, value: place, ...(inbound.province ? { also: { province: inbound.province } } : {}) };
      }
      const address = parseAddress(text);
      if (!address) return retry(texts.retry_address);
      const province = address.province?.kind === 'found' ? address.province.province.name : undefined;
      return { ok: true, value: address.text, ...(province ? { also: { province } } : {}) };
    }
    case 'product': {
      const product = matcher.understand(text).products[0];
      return product ? { ok: true, value: product } : retry(texts.retry_product);
    }
    case 'choice': {
      const choices = step.choices ?? [];
      const number = /^\d+$/.test(text) ? choices[Number(text) - 1] : undefined;
      const key = foldKey(text);
      const chosen = number ?? choices.find((choice) => foldKey(choice.label) === key || foldKey(String(choice.value)) === key) ?? choices.find((choice) => key.length >= 3 && foldKey(choice.label).includes(key));
      return chosen ? { ok: true, value: chosen.value } : retry(texts.retry_choice);
    }
    case 'yes_no': {
      const yes = parseYesNo(text);
      return yes === null ? retry(texts.retry_yes_no) : { ok: true, value: yes };
    }
    case 'photo':
      return inbound.kind === 'photo' ? { ok: true, value: [inbound.ref] } : retry(texts.retry_photo);
    default:
      return retry(texts.retry);
  }
}
