import { foldKey } from '../../text/fold';
import { retry, skipButtons, type QuestionKind } from './kind';

const PHOTO_WORDS = new Set(['chup', 'hinh', 'pic', 'clip', 'video']);
/** Words that say there is no photo to send: not now, nothing to shoot, deleted, lost. */
const NO_PHOTO = new Set(['ko', 'khong', 'k', 'chua', 'gi', 'sao', 'dau', 'xoa', 'mat', 'het', 'quen']);

/**
 * "thiếu thì lấy gì mà chụp", "hình em xoá mất rồi": the customer says there is no photo to send,
 * which passes the optional photo question; "để em chụp gửi" does not (the photo is coming).
 */
export function saysNoPhoto(text: string): boolean {
  const words = foldKey(text).split(' ');
  return words.some((word) => PHOTO_WORDS.has(word)) && words.some((word) => NO_PHOTO.has(word));
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
