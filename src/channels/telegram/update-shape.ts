import { z } from 'zod';

/*
 * The parts of a Telegram update the shop reads, as the Bot API documents them. An update
 * carrying the right secret but not this shape (a message without `chat`, a text that is a
 * number) cannot be answered; the webhook takes it with a 200 so Telegram does not retry it.
 * Unknown fields and update types are let through: the router ignores what it does not use.
 */
const User = z.looseObject({ id: z.number().int(), is_bot: z.boolean().optional(), first_name: z.string(), last_name: z.string().optional() });
const Chat = z.looseObject({ id: z.number().int(), type: z.string() });

const Message = z.looseObject({
  message_id: z.number().int(),
  chat: Chat,
  from: User.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  contact: z.looseObject({ phone_number: z.string(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
  photo: z.array(z.looseObject({ file_id: z.string(), width: z.number(), height: z.number() })).optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
  reply_to_message: z.looseObject({ message_id: z.number().int() }).optional(),
});

export const TelegramUpdateShape = z.looseObject({
  update_id: z.number().int(),
  message: Message.optional(),
  edited_message: z.looseObject({ chat: Chat }).optional(),
  callback_query: z.looseObject({ id: z.string(), from: User, message: z.looseObject({ chat: Chat }).optional(), data: z.string().optional() }).optional(),
  my_chat_member: z.looseObject({ chat: Chat, from: User, new_chat_member: z.looseObject({ status: z.string() }) }).optional(),
});

/** Where an update differs from the shape, for a log line: field paths only, never the values (they may hold a phone number). */
export function unusableParts(body: unknown): string | null {
  const parsed = TelegramUpdateShape.safeParse(body);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'update'}: ${issue.code}`)
    .join('; ');
}
