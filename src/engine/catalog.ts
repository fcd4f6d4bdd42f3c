import type { ShopFile } from '../flows/schema';
import { expandShorthand } from './nlu/shorthand';
import { toWords } from './nlu/words';

const plain = (text: string) => expandShorthand(toWords(text)).join(' ');

/**
 * The products a message may mean when it names one only by what several share: "cà phê" is
 * Robusta's alias, yet Arabica is "cà phê arabica" too. Empty when the words name one product.
 */
export function sameFamily(shop: ShopFile, text: string, productId: string): string[] {
  const padded = ` ${plain(text)} `;
  const namesOf = (id: string) => {
    const product = shop.catalog.find((candidate) => candidate.id === id);
    return product ? [product.name, ...product.aliases].map(plain) : [];
  };
  const said = namesOf(productId).filter((name) => padded.includes(` ${name} `));
  if (said.length === 0) return [];
  const sharing = (name: string) => shop.catalog.filter((product) => namesOf(product.id).some((other) => other === name || other.startsWith(`${name} `))).map((product) => product.id);
  if (said.some((name) => sharing(name).length <= 1)) return [];
  const family = sharing(said.sort((a, b) => a.length - b.length)[0]!);
  return family.length > 1 ? family : [];
}
