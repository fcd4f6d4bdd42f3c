import { foldKey } from '../../text/fold';
import { retry, skipButtons, type QuestionKind } from './kind';

const PHOTO_WORDS = new Set(['chup', 'hinh', 'pic', 'clip', 'video']);

/**
 * "thiếu thì lấy gì mà chụp", "hình hư mất rồi": words about the photo itself, sent instead of
 * one, answer the optional photo question by passing it; a photo the customer has is sent as one.
 */
export function talksAboutThePhoto(text: string): boolean {
  return foldKey(text).split(' ').some((word) => PHOTO_WORDS.has(word));
}

/** Photos add up: each one sent while the question is open is kept. */
export const photo: QuestionKind = {
  read(inbound, asking) {
    return inbound.kind === 'photo' ? { ok: true, value: [inbound.ref], plain: true } : retry(asking, asking.flows.shop.texts.retry_photo);
  },
  buttons: skipButtons,
  fromTap: () => undefined,
  keep(value, asking) {
    const earlier = asking.state.slots[asking.step.save!];
    return Array.isArray(value) ? [...(Array.isArray(earlier) ? earlier : []), ...value] : value;
  },
};
