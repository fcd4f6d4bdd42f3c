import type { EffectEntry } from './effect';

/** What the customer told about themselves, kept on their row for the next order. */
export const customerProfile: EffectEntry<'customer_profile'> = (effect) => {
  const { type: _type, ...profile } = effect;
  return { profile };
};
