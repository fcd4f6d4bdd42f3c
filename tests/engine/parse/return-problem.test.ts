import { describe, expect, it } from 'vitest';
import { readReturnProblem, type ReturnProblem } from '../../../src/engine/parse/return-problem';
import { sampleFlows } from '../../support/sample-flows';

describe('readReturnProblem names what went wrong with an order', () => {
  it.each<[string, ReturnProblem | null]>([
    ['xoai bi dap het roi', 'damaged'],
    ['hàng bị hư', 'damaged'],
    ['xoai hu het', 'damaged'],
    ['bi thoi', 'damaged'],
    ['thối hết một nửa', 'damaged'],
    ['cà phê bị mốc', 'damaged'],
    ['mốc', 'damaged'],
    ['giao thieu 1kg', 'missing'],
    ['thiếu hàng shop ơi', 'missing'],
    ['sai hang roi shop', 'wrong_item'],
    ['giao nhầm hàng', 'wrong_item'],
    ['giao trễ 3 ngày', 'late'],
    ['giao cham qua', 'late'],
    ['3 ky thoi', null],
    ['à nhầm, 3 ký thôi', null],
    ['2 hu mat ong', null],
    ['2 hu thoi', null],
    ['cham 5 sao', null],
    ['ca phe rang moc', null],
    ['ngon hong shop', null],
    ['ship ra ha noi xoai co bi hu ko shop', null],
    ['xoài có sâu không shop', null],
    ['co trai bi dap, co doi dc ko', 'damaged'],
    ['xoai co sau', 'damaged'],
    ['bot hoi cham', null],
    ['shop tra loi cham qua', null],
    ['giao hoi cham', 'late'],
    ['60 dong khoi, phuong 3, ben tre, cod', null],
    ['giao tre 2 ngay roi', 'late'],
    ['XB91 sao lau vay shop, cho 1 tuan roi', 'late'],
    ['doi mai khong thay hang', 'late'],
    ['ca phe de duoc bao lau', null],
    ['bot tra loi lau vay', null],
    ['bo sap bao quan sao cho lau', null],
    ['mit say mo ra bi iu het, an mem xiu ko gion gi ca', 'damaged'],
    ['iu shop nhieu', null],
    ['bao quan sao lau hu', null],
  ])('"%s" → %s', (text, problem) => {
    expect(readReturnProblem(text)).toBe(problem);
  });

  it('every problem it names is a choice of the returns flow', async () => {
    const step = (await sampleFlows()).flows.get('returns')!.steps.problem!;
    const values = (step.choices ?? []).map((choice) => choice.value);
    expect(values).toEqual(expect.arrayContaining(['damaged', 'missing', 'wrong_item', 'late']));
  });
});
