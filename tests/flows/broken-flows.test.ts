import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadFlows, type FlowSource } from '../../src/flows/index';
import { sampleSources } from '../support/sample-flows';

let samples: FlowSource[];

beforeAll(async () => {
  samples = (await sampleSources()).map((source) => ({ path: source.path.replace(/^.*?flows\//, 'flows/'), text: source.text }));
});

/** The sample shop with `broken.yaml` added, or one sample file rewritten. */
function withFlow(text: string): FlowSource[] {
  return [...samples, { path: 'flows/broken.yaml', text }];
}

function withEdit(file: string, from: string, to: string): FlowSource[] {
  return samples.map((source) => {
    if (!source.path.endsWith(file)) return source;
    if (!source.text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}`);
    return { ...source, text: source.text.replace(from, to) };
  });
}

/** 1-based line of the first line containing `marker` in a sample file. */
function lineOf(file: string, marker: string): number {
  const text = samples.find((source) => source.path.endsWith(file))!.text;
  return text.split('\n').findIndex((line) => line.includes(marker)) + 1;
}

function problems(sources: FlowSource[]): string[] {
  const result = loadFlows(sources);
  return [...(result.ok ? [] : result.errors), ...result.warnings].map(formatProblem);
}

const flow = (steps: string, header = 'id: broken\ntitle: Thử\nstage: consider\n') => `${header}steps:\n${steps}`;

describe('every sample flow loads', () => {
  it('the sample shop has no errors and no warnings', () => {
    const result = loadFlows(samples);
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    expect(result.ok && [...result.flows.flows.keys()].sort()).toEqual(['advice', 'buy_again', 'cancel', 'checkin', 'greeting', 'human', 'order', 'payment', 'privacy', 'promotions', 'reminder', 'returns', 'shipping']);
  });
});

describe('a flow file with a mistake is refused with file, line, column and a message the owner can act on', () => {
  it('a YAML syntax error (a nested key in the wrong column), and what the line says once corrected', () => {
    expect(problems(withFlow(flow('  a:\n    say: xin chào\n      next: b\n')))).toEqual([
      'flows/broken.yaml:7:1 (gốc): lỗi: lỗi cú pháp YAML: dòng này thụt vào thừa 2 dấu cách: khóa "next" phải thẳng cột với "say" ở dòng 6',
      'flows/broken.yaml:7:11 steps.a.next: lỗi: không có bước "b" trong luồng "broken" (có phải ý bạn là "a"?)',
    ]);
  });

  it('a tab used for indentation', () => {
    expect(problems(withFlow(flow('  a:\n\tsay: xin chào\n')))).toEqual(['flows/broken.yaml:6:1 (gốc): lỗi: lỗi cú pháp YAML: dùng phím cách (space) để thụt lề, không dùng phím Tab']);
  });

  it('a step name written twice', () => {
    expect(problems(withFlow(flow('  a:\n    say: một\n  a:\n    say: hai\n')))).toEqual([
      'flows/broken.yaml:7:3 (gốc): lỗi: lỗi cú pháp YAML: khóa "a" bị viết hai lần trong cùng một nhóm; xóa hoặc đổi tên một trong hai',
    ]);
  });

  it('an unknown key, with the key it was probably meant to be', () => {
    expect(problems(withFlow(flow('  a:\n    sya: xin chào\n')))).toEqual([
      'flows/broken.yaml:6:5 steps.a.sya: lỗi: khóa "sya" không dùng được ở đây (có phải ý bạn là "say"?); các khóa hợp lệ: title, declined_by, say, image, set, action, ask, save, choices, retry, optional, always, buttons, branch, next, end',
    ]);
  });

  it('a misspelt required key in shop.yaml is one mistake, not also a missing key', () => {
    expect(problems(withEdit('shop.yaml', '    price: 85000', '    prce: 85000'))).toEqual([
      `flows/shop.yaml:${lineOf('shop.yaml', 'price: 85000')}:5 catalog[0].prce: lỗi: khóa "prce" không dùng được ở đây (có phải ý bạn là "price"?); các khóa hợp lệ: id, name, aliases, unit, price, min_quantity, season, stock, origin, description, suits, storage, image, preorder, reorder_days`,
    ]);
  });

  it('a price written as words', () => {
    expect(problems(withEdit('shop.yaml', '    price: 85000', '    price: tám lăm nghìn'))).toEqual([`flows/shop.yaml:${lineOf('shop.yaml', 'price: 85000')}:12 catalog[0].price: lỗi: phải là số`]);
  });

  it('a price written with a thousands dot, which YAML reads as 85 đồng, is refused', () => {
    const result = loadFlows(withEdit('shop.yaml', '    price: 85000', '    price: 85.000'));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(formatProblem)).toEqual([
      `flows/shop.yaml:${lineOf('shop.yaml', 'price: 85000')}:12 catalog[0].price: lỗi: "85.000" được đọc thành 85: số tiền viết liền, không dấu chấm — viết 85000`,
    ]);
  });

  it('a journey stage that is not one of the six', () => {
    expect(problems(withFlow(flow('  a:\n    say: hi\n', 'id: broken\ntitle: Thử\nstage: buying\n')))).toEqual([
      'flows/broken.yaml:3:8 stage: lỗi: giá trị "buying" không hợp lệ (có phải ý bạn là "buy"?); chỉ nhận một trong: discover, consider, buy, use, return, loyal',
    ]);
  });

  it('a flow without its title', () => {
    expect(problems(withFlow(flow('  a:\n    say: hi\n', 'id: broken\nstage: consider\n')))).toEqual(['flows/broken.yaml:1:1 title: lỗi: thiếu khóa bắt buộc "title" (chữ (văn bản))']);
  });

  it('a next to a step that does not exist', () => {
    expect(problems(withFlow(flow('  ask:\n    say: hi\n    next: confrim\n  confirm:\n    say: ok\n')))).toEqual([
      'flows/broken.yaml:7:11 steps.ask.next: lỗi: không có bước "confrim" trong luồng "broken" (có phải ý bạn là "confirm"?)',
      'flows/broken.yaml:8:3 steps.confirm: cảnh báo: bước "confirm" không bao giờ được tới: không bước nào chuyển sang nó',
    ]);
  });

  it('a goto to a flow that does not exist', () => {
    expect(problems(withFlow(flow('  a:\n    say: hi\n    buttons:\n      - label: Đặt\n        goto: flow:oder\n')))).toEqual([
      'flows/broken.yaml:9:15 steps.a.buttons[0].goto: lỗi: không có luồng "oder" (có phải ý bạn là "order"?)',
    ]);
  });

  it('a goto naming a flow without "flow:"', () => {
    expect(problems(withFlow(flow('  a:\n    say: hi\n    next: order\n')))).toEqual([
      'flows/broken.yaml:7:11 steps.a.next: lỗi: không có bước "order" trong luồng "broken" (muốn sang luồng khác thì viết "flow:order")',
    ]);
  });

  it('a product that is not in the catalog', () => {
    expect(problems(withFlow(flow('  a:\n    set: { product: xoai_cat }\n    say: hi\n')))).toEqual([
      'flows/broken.yaml:6:21 steps.a.set.product: lỗi: không có sản phẩm "xoai_cat" trong catalog (có phải ý bạn là "xoai_cat_hoa_loc"?)',
    ]);
  });

  it('a promotion code that is not in shop.yaml', () => {
    expect(problems(withFlow(flow('  a:\n    set: { promo_code: XOAI20 }\n    say: hi\n')))).toEqual([
      'flows/broken.yaml:6:24 steps.a.set.promo_code: lỗi: không có mã khuyến mãi "XOAI20" trong shop.yaml (có phải ý bạn là "XOAI10"?)',
    ]);
  });

  it('a condition on a slot no step saves', () => {
    expect(problems(withFlow(flow('  a:\n    say: hi\n    branch:\n      - if: { slot: payment_metod, equals: bank }\n        goto: b\n  b:\n    say: ok\n')))).toEqual([
      'flows/broken.yaml:8:21 steps.a.branch[0].if.slot: lỗi: chưa có bước nào lưu thông tin "payment_metod" (save: payment_metod) (có phải ý bạn là "payment_method"?)',
    ]);
  });

  it('a text using a variable nothing fills', () => {
    expect(problems(withFlow(flow('  a:\n    say: Chào {{ten_khach}}\n')))).toEqual([
      'flows/broken.yaml:6:10 steps.a.say: lỗi: biến "{{ten_khach}}" không có: chưa bước nào lưu "ten_khach" và không phải biến có sẵn',
    ]);
  });

  it('a question that does not say where to keep the answer', () => {
    expect(problems(withFlow(flow('  a:\n    ask: phone\n    say: Số điện thoại?\n')))).toEqual(['flows/broken.yaml:6:5 steps.a: lỗi: bước hỏi (ask: phone) cần "save: <tên>" để lưu câu trả lời']);
  });

  it('a choice question without choices', () => {
    expect(problems(withFlow(flow('  a:\n    ask: choice\n    save: size\n    say: Loại nào?\n')))).toEqual(['flows/broken.yaml:6:5 steps.a: lỗi: bước "ask: choice" cần danh sách "choices" (label và value)']);
  });

  it('two flows with the same id', () => {
    expect(problems(withFlow(flow('  a:\n    say: hi\n', 'id: order\ntitle: Đơn 2\nstage: buy\n')))).toEqual([
      'flows/broken.yaml:1:5 id: lỗi: luồng "order" đã có trong flows/order.yaml; mỗi luồng cần một id riêng',
      'flows/broken.yaml:1:5 id: cảnh báo: tệp broken.yaml nên có id "broken" để dễ tìm (đang là "order")',
    ]);
  });

  it('two products with the same id', () => {
    expect(problems(withEdit('shop.yaml', '  - id: sau_rieng_ri6', '  - id: xoai_cat_hoa_loc'))).toEqual([
      `flows/shop.yaml:${lineOf('shop.yaml', '- id: sau_rieng_ri6')}:9 catalog[1].id: lỗi: mã sản phẩm "xoai_cat_hoa_loc" bị trùng; mỗi sản phẩm cần một id riêng`,
    ]);
  });

  it('a step nothing leads to is a warning, and the flow still loads', () => {
    const result = loadFlows(withFlow(flow('  a:\n    say: hi\n    end: true\n  lost:\n    say: nobody comes here\n')));
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatProblem)).toEqual(['flows/broken.yaml:8:3 steps.lost: cảnh báo: bước "lost" không bao giờ được tới: không bước nào chuyển sang nó']);
  });

  it('a shipping zone naming a province by its pre-2025 name', () => {
    const marker = 'provinces: [TP Hồ Chí Minh, Đồng Nai]';
    const column = samples.find((source) => source.path.endsWith('shop.yaml'))!.text.split('\n')[lineOf('shop.yaml', marker) - 1]!.indexOf(']') + 3;
    expect(problems(withEdit('shop.yaml', marker, 'provinces: [TP Hồ Chí Minh, Đồng Nai, Bình Dương]'))).toEqual([
      `flows/shop.yaml:${lineOf('shop.yaml', marker)}:${column} shipping.zones[1].provinces[2]: lỗi: "Bình Dương" là tên tỉnh cũ; từ 1/7/2025 thuộc "TP Hồ Chí Minh", hãy viết "TP Hồ Chí Minh"`,
    ]);
  });

  it('a required flow missing', () => {
    const sources = samples.filter((source) => !source.path.endsWith('human.yaml'));
    expect(problems(sources)).toEqual([
      `flows/shop.yaml:${lineOf('shop.yaml', 'flow: human')}:11 menu[6].flow: lỗi: không có luồng "human"`,
      `flows/shop.yaml:${lineOf('shop.yaml', 'shop:')}:1 (gốc): lỗi: thiếu luồng bắt buộc "human"; tạo tệp flows/human.yaml với id: human`,
      `flows/reminder.yaml:${lineOf('reminder.yaml', 'goto: flow:human')}:15 steps.ask_question.buttons[0].goto: lỗi: không có luồng "human"`,
      `flows/shipping.yaml:${lineOf('shipping.yaml', 'goto: flow:human')}:15 steps.late.buttons[1].goto: lỗi: không có luồng "human"`,
    ]);
  });

  it('a step name with capitals and spaces', () => {
    expect(problems(withFlow(flow('  Bước Một:\n    say: hi\n')))).toEqual([
      'flows/broken.yaml:5:3 steps.Bước Một: lỗi: tên "Bước Một" không hợp lệ: chỉ chữ thường không dấu, số và dấu gạch dưới, tối đa 32 ký tự, ví dụ "xoai_cat"',
    ]);
  });

  it('an empty file', () => {
    expect(problems(withFlow(''))).toEqual(['flows/broken.yaml:1:1 (gốc): lỗi: tệp phải là một nhóm khóa dạng "khóa: giá trị" (tệp đang trống hoặc sai dạng)']);
  });

  it('a trigger that starts at a step that does not exist', () => {
    expect(problems(withFlow(flow('  a:\n    say: hi\n', 'id: broken\ntitle: Thử\nstage: consider\ntriggers:\n  - text: đã chuyển khoản\n    step: piad\n')))).toEqual([
      'flows/broken.yaml:6:11 triggers[0].step: lỗi: không có bước "piad" trong luồng "broken"',
    ]);
  });

  it('mistakes in several files are all reported at once, without echoes about the broken flow', () => {
    const sources = withEdit('order.yaml', 'stage: buy', 'stage: buying').map((source) =>
      source.path.endsWith('returns.yaml') ? { ...source, text: source.text.replace('    save: order_code', '    save: order_code\n    sya: oops') } : source,
    );
    const found = problems(sources);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^flows\/order\.yaml:\d+:8 stage: lỗi: giá trị "buying"/);
    expect(found[1]).toMatch(/^flows\/returns\.yaml:\d+:5 steps\.order_code\.sya: lỗi: khóa "sya"/);
  });
});
