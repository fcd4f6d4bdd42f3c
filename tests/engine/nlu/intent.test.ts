import { describe, expect, it } from 'vitest';
import type { Understanding } from '../../../src/engine/nlu/intent';
import { toWords } from '../../../src/engine/nlu/words';
import { fold } from '../../../src/text/fold';
import { sampleFlows } from '../../support/sample-flows';
import { FLOW_IDS, LABELED_MESSAGES, PRODUCT_IDS, type LabeledMessage } from './labeled-messages';
import { trainedEngine } from './trained-engine';

const flows = await sampleFlows();
const engine = await trainedEngine([], flows);
const threshold = flows.shop.nlu.threshold;

/** The flow the bot starts for a message (an FAQ answer counts as the advice it gives), else fallback. */
function matchedFlow(understanding: Understanding): string | null {
  const best = understanding.best;
  if (!best || best.score < threshold) return null;
  return best.faq ? 'advice' : best.flow;
}

function show(match: Understanding['best']): string {
  return match ? `${match.intent}${match.flow ? `→${match.flow}` : ''}${match.faq ? `→faq:${match.faq}` : ''} ${match.score.toFixed(3)}` : 'none';
}

/** "got advice 0.420 (runner-up order 0.310)": what a failing case needs to be fixed. */
function outcome(understanding: Understanding): string {
  const flow = matchedFlow(understanding) ?? 'fallback';
  return `got ${flow} (best ${show(understanding.best)}, runner-up ${show(understanding.runnerUp)}; tokens ${understanding.tokens.join(' ')})`;
}

const label = (flow: string | null) => flow ?? 'fallback';

/** Shorthand and teencode as customers type it (folded), see VIETNAM.md. */
const SHORTHAND = new Set(
  'ko k kh khg hok hong hem dc dk bn nhiu bnh bnhieu sp sdt ck stk tk sh dh mk mik mjk j z v r ntn lm ak oke oki hnay trc ns e c cf fs nt ib ad mun ki ky hn sg'.split(' '),
);
const withoutMarks = (text: string) => fold(text) === text.normalize('NFC').toLowerCase();
const withShorthand = (text: string) => toWords(text).some((word) => SHORTHAND.has(word));
const casual = (message: LabeledMessage) => withoutMarks(message.text) || withShorthand(message.text);

describe('the labeled customer messages', () => {
  it('cover every flow and enough out-of-scope messages', () => {
    expect(LABELED_MESSAGES.length).toBeGreaterThanOrEqual(170);
    for (const flow of FLOW_IDS) {
      const count = LABELED_MESSAGES.filter((message) => message.flow === flow).length;
      expect(count, flow).toBeGreaterThanOrEqual(flow === 'greeting' ? 8 : 12);
    }
    expect(LABELED_MESSAGES.filter((message) => message.flow === null).length).toBeGreaterThanOrEqual(20);
  });

  it('are written as customers type: at least a third without tone marks or with shorthand', () => {
    expect(LABELED_MESSAGES.filter(casual).length).toBeGreaterThanOrEqual(LABELED_MESSAGES.length / 3);
  });

  it('name only flows and products the sample shop has, each text once', () => {
    // After-sale flows (issue 10) are started by the bot's own scheduled messages and buttons, or by an exact request
    // for personal data: the labeled set covers the flows customers reach by what they write.
    // Cancelling came after this set was written; the corpus covers it (cancel_order).
    const afterSale = new Set(['checkin', 'reminder', 'buy_again', 'privacy', 'cancel']);
    expect([...flows.flows.keys()].filter((id) => !afterSale.has(id)).sort()).toEqual([...FLOW_IDS].sort());
    expect(flows.shop.catalog.map((product) => product.id).sort()).toEqual([...PRODUCT_IDS].sort());
    const texts = LABELED_MESSAGES.map((message) => message.text);
    expect(texts.filter((text, i) => texts.indexOf(text) !== i)).toEqual([]);
  });
});

/** Nine in ten labeled messages start the flow the owner wants; the misses are listed when it fails. */
const FLOW_ACCURACY_FLOOR = 0.9;

describe('intent: the labeled messages start the flow a shop owner wants', () => {
  it(`at least ${FLOW_ACCURACY_FLOOR * 100}% of them, typed as customers type`, () => {
    const misses = LABELED_MESSAGES.flatMap((message) => {
      const understanding = engine.understand(message.text);
      return matchedFlow(understanding) === message.flow ? [] : [`[${label(message.flow)}] "${message.text}" → ${outcome(understanding)}`];
    });
    expect(1 - misses.length / LABELED_MESSAGES.length, misses.join('\n')).toBeGreaterThanOrEqual(FLOW_ACCURACY_FLOOR);
  });

  const cases = LABELED_MESSAGES.map((message) => ({
    ...message,
    name: `"${message.text}" names ${message.product ?? 'no product'}`,
  }));

  it.each(cases)('$name', ({ text, product }) => {
    const understanding = engine.understand(text);
    if (product) {
      expect.soft(understanding.products[0], `products found: [${understanding.products.join(', ')}]`).toBe(product);
    } else {
      expect.soft(understanding.products, 'the message names no catalog product').toEqual([]);
    }
  });

  it('summary: accuracy per flow', () => {
    const rows = [...FLOW_IDS, null].map((flow) => {
      const messages = LABELED_MESSAGES.filter((message) => message.flow === flow);
      let right = 0;
      let productsRight = 0;
      let productsNamed = 0;
      for (const message of messages) {
        const understanding = engine.understand(message.text);
        if (matchedFlow(understanding) === flow) right++;
        if (message.product) {
          productsNamed++;
          if (understanding.products[0] === message.product) productsRight++;
        }
      }
      return { flow: label(flow), right, total: messages.length, productsRight, productsNamed };
    });
    const pct = (a: number, b: number) => (b === 0 ? '   –' : `${((100 * a) / b).toFixed(0).padStart(3)}%`);
    const lines = rows.map(
      (row) =>
        `${row.flow.padEnd(11)} ${String(row.right).padStart(3)}/${String(row.total).padEnd(3)} ${pct(row.right, row.total)}` +
        `   product ${String(row.productsRight).padStart(2)}/${String(row.productsNamed).padEnd(2)} ${pct(row.productsRight, row.productsNamed)}`,
    );
    const right = rows.reduce((sum, row) => sum + row.right, 0);
    const casualCount = LABELED_MESSAGES.filter(casual).length;
    const failures = LABELED_MESSAGES.flatMap((message) => {
      const understanding = engine.understand(message.text);
      return matchedFlow(understanding) === message.flow ? [] : [`  [${label(message.flow)}] "${message.text}" → ${outcome(understanding)}`];
    });
    const productMisses = LABELED_MESSAGES.flatMap((message) => {
      const { products } = engine.understand(message.text);
      const right = message.product ? products[0] === message.product : products.length === 0;
      return right ? [] : [`  "${message.text}": expected ${message.product ?? 'no product'}, got [${products.join(', ')}]`];
    });
    console.log(
      [
        `Intent accuracy on ${LABELED_MESSAGES.length} labeled messages (threshold ${threshold}):`,
        ...lines,
        `${'all'.padEnd(11)} ${String(right).padStart(3)}/${String(LABELED_MESSAGES.length).padEnd(3)} ${pct(right, LABELED_MESSAGES.length)}`,
        `written without tone marks or with shorthand: ${casualCount}/${LABELED_MESSAGES.length} ${pct(casualCount, LABELED_MESSAGES.length)}`,
        `misread (${failures.length}):`,
        ...failures,
        `products misread (${productMisses.length}):`,
        ...productMisses,
      ].join('\n'),
    );
    expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(LABELED_MESSAGES.length);
  });
});

describe('the ambiguous "bn"', () => {
  it.each(['gia bn', 'gia xoai bn 1kg', 'ship ra hn mat bn ngay', 'mat ong bn shop'])('"%s" reads bn as "bao nhiêu"', (text) => {
    const { tokens } = engine.understand(text);
    expect(tokens).toEqual(expect.arrayContaining(['bao', 'nhieu']));
    expect(tokens).not.toContain('ban');
  });

  it.each(['bn oi', 'bn co ban mat ong ko', 'bn cho minh hoi gia xoai'])('"%s" reads bn as "bạn"', (text) => {
    const { tokens } = engine.understand(text);
    expect(tokens).not.toContain('bao');
    expect(tokens).not.toContain('nhieu');
  });

  it('"bn oi" alone keeps the word, read as "bạn" (not "bán", to sell)', () => {
    expect(engine.understand('bn oi').tokens).toContain('<you>');
    expect(engine.understand('bn oi').tokens).not.toContain('ban');
  });

  it('"bạn" with tone marks is the person, "bán" is selling', () => {
    expect(engine.understand('bạn ơi').tokens).not.toContain('ban');
    expect(engine.understand('shop bán gì').tokens).toContain('ban');
  });
});

describe('product recognition', () => {
  it.each([
    ['xoài', 'xoai_cat_hoa_loc'],
    ['xoai cat', 'xoai_cat_hoa_loc'],
    ['Xoài cát Hòa Lộc', 'xoai_cat_hoa_loc'],
    ['xaoi cat', 'xoai_cat_hoa_loc'],
    ['sầu riêng ri6', 'sau_rieng_ri6'],
    ['sau reing', 'sau_rieng_ri6'],
    ['bưởi da xanh', 'buoi_da_xanh'],
    ['bơ', 'bo_sap'],
    ['bo sap', 'bo_sap'],
    ['gạo st25', 'gao_st25'],
    ['gao st 25', 'gao_st25'],
    ['cf robusta', 'ca_phe_robusta'],
    ['cà phê', 'ca_phe_robusta'],
    ['cà phê arabica', 'ca_phe_arabica'],
    ['mật ong hoa cà phê', 'mat_ong_hoa_ca_phe'],
    ['khoai lang say', 'khoai_lang_say'],
    ['mít sấy', 'mit_say'],
  ])('"%s" is %s', (text, id) => {
    const { products } = engine.understand(text);
    expect(products[0]).toBe(id);
    expect([...new Set(products)]).toEqual([id]);
  });

  it.each(['bỏ qua', 'Bỏ qua', 'bỏ qua nhé'])('"%s" is not the product bơ', (text) => {
    const { products, tokens } = engine.understand(text);
    expect(products).not.toContain('bo_sap');
    expect(tokens).not.toContain('<product>');
  });
});
