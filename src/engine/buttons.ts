import type { ShopFile, Step } from '../flows/schema';
import type { Button } from './types';

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
