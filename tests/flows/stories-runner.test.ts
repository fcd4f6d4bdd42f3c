import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, replayStory, type Engine } from '../../src/engine/index';
import { formatProblem, type ShopFlows } from '../../src/flows/index';
import { loadStories } from '../../src/flows/story-schema';
import { runCli } from '../cli/run-cli';
import { sampleFlows } from '../support/sample-flows';

const FIXTURES = 'tests/flows/fixtures/stories';
const BROKEN = `${FIXTURES}/broken.yaml`;
const PASSING = `${FIXTURES}/passing.yaml`;

/** 1-based line of the first line of a fixture containing `marker`. */
function lineOf(file: string, marker: string): number {
  const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text.includes(marker)) + 1;
  if (line === 0) throw new Error(`${file} no longer contains ${JSON.stringify(marker)}`);
  return line;
}

let flows: ShopFlows;
let engine: Engine;

beforeAll(async () => {
  flows = await sampleFlows();
  engine = createEngine(flows);
});

function storiesOf(text: string) {
  return loadStories({ path: 'flows/tests/thu.yaml', text }, flows);
}

describe('npm run flows:test', () => {
  it('a story the bot does not follow fails with its file:line, the line of the differing turn, and expected vs got in Vietnamese', async () => {
    const run = await runCli('src/cli/flows-test.ts', ['--file', BROKEN], '');
    expect(run.code).toBe(1);
    const storyLine = lineOf(BROKEN, 'bot (sai) hỏi ngay số điện thoại');
    const turnLine = lineOf(BROKEN, 'tap: Đặt hàng');
    expect(run.stdout).toContain(`✗ ${BROKEN}:${storyLine}  khách chào shop và bot (sai) hỏi ngay số điện thoại`);
    expect(run.stdout).toContain(`lượt 2 (${BROKEN}:${turnLine}): khách bấm nút "Đặt hàng"`);
    expect(run.stdout).toContain('câu trả lời của bot: cần có "số điện thoại" — thực tế: không có câu này');
    expect(run.stdout).toContain('các nút bot hiện: cần có nút "Thanh toán ngay"');
    // What the bot really said, so the owner sees why.
    expect(run.stdout).toContain('| Dạ anh/chị muốn đặt sản phẩm nào ạ?');
    expect(run.stdout).toContain('đang ở: luồng order, bước product');
    // The story that holds is not printed, and the summary counts both.
    expect(run.stdout).not.toContain('khách hỏi phí ship về Cần Thơ');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('a whole mango order written as a story passes, and the runner exits 0', async () => {
    const run = await runCli('src/cli/flows-test.ts', ['--file', PASSING], '');
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('1 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('a story marked known_gap is shown with its reason but does not fail the run', async () => {
    const file = `${FIXTURES}/known-gap.yaml`;
    const run = await runCli('src/cli/flows-test.ts', ['--file', file], '');
    expect(run.stdout).toContain('(chỗ bot còn thiếu: bot chưa hát được)');
    expect(run.stdout).toContain(`✗ ${file}:${lineOf(file, 'bot chưa biết hát')}  bot chưa biết hát cho khách nghe`);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed, 1 known gaps');
    expect(run.code).toBe(0);
  });

  it('--json gives each story with the failing turn, its line and the differences', async () => {
    const run = await runCli('src/cli/flows-test.ts', ['--file', BROKEN, '--json'], '');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { passed: number; failed: number; stories: { passed: boolean; failedTurn: { turn: number; line: number; differences: { what: string }[] } | null }[] };
    expect(report).toMatchObject({ passed: 1, failed: 1 });
    expect(report.stories[1]!.failedTurn).toMatchObject({ turn: 2, line: lineOf(BROKEN, 'tap: Đặt hàng') });
    expect(report.stories[1]!.failedTurn!.differences.map((difference) => difference.what)).toEqual(['câu trả lời của bot', 'các nút bot hiện']);
  });
});

describe('reading story files', () => {
  it('a product id the shop does not sell is reported at its line with the closest id', () => {
    const text = ['stories:', '  - name: thử', '    turns:', '      - say: mua xoai', '        expect:', '          cart: [{ product: xoai_cat, quantity: 2 }]'].join('\n');
    const { stories, problems } = storiesOf(text);
    expect(stories).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'flows/tests/thu.yaml:6:29 stories[0].turns[0].expect.cart[0].product: lỗi: không có sản phẩm "xoai_cat" trong flows/shop.yaml (có phải ý bạn là "xoai_cat_hoa_loc"?)',
    ]);
  });

  it('a turn with two things the customer does, a misspelt key and an unknown step are each reported', () => {
    const text = [
      'stories:',
      '  - name: thử',
      '    turns:',
      '      - say: chào shop',
      '        tap: Đặt hàng',
      '      - say: mua xoai',
      '        expect: { flow: order, step: quantiy, replly: ["bao nhiêu"] }',
    ].join('\n');
    const messages = storiesOf(text).problems.map(formatProblem);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('flows/tests/thu.yaml:7');
    expect(messages[0]).toContain('khóa "replly" không dùng được ở đây (có phải ý bạn là "reply"?)');
    const fixed = storiesOf(text.replace('replly', 'reply')).problems.map(formatProblem);
    expect(fixed).toEqual([
      'flows/tests/thu.yaml:4:9 stories[0].turns[0]: lỗi: một lượt chỉ được một việc khách làm, ở đây có say và tap; tách thành nhiều lượt',
      'flows/tests/thu.yaml:7:38 stories[0].turns[1].expect.step: lỗi: không có bước "quantiy" trong luồng "order" (có phải ý bạn là "quantity"?)',
    ]);
  });
});

describe('replaying a story as the conversation layer would', () => {
  it('a number the YAML reads as a number is what the customer typed', () => {
    const { stories } = storiesOf(['stories:', '  - name: khách gõ số sao', '    turns:', '      - say: 2', '      - tap: 5'].join('\n'));
    expect(stories[0]!.turns.map((turn) => turn.input)).toEqual([{ kind: 'say', text: '2' }, { kind: 'tap', label: '5' }]);
  });

  it('one text in place of a list is read as a list of one', () => {
    const { stories, problems } = storiesOf(['stories:', '  - name: khách chào', '    turns:', '      - say: chao shop', '        expect: { reply: "xin chào", not_reply: "bao nhiêu kg" }'].join('\n'));
    expect(problems).toEqual([]);
    expect(stories[0]!.turns[0]!.expect).toMatchObject({ reply: ['xin chào'], not_reply: ['bao nhiêu kg'] });
    expect(replayStory(engine, stories[0]!).passed).toBe(true);
  });

  it('silence past the idle time closes the conversation, and the next message starts a new one', () => {
    const { stories } = storiesOf(
      ['stories:', '  - name: khách chào rồi im lặng', '    turns:', '      - say: chào shop', '      - wait_minutes: 31', '        expect: { ended: abandoned }', '      - say: chào shop', '        expect: { ended: null, reply: ["xin chào"] }'].join('\n'),
    );
    const replay = replayStory(engine, stories[0]!);
    expect(replay.passed).toBe(true);
    expect(replay.turns[2]!.observed!.state.entryFlow).toBe('greeting');
  });

  it('a wait within the idle time keeps the conversation open', () => {
    const { stories } = storiesOf(['stories:', '  - name: khách chào rồi chờ', '    turns:', '      - say: chào shop', '      - wait_minutes: 30', '        expect: { ended: null }'].join('\n'));
    expect(replayStory(engine, stories[0]!).passed).toBe(true);
  });

  it('a customer nobody answers for ten minutes after asking for a person is told the owner is busy, once', () => {
    const { stories } = storiesOf(
      [
        'stories:',
        '  - name: khách chờ người thật trong giờ mở cửa',
        '    turns:',
        '      - say: cho minh noi chuyen voi chu shop',
        '        expect: { handover: true }',
        '      - wait_minutes: 9',
        '        expect: { not_reply: ["bận"] }',
        '      - wait_minutes: 2',
        '        expect: { reply: ["chủ shop đang bận tay"] }',
        '      - wait_minutes: 5',
        '        expect: { not_reply: ["bận"] }',
      ].join('\n'),
    );
    const replay = replayStory(engine, stories[0]!);
    expect(replay.failedTurn?.differences ?? []).toEqual([]);
  });

  it('at night the waiting customer is told when the shop opens', () => {
    const { stories } = storiesOf(
      ['stories:', '  - name: khách chờ người thật lúc khuya', '    now: 2026-05-12T22:30:00+07:00', '    turns:', '      - say: cho minh gap nguoi that', '      - wait_minutes: 15', '        expect: { reply: ["07:00 ngày mai"] }'].join('\n'),
    );
    const replay = replayStory(engine, stories[0]!);
    expect(replay.failedTurn?.differences ?? []).toEqual([]);
  });

  it('a tap on a button that is not shown fails the turn and lists the buttons that are', () => {
    const { stories } = storiesOf(['stories:', '  - name: khách bấm nút không có', '    turns:', '      - say: chào shop', '      - tap: Thanh toán ngay'].join('\n'));
    const replay = replayStory(engine, stories[0]!);
    expect(replay.passed).toBe(false);
    expect(replay.failedTurn!.index).toBe(1);
    expect(replay.failedTurn!.differences[0]!.got).toContain('"🛒 Đặt hàng"');
  });

  it('more questions than max_questions fails the story with the count', () => {
    const { stories } = storiesOf(['stories:', '  - name: đặt xoài', '    max_questions: 1', '    turns:', '      - say: mua xoai cat', '      - say: 4 ky'].join('\n'));
    const replay = replayStory(engine, stories[0]!);
    expect(replay.questions).toBe(2);
    expect(replay.differences).toEqual([{ what: 'số câu bot hỏi khách trong cả câu chuyện', expected: 'nhiều nhất 1', got: '2' }]);
  });
});
