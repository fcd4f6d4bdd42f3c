import type { ShopFile, Step } from '../flows/schema';
import type { Button, SlotValue } from './types';

/**
 * The buttons the engine shows, with short stable values (a flow id, a step id, a choice's
 * position), so they stay within Telegram's 64 bytes whatever the labels say.
 */
export function menuButtons(shop: ShopFile): Button[] {
  return shop.menu.map((item) => ({ label: item.label, value: `flow:${item.flow}` }));
}

export function stepButtons(step: Step, shop: ShopFile): Button[] {
  if (step.buttons === 'menu') return menuButtons(shop);
  return (step.buttons ?? []).map((button) => ({ label: button.label, value: `go:${button.goto}` }));
}

/** Buttons that answer a question: yes/no, the choices, the products, or "skip" for an optional one. */
export function answerButtons(step: Step, shop: ShopFile): Button[] {
  const texts = shop.texts;
  switch (step.ask) {
    case 'yes_no':
      return [
        { label: texts.yes, value: 'answer:yes' },
        { label: texts.no, value: 'answer:no' },
      ];
    case 'choice':
      return (step.choices ?? []).map((choice, i) => ({ label: choice.label, value: `answer:${i}` }));
    case 'product':
      return shop.catalog.map((product) => ({ label: product.name, value: `answer:${product.id}` }));
    default:
      return step.optional ? [{ label: texts.skip_word, value: 'skip' }] : [];
  }
}

/** The value an `answer:` button stands for. */
export function decodeAnswer(step: Step, encoded: string): SlotValue {
  if (step.ask === 'yes_no') return encoded === 'yes';
  if (step.ask === 'choice') return step.choices?.[Number(encoded)]?.value ?? encoded;
  return encoded;
}
