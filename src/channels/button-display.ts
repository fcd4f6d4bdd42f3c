import type { Button } from '../engine/index';

/** A text reply as a channel shows it: the text the customer reads and the buttons left to tap. */
export interface ShownReply {
  text: string;
  buttons: readonly Button[];
}

/** How a channel shows a reply's buttons; every channel module declares one. */
export type ButtonDisplay = (text: string, buttons: readonly Button[]) => ShownReply;

/** The platform draws the buttons for the customer to tap (Telegram's keyboard, the web chat's chips). */
export const tappableButtons: ButtonDisplay = (text, buttons) => ({ text, buttons });

/**
 * The buttons become a numbered list under the text, for platforms without buttons; the
 * engine reads a typed number as the button at that place, so the customer answers "2".
 */
export function numberedButtons(layout: { gap: string; indent?: string }): ButtonDisplay {
  return (text, buttons) => {
    if (buttons.length === 0) return { text, buttons };
    const list = buttons.map((button, i) => `${layout.indent ?? ''}${i + 1}. ${button.label}`).join('\n');
    return { text: `${text}${layout.gap}${list}`, buttons: [] };
  };
}
