import { DeliveryError, type ChannelSender, type SentMessages } from '../../src/conversation/inbound';
import type { Outbound } from '../../src/engine/index';

/** A platform that records what reached each chat; `failing` makes it unreachable for a while. */
export class RecordingSender implements ChannelSender {
  readonly delivered: { chatId: string; message: Outbound }[] = [];
  failing = false;

  async send(chatId: string, message: Outbound): Promise<SentMessages> {
    if (this.failing) throw new DeliveryError('platform unreachable', 'later');
    this.delivered.push({ chatId, message });
    return { messageIds: [String(this.delivered.length)] };
  }

  /** What each message said, for one chat or all of them; a picture by its caption, else its address. */
  texts(chatId?: string): string[] {
    return this.delivered
      .filter((entry) => chatId === undefined || entry.chatId === chatId)
      .map(({ message }) => (message.kind === 'text' ? message.text : message.kind === 'payment_qr' ? message.caption : (message.caption ?? message.url)));
  }
}
