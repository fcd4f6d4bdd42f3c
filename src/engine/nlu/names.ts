import type { ShopFlows } from '../../flows/schema';
import { FORMER_PROVINCES, PROVINCES, PROVINCE_ALIASES } from '../../vietnam/provinces';
import { MentionIndex } from './mentions';
import { productNames } from './product-names';
import { PRODUCE_MARKED_ONLY, PRODUCE_NAMES } from './produce';

export interface ShopNames {
  products: MentionIndex;
  provinces: MentionIndex;
  /** Farm produce in general, read by the classifier as one word. */
  produce: MentionIndex;
}

/** The names customers use for the shop's products (with aliases) and for provinces, old and new. */
export function shopNames(flows: ShopFlows): ShopNames {
  return {
    products: new MentionIndex(productNames(flows.shop.catalog)),
    provinces: new MentionIndex([
      ...PROVINCES.map((province) => ({ id: province.id, name: province.name })),
      ...FORMER_PROVINCES.map((former) => ({ id: former.now, name: former.name })),
      ...PROVINCE_ALIASES.map((alias) => ({ id: alias.now, name: alias.alias })),
    ]),
    produce: new MentionIndex([...PRODUCE_NAMES.map((name) => ({ id: name, name })), ...PRODUCE_MARKED_ONLY.map((name) => ({ id: name, name, marked: true }))]),
  };
}
