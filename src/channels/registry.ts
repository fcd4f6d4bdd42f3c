import type { ChannelModule } from './channel';
import type { ChannelName } from '../channel-names';
import { telegramChannel } from './telegram/module';
import { terminalChannel } from './terminal/module';
import { webChannel } from './web/module';
import { zaloChannel } from './zalo/module';

/** Every channel the shop ships, one entry per name of CHANNEL_NAMES (the type refuses a missing one). */
const BUILT_IN: Record<ChannelName, ChannelModule> = {
  telegram: telegramChannel,
  zalo: zaloChannel,
  web: webChannel,
  terminal: terminalChannel,
};

export const CHANNELS: readonly ChannelModule[] = Object.values(BUILT_IN);

export function channelNamed(name: ChannelName): ChannelModule {
  return BUILT_IN[name];
}
