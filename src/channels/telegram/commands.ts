import type { BotCommand } from 'grammy/types';

/** The command list customers see in Telegram's menu; each is a trigger in the flows (/start, /menu, /donhang, /nguoithat). */
export const CUSTOMER_COMMANDS: readonly BotCommand[] = [
  { command: 'start', description: 'Bắt đầu trò chuyện với shop' },
  { command: 'menu', description: 'Xem sản phẩm, đặt hàng, phí ship, khuyến mãi' },
  { command: 'donhang', description: 'Tra cứu đơn hàng của tôi' },
  { command: 'nguoithat', description: 'Nói chuyện với người thật' },
];

/** The command list shown only in the owner's chat (the owner desk answers them). */
export const OWNER_COMMANDS: readonly BotCommand[] = [
  { command: 'donhang', description: 'Đơn hôm nay' },
  { command: 'baocao', description: 'Báo cáo hôm nay và tuần này' },
  { command: 'don', description: 'Đổi trạng thái đơn, ví dụ /don XB128 dang_giao' },
  { command: 'xong', description: 'Trả khách cho bot (trả lời vào tin của khách)' },
];

/** Owner commands that mean nothing to a customer; from any chat but the owner's they are refused. */
const OWNER_ONLY = new Set(OWNER_COMMANDS.map((entry) => entry.command).filter((command) => !CUSTOMER_COMMANDS.some((entry) => entry.command === command)));

export function isOwnerOnlyCommand(text: string): boolean {
  const command = /^\/([A-Za-z0-9_]+)(?:@\w+)?(?:\s|$)/.exec(text)?.[1];
  return command !== undefined && OWNER_ONLY.has(command.toLowerCase());
}
