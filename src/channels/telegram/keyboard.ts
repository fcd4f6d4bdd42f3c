import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import type { Button } from '../../engine/index';
import { callbackDataOf } from './callback-data';

/**
 * The keyboard under a bot reply. Buttons are inline (one per row: Vietnamese labels are
 * long); a phone question offers Telegram's "share my phone number" button instead, on a
 * reply keyboard where the other choices become plain buttons that type their label.
 */
export function keyboardOf(message: { buttons?: Button[] | undefined; askPhone?: boolean | undefined }, sharePhoneLabel: string): InlineKeyboardMarkup | ReplyKeyboardMarkup | undefined {
  const buttons = message.buttons ?? [];
  if (message.askPhone) {
    return {
      keyboard: [[{ text: sharePhoneLabel, request_contact: true }], ...buttons.map((button) => [{ text: button.label }])],
      one_time_keyboard: true,
      resize_keyboard: true,
    };
  }
  if (buttons.length === 0) return undefined;
  return { inline_keyboard: buttons.map((button, i) => [{ text: button.label, callback_data: callbackDataOf(button.value, i + 1) }]) };
}
