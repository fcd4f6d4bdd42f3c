import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadFlows, type FlowSource } from '../../src/flows/index';
import { parseTaught, taughtYaml } from '../../src/flows/taught';
import { sampleSources } from '../support/sample-flows';

let samples: FlowSource[];

beforeAll(async () => {
  samples = (await sampleSources()).map((source) => ({ path: source.path.replace(/^.*?flows\//, 'flows/'), text: source.text }));
});

function withFaq(text: string): FlowSource[] {
  return [...samples.filter((source) => !source.path.endsWith('faq.yaml')), { path: 'flows/faq.yaml', text }];
}

/** The problems of one file (other files of the sample may be in the middle of an edit). */
function problems(sources: FlowSource[], file = 'faq.yaml'): string[] {
  const result = loadFlows(sources);
  return [...(result.ok ? [] : result.errors), ...result.warnings].filter((problem) => problem.file.endsWith(file)).map(formatProblem);
}

describe("the shop's FAQ file (flows/faq.yaml)", () => {
  it('the sample shop answers origin, certification, wholesale, gift wrapping, invoices and compensation', () => {
    expect(problems(samples)).toEqual([]);
    const result = loadFlows(samples);
    expect(result.ok && result.flows.faq?.map((entry) => entry.id)).toEqual(['xuat_xu', 'chung_nhan', 'gia_si', 'goi_qua', 'hoa_don', 'den_bu']);
  });

  it('a file with mistakes gives each one with file:line and what to write instead', () => {
    const text = [
      'faq:', // 1
      '  - id: xuat_xu', // 2
      '    questions: [xuất xứ ở đâu, "{product} trồng ở đâu"]', // 3
      '    answer: Dạ {{product.origin}} ạ', // 4
      '    product_answer: "Dạ {{product.orign}} ạ"', // 5
      '    products:', // 6
      '      xoai_cat: Dạ Cái Bè ạ', // 7
      '  - id: xuat_xu', // 8
      '    intent: shiping', // 9
      '    questions: [xuất xứ ở đâu, "{san_pham} ở đâu"]', // 10
      '    anwser: Dạ ở Đồng Tháp', // 11
    ].join('\n');
    expect(problems(withFaq(text))).toEqual([
      'flows/faq.yaml:11:5 faq[1].anwser: lỗi: khóa "anwser" không dùng được ở đây (có phải ý bạn là "answer"?); các khóa hợp lệ: id, intent, questions, answer, product_answer, products',
    ]);
    const fixed = text.replace('anwser', 'answer');
    expect(problems(withFaq(fixed))).toEqual([
      'flows/faq.yaml:4:13 faq[0].answer: lỗi: "{{product.origin}}" không dùng được ở đây; chỉ dùng {{shop.…}} hoặc {{policy.…}} (thông tin sản phẩm chỉ dùng được trong product_answer)',
      'flows/faq.yaml:5:21 faq[0].product_answer: lỗi: "{{product.orign}}": sản phẩm không có mục "orign" (có phải ý bạn là "origin"?); dùng một trong: name, unit, price, origin, description, suits, storage, season, min_quantity',
      'flows/faq.yaml:7:7 faq[0].products.xoai_cat: lỗi: không có sản phẩm "xoai_cat" trong shop.yaml (có phải ý bạn là "xoai_cat_hoa_loc"?)',
      'flows/faq.yaml:8:9 faq[1].id: lỗi: câu hỏi "xuat_xu" đã có ở mục thứ 1; mỗi mục cần một id riêng',
      'flows/faq.yaml:9:13 faq[1].intent: lỗi: không có ý định "shiping" (có phải ý bạn là "shipping"?); các ý định chuẩn: greeting, product_info, catalog, order, reorder, payment, payment_claimed, shipping, order_status, returns, promotion, human, cancel_order, privacy, thanks, acknowledge, goodbye, shop_location, opening_hours, out_of_scope',
      'flows/faq.yaml:10:17 faq[1].questions[0]: lỗi: câu "xuất xứ ở đâu" đã thuộc mục "xuat_xu"; một câu chỉ nên thuộc một mục, bot mới biết trả lời mục nào',
      'flows/faq.yaml:10:32 faq[1].questions[1]: lỗi: chỗ trống "{san_pham}" không có; chỉ dùng {product} (tên sản phẩm) hoặc {province} (tỉnh/thành)',
    ]);
  });

  it('a flow whose intent is no standard intent is warned about, with the one probably meant', () => {
    const sources = samples.map((source) => (source.path.endsWith('promotions.yaml') ? { ...source, text: source.text.replace('intent: promotion', 'intent: promotoin') } : source));
    expect(problems(sources, 'promotions.yaml')).toEqual([
      expect.stringMatching(/^flows\/promotions\.yaml:\d+:9 intent: cảnh báo: "promotoin" không phải ý định chuẩn \(có phải ý bạn là "promotion"\?\)/),
    ]);
  });
});

describe('taught examples exported as YAML', () => {
  it('read back as they were written, and a mistake points at its line', () => {
    const examples = [
      { text: 'giao buổi tối được ko', flow: 'shipping', faq: null },
      { text: 'có hóa đơn đỏ ko', flow: null, faq: 'hoa_don' },
      { text: 'bán sim số đẹp ko', flow: null, faq: null },
    ];
    expect(parseTaught({ path: 'flows/taught/a.yaml', text: taughtYaml(examples) })).toEqual({ examples, problems: [] });
    const broken = parseTaught({ path: 'flows/taught/b.yaml', text: 'taught:\n  - text: hi\n    flw: greeting\n' });
    expect(broken.problems.map(formatProblem)[0]).toMatch(/^flows\/taught\/b\.yaml:3:5 taught\[0\]\.flw: lỗi: khóa "flw" .*"flow"/);
  });
});
