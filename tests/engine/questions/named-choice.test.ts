import { describe, expect, it } from 'vitest';
import { namedChoice } from '../../../src/engine/questions/choice';
import { sampleFlows } from '../../support/sample-flows';

const resolution = async () => (await sampleFlows()).flows.get('returns')!.steps.resolution!.choices!;

describe('namedChoice reads the answer to a choice question', () => {
  it.each([
    ['words between a name’s words, as the answer to the question', 'hoan lai tien 2 ky cho e', 'refund'],
    ['a product between "đổi" and "khác"', 'doi bao gao khac cho minh nha', 'replace'],
    ['"trừ vào đơn sau"', 'thoi khoi gui lai, tru vao don sau cho chu la dc', 'voucher'],
  ])('%s: "%s"', async (_, typed, value) => {
    expect(namedChoice(await resolution(), typed)?.choice.value).toBe(value);
  });

  it('a name said apart does not count outside the question (choicesNamedIn reads whole messages)', async () => {
    expect(namedChoice(await resolution(), 'hoan lai tien 2 ky cho e', false, false)).toBeNull();
  });

  it('a name turned down just before it is not chosen', async () => {
    expect(namedChoice(await resolution(), 'khong hoan lai tien, gui bu cho e')?.choice.value).toBe('replace');
  });

  it('words too far apart name nothing', async () => {
    expect(namedChoice(await resolution(), 'hoan ve que cho me roi chuyen tien')).toBeNull();
  });
});
