import type { Product } from '../../flows/schema';
import { toWordForms } from './words';
import type { Name } from './mentions';

/** Short first words stay out: "mít", "gạo", "sầu" are everyday syllables more often than names. */
const SHORTEST_FIRST_WORD = 4;

/**
 * Every name a product goes by: its name, its aliases, and the first word of its name when no
 * other product's names start with it ("khoai" is the dried sweet potato, the only "khoai …"),
 * that one only as spelled ("Khoa" is a given name).
 */
export function productNames(catalog: readonly Pick<Product, 'id' | 'name' | 'aliases'>[]): Name[] {
  const firstWordOwners = new Map<string, Set<string>>();
  for (const product of catalog) {
    for (const name of [product.name, ...product.aliases]) {
      const first = toWordForms(name).marked[0];
      if (!first) continue;
      const owners = firstWordOwners.get(first) ?? new Set<string>();
      owners.add(product.id);
      firstWordOwners.set(first, owners);
    }
  }
  return catalog.flatMap((product) => {
    const names = [product.name, ...product.aliases];
    const first = toWordForms(product.name).marked[0] ?? '';
    const alone = first.length >= SHORTEST_FIRST_WORD && firstWordOwners.get(first)?.size === 1 && !names.some((name) => toWordForms(name).marked.join(' ') === first);
    return [...names.map((name) => ({ id: product.id, name })), ...(alone ? [{ id: product.id, name: first, exact: true }] : [])];
  });
}
