import { renderTemplate } from '../../engine/index';

/** Fills a text of shop.yaml with named values; a missing one is left empty. */
export function render(template: string, values: Record<string, string>): string {
  return renderTemplate(template, (root) => values[root] ?? '');
}
