import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/engine';
import { readCorpus } from '../../../src/nlu-corpus.node.ts';
import { crossValidate, summarize } from '../../../src/engine/nlu/evaluation';
import { DEFAULT_TRAINING } from '../../../src/engine/nlu/classifier';
import { IntentMatcher } from '../../../src/engine/nlu/intent';
import { deserializeUnderstanding, serializeUnderstanding, trainingDigest, trainUnderstanding, understandingFor } from '../../../src/engine/nlu/model';
import { shopNames } from '../../../src/engine/nlu/names';
import { toWordForms } from '../../../src/engine/nlu/words';
import { labeledExamples } from '../../../src/engine/nlu/training-set';
import { initialState } from '../../../src/engine/types';
import { EngineChat, sampleFlows } from '../../support/sample-flows';

const flows = await sampleFlows();
const names = shopNames(flows);
const corpus = await readCorpus();
const model = trainUnderstanding(flows, names, corpus);
const engine = createEngine(flows, model);
const threshold = flows.shop.nlu.threshold;

const intentOf = (text: string) => {
  const best = engine.understand(text).best;
  return best && best.score >= threshold ? best.intent : 'out_of_scope';
};

/** Cross-validated accuracy (5 folds, threshold applied) on the corpus, triggers and FAQ questions: 88.0% when set. */
const CROSS_VALIDATED_FLOOR = 0.86;

describe('the intent classifier trained on the shipped corpus', () => {
  it(`reads at least ${CROSS_VALIDATED_FLOOR * 100}% of messages right that it was not trained on (5-fold cross-validation)`, () => {
    const summary = summarize(crossValidate(flows, names, labeledExamples(flows, corpus), 5, threshold));
    const worst = summary.misses.slice(0, 15).map((miss) => `"${miss.text}": expected ${miss.label}, got ${miss.got} ${miss.score}`);
    expect(summary.accuracy, worst.join('\n')).toBeGreaterThanOrEqual(CROSS_VALIDATED_FLOOR);
  }, 120_000);

  it.each([
    ['shipping', ['Ship ra Hà Nội mất mấy ngày?', 'ship ra ha noi mat may ngay', 'sh ship ra hn mat may ngay z']],
    ['payment', ['Cho mình xin số tài khoản', 'cho minh xin so tai khoan', 'cho mk xin stk']],
    ['payment_claimed', ['Mình đã chuyển khoản rồi nhé', 'minh da chuyen khoan roi nhe', 'mk ck r nha']],
    ['order_status', ['Đơn của mình giao tới đâu rồi shop?', 'don cua minh giao toi dau roi shop', 'dh cua mk toi dau r sh']],
    ['returns', ['Xoài giao tới bị dập mấy trái', 'xoai giao toi bi dap may trai', 'xoai giao toi bi dap may trai r sh oi']],
    ['product_info', ['Gạo ST25 giá bao nhiêu một ký?', 'gao st25 gia bao nhieu mot ky', 'gao st25 gia bn 1kg']],
    ['human', ['Cho mình nói chuyện với nhân viên', 'cho minh noi chuyen voi nhan vien', 'cho mk gap nv dc ko']],
  ])('tone marks, no marks and teencode of one question get the same intent: %s', (intent, variants) => {
    for (const text of variants) expect(intentOf(text), text).toBe(intent);
  });

  it('a greeting or a product name in front never outweighs the question after it', () => {
    expect(intentOf('chào shop')).toBe('greeting');
    expect(intentOf('chào shop, ship ra Cần Thơ mất mấy ngày vậy')).toBe('shipping');
    expect(intentOf('shop ơi alo, xoài giao tới bị dập hết rồi')).toBe('returns');
    expect(intentOf('hello shop cho mình xin stk')).toBe('payment');
    expect(intentOf('xoài cát')).toBe('product_info');
    expect(intentOf('xoài cát giao tới bị dập mấy trái')).toBe('returns');
    expect(intentOf('mua 2 cân xoài, sdt 0987654321')).toBe('order');
  });

  it('tone marks count when typed: "buổi sáng" is a time of day, "bưởi" the pomelo', () => {
    expect(engine.understand('buổi sáng shop mở cửa mấy giờ').products).toEqual([]);
    expect(intentOf('buổi sáng shop mở cửa mấy giờ')).toBe('opening_hours');
    expect(engine.understand('bưởi còn không shop').products).toEqual(['buoi_da_xanh']);
    expect(engine.understand('buoi con ko shop').products).toEqual(['buoi_da_xanh']);
  });

  it('the messages customers sent that the trigger matcher got wrong now reach the right intent', () => {
    expect(intentOf('ship mấy hôm thì tới')).toBe('shipping');
    expect(intentOf('3 hôm rồi chưa thấy hàng')).toBe('order_status');
    expect(intentOf('tuan truoc dat ma gio chua toi')).toBe('order_status');
    expect(intentOf('chúc shop ngủ ngon')).toBe('goodbye');
  });

  it('farm produce the shop does not sell is another shop\'s goods; the catalog\'s own and kinds of goods ask the catalog', () => {
    for (const text of ['có bán thanh long không', 'shop co ban vai thieu ko', 'có bán nhãn không shop', 'shop co ban thit heo ko']) {
      expect(intentOf(text), text).toBe('out_of_scope');
    }
    expect(['catalog', 'product_info']).toContain(intentOf('có bán xoài không shop'));
    expect(intentOf('shop co ban do say ko')).toBe('catalog');
    // Without its marks "nhan" is also "nhắn" (to message): only "nhãn" typed so is the fruit.
    expect(names.produce.find(toWordForms('có bán nhãn không')).map((mention) => mention.id)).toEqual(['nhãn']);
    expect(names.produce.find(toWordForms('nhan tin cho shop'))).toEqual([]);
    expect(names.produce.find(toWordForms('nhắn tin cho shop'))).toEqual([]);
  });

  it('a very long message (hundreds of words) is read like its short form', () => {
    const long = Array.from({ length: 150 }, () => 'xoài giao tới bị dập mấy trái').join(', ');
    expect(intentOf(long)).toBe('returns');
  });

  it('an emoji alone is read: 👍 is a yes, 🙏 a thanks', () => {
    expect(intentOf('👍')).toBe('acknowledge');
    expect(intentOf('🙏')).toBe('thanks');
  });

  it('an intent no flow serves has no flow, and the shop FAQ answers a product question with that product', () => {
    expect(engine.understand('cam on shop nhieu nha').best).toMatchObject({ intent: 'thanks', flow: null, faq: null });
    expect(engine.understand('cho xin stk').best).toMatchObject({ intent: 'payment', flow: 'payment', faq: null });
    expect(engine.understand('ck roi nha shop').best).toMatchObject({ intent: 'payment_claimed', flow: 'payment', step: 'paid' });
    const origin = engine.understand('xoài này xuất xứ ở đâu vậy shop');
    expect(origin.best).toMatchObject({ intent: 'product_info', faq: 'xuat_xu', flow: null });
    expect(origin.products).toEqual(['xoai_cat_hoa_loc']);
    expect(engine.understand('shop có xuất hóa đơn vat cho công ty không').best?.faq).toBe('hoa_don');
  });

  it("the shop's FAQ answers its topic in words the owner did not write, and plain price questions stay with the product card", () => {
    expect(engine.understand('minh lay si 50 ky gao thi gia sao').best?.faq).toBe('gia_si');
    expect(engine.understand('mua si ca phe thi gia bn').best?.faq).toBe('gia_si');
    expect(engine.understand('bên mình có giấy kiểm nghiệm cho mật ong không').best?.faq).toBe('chung_nhan');
    expect(engine.understand('xoai gia sao shop').best?.faq).toBeNull();
    expect(engine.understand('buoi voi xoai cai nao ngon hon').best?.faq).toBeNull();
  });

  it('goods the catalog does not carry are named as such, apart from the products it does', () => {
    const unsold = engine.understand('shop co ban mang cut ko');
    expect(unsold.produce).toEqual(['măng cụt']);
    expect(unsold.products).toEqual([]);
    expect(engine.understand('xoai cat con ko shop').produce).toEqual([]);
  });

  it('a shipping question enters the step it asks about: free shipping in two words, goods spoiling on a far trip', () => {
    expect(engine.understand('don bao nhieu thi dc free ship vay').best).toMatchObject({ flow: 'shipping', step: 'free_shipping' });
    expect(engine.understand('gui buoi ra da nang co bi hu khong shop').best).toMatchObject({ flow: 'shipping', step: 'far_delivery' });
    expect(engine.understand('ship ra da nang bao nhieu').best).toMatchObject({ flow: 'shipping', step: null });
  });

  it('two intents close together are flagged ambiguous, a clear question is not', () => {
    expect(engine.understand('cho xin stk').ambiguous).toBe(false);
    const close = corpus.map((example) => engine.understand(example.text)).filter((understanding) => understanding.ambiguous);
    for (const understanding of close) expect(understanding.best!.score - understanding.runnerUp!.score).toBeLessThan(0.15);
  });

  it('the model written into the Worker bundle answers exactly as the trained one', () => {
    const data = JSON.parse(JSON.stringify(serializeUnderstanding(model, flows.version, trainingDigest(flows, names, corpus))));
    const bundled = new IntentMatcher(deserializeUnderstanding(data, flows.version), flows, names);
    for (const example of corpus.slice(0, 300)) {
      const a = engine.understand(example.text);
      const b = bundled.understand(example.text);
      expect(b.best?.intent, example.text).toBe(a.best?.intent);
      expect(Math.abs((b.best?.score ?? 0) - (a.best?.score ?? 0))).toBeLessThan(0.02);
    }
    expect(() => deserializeUnderstanding(data, 'other')).toThrow(/npm run flows:bundle/);
  });
});

describe('a model trained before (bundled with the flows)', () => {
  const digest = trainingDigest(flows, names, corpus);
  // Another model stamped with the digest of the real inputs: told apart from a fresh training by its features.
  const standIn = serializeUnderstanding(trainUnderstanding(flows, names, corpus.slice(0, 400)), flows.version, digest);

  it('is used as it is when it was trained on exactly the inputs given: nothing is trained', () => {
    const used = understandingFor(flows, names, corpus, [], standIn);
    expect(used.intents.serialize().features).toEqual(standIn.intents.features);
  });

  it('is not used for other inputs: a taught example, an edited flow or another corpus trains afresh', () => {
    const taught = [{ text: 'cho hỏi vụ thùng xốp lần trước', flow: 'returns', faq: null }];
    expect(trainingDigest(flows, names, corpus, taught)).not.toBe(digest);
    expect(trainingDigest({ ...flows, version: 'edited' }, names, corpus)).not.toBe(digest);
    expect(trainingDigest(flows, names, corpus.slice(1))).not.toBe(digest);
    expect(trainingDigest(flows, names, corpus, [], { ...DEFAULT_TRAINING, epochs: DEFAULT_TRAINING.epochs + 1 })).not.toBe(digest);
    const fresh = understandingFor(flows, names, corpus, taught, standIn);
    expect(fresh.intents.serialize().features).not.toEqual(standIn.intents.features);
    expect(new IntentMatcher(fresh, flows, names).understand(taught[0]!.text).best?.flow).toBe('returns');
  });

  it('is the same for the same inputs, in any run', () => {
    expect(trainingDigest(flows, names, [...corpus])).toBe(digest);
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the owner teaches', () => {
  it('a message assigned to a flow or marked not for the shop is answered so after the rebuild', () => {
    const text = 'cho hỏi vụ thùng xốp lần trước';
    const before = engine.understand(text).best?.intent;
    const target = before === 'returns' ? 'promotions' : 'returns';
    const taught = trainUnderstanding(flows, names, corpus, [{ text, flow: target, faq: null }]);
    const after = new IntentMatcher(taught, flows, names).understand(text).best;
    expect(after?.flow).toBe(target);
    expect(after!.score).toBeGreaterThanOrEqual(threshold);

    const spam = 'chị ơi em bên dịch vụ chạy quảng cáo facebook giá rẻ';
    const notForShop = trainUnderstanding(flows, names, corpus, [{ text: spam, flow: null, faq: null }]);
    expect(new IntentMatcher(notForShop, flows, names).understand(spam).best?.intent).toBe('out_of_scope');
  });

  it('a message assigned to an FAQ entry is answered by that entry after the rebuild', () => {
    const text = 'bên mình có bọc quà sinh nhật ko';
    const taught = trainUnderstanding(flows, names, corpus, [{ text, flow: null, faq: 'goi_qua' }]);
    expect(new IntentMatcher(taught, flows, names).understand(text).best?.faq).toBe('goi_qua');
  });
});

describe('odd words never crash the engine', () => {
  const words = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
  it.each(words)('"%s" typed by a customer', (word) => {
    const understanding = engine.understand(word);
    expect(understanding.products).toEqual([]);
    expect(() => engine.understand(`shop ơi ${word} ${word}`)).not.toThrow();
    const chat = new EngineChat(engine, new Date('2026-05-12T03:00:00Z'));
    chat.say(word);
    expect(chat.replies.length).toBeGreaterThan(0);
    const state = chat.engine.turn(initialState(), { kind: 'text', text: `gia ${word} bn` }, { now: chat.now, orderCode: 'XB1', customer: { name: null, orders: [] } });
    expect(state.replies.length).toBeGreaterThan(0);
  });
});
