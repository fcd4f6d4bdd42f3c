import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import type { Button } from '../../engine/index';
import { tappableButtons } from '../button-display';
import { callbackDataOf } from './callback-data';

/** Telegram draws a reply's buttons as a keyboard the customer taps. */
export const telegramButtons = tappableButtons;

/**
 * The keyboard under a bot reply. Buttons are inline (one per row: Vietnamese labels are
 * long); a phone question offers Telegram's "share my phone number" button instead, on a
 * reply keyboard where the other choices become plain buttons that type their label.
 */
export function keyboardOf(message: { buttons?: readonly Button[] | undefined; askPhone?: boolean | undefined }, sharePhoneLabel: string): InlineKeyboardMarkup | ReplyKeyboardMarkup | undefined {
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
