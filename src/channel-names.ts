/**
 * The channels the shop speaks on, declared once: inbound events, the store's channel column,
 * the dashboard's labels and filters all take their names from this list. A leaf: it imports
 * nothing, so every part of the map may read it. `terminal` is `npm run chat`, the owner trying
 * the shop in a terminal.
 */
export const CHANNEL_NAMES = ['telegram', 'zalo', 'web', 'terminal'] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * When a platform lets the shop write to a customer first: Telegram any time once the customer
 * has started the bot; Zalo and the web chat only within the messaging window after the
 * customer's last message; the terminal never.
 */
export const WRITES_FIRST: Record<ChannelName, 'any_time' | 'within_window' | 'never'> = {
  telegram: 'any_time',
  zalo: 'within_window',
  web: 'within_window',
  terminal: 'never',
};
