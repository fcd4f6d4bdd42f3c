import type { Inbound } from '../../engine/index';

/** Telegram refuses an inline button whose callback data is longer than this (BUTTON_DATA_INVALID). */
export const CALLBACK_DATA_LIMIT = 64;

/** Marks callback data that carries a button's position instead of its value. */
const BY_POSITION = '#';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The callback data of the `position`-th button (from 1). Button values are short ids
 * (`flow:order`, `answer:xoai_cat`, `csat:5`), never labels, so they fit; should a flow ever
 * make a longer one, the button carries its position, which the engine reads like a typed
 * number ("2" picks the second button shown), rather than Telegram refusing the message.
 */
export function callbackDataOf(value: string, position: number): string {
  return bytes(value) <= CALLBACK_DATA_LIMIT && !value.startsWith(BY_POSITION) ? value : `${BY_POSITION}${position}`;
}

/** What a tap on an inline button means to the engine. */
export function inboundOfCallbackData(data: string): Inbound {
  return data.startsWith(BY_POSITION) ? { kind: 'text', text: data.slice(BY_POSITION.length) } : { kind: 'button', value: data };
}
