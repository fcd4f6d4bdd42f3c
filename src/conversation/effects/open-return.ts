import { label, PROBLEM_LABELS, RESOLUTION_LABELS } from '../../labels';
import type { EffectEntry } from './effect';
import { ownerText } from '../owner-notices';

/** The return request row, the owner's notice, then its photos. */
export const openReturn: EffectEntry<'open_return'> = (effect, context) => {
  const { request } = effect;
  const { channel } = context.notice;
  return {
    returnRequests: [{ id: context.newId(), ...request }],
    notices: [
      {
        kind: 'text',
        notice: `return request for order ${request.orderCode} from ${channel}`,
        text: ownerText(context.flows.shop.owner_texts.return_request, {
          ...context.notice,
          code: request.orderCode,
          // The owner reads Vietnamese, not the values the flow stores.
          problem: label(PROBLEM_LABELS, request.problem),
          resolution: label(RESOLUTION_LABELS, request.resolution),
          photos: request.photos.length > 0 ? String(request.photos.length) : '',
        }),
      },
      ...request.photos.map((ref, i) => ({
        kind: 'image' as const,
        url: ref,
        caption: `${request.orderCode} · ${i + 1}/${request.photos.length}`,
        notice: `photo of the return request for order ${request.orderCode} from ${channel}`,
      })),
    ],
  };
};
