import { TEMPLATE_VARIABLE } from '../flows/schema';

export type ResolveVariable = (root: string, field: string | undefined) => string;

/**
 * Fills `{{name}}` and `{{name.field}}`. A line whose variables all came out empty is
 * dropped, so "Nguồn gốc: {{product.origin}}" disappears for a product without an origin.
 */
export function renderTemplate(text: string, resolve: ResolveVariable): string {
  return text
    .split('\n')
    .flatMap((line) => {
      let variables = 0;
      let empty = 0;
      const rendered = line.replace(TEMPLATE_VARIABLE, (_, root: string, field: string | undefined) => {
        variables++;
        const value = resolve(root, field);
        if (value === '') empty++;
        return value;
      });
      return variables > 0 && empty === variables ? [] : [rendered.trimEnd()];
    })
    .join('\n')
    .trim();
}
