import { numberedButtons } from '../button-display';
import type { ChannelModule } from '../channel';

/** `npm run chat`: the owner tries the shop in a terminal, which reads its replies from the outbox itself. */
export const terminalChannel: ChannelModule = {
  name: 'terminal',
  enabled: () => true,
  buttons: numberedButtons({ gap: '\n', indent: '   ' }),
  pulled: true,
  async open() {
    return {};
  },
};
