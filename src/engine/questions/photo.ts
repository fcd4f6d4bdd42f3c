import { retry, skipButtons, type QuestionKind } from './kind';

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
