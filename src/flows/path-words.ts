import type { FlowProblem } from './problems';

/** How the owner names what a key holds: `steps.info` is "bước info", `buttons[1]` is "nút thứ 2". */
const NAMED: Record<string, string> = { steps: 'bước', flows: 'luồng' };
const COUNTED: Record<string, string> = {
  buttons: 'nút',
  choices: 'lựa chọn',
  branch: 'nhánh',
  triggers: 'câu khách hay nhắn',
  catalog: 'sản phẩm',
  zones: 'vùng giao hàng',
  promotions: 'khuyến mãi',
  opening_hours: 'khung giờ mở cửa',
  provinces: 'tỉnh',
  aliases: 'tên gọi khác',
  say: 'câu nói',
  faq: 'câu hỏi',
  questions: 'cách hỏi',
  methods: 'cách thanh toán',
  stories: 'câu chuyện',
  turns: 'lượt',
};

/**
 * The path of a problem said in words, for owners who do not read `steps.info.buttons[1].goto`:
 * "bước info, nút thứ 2, mục goto". Keys stay as written in the file, so the owner can find them.
 */
export function pathInWords(path: string): string {
  if (!path) return 'đầu tệp';
  const words: string[] = [];
  const segments = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const next = segments[index + 1];
    const position = next && /^\[\d+\]$/.test(next) ? Number(next.slice(1, -1)) + 1 : null;
    if (segment in NAMED && next && !next.startsWith('[')) {
      words.push(`${NAMED[segment]} ${next}`);
      index++;
    } else if (position !== null) {
      words.push(`${COUNTED[segment] ?? `mục ${segment}`} thứ ${position}`);
      index++;
    } else if (/^\[\d+\]$/.test(segment)) {
      words.push(`thứ ${Number(segment.slice(1, -1)) + 1}`);
    } else {
      words.push(`mục ${segment}`);
    }
  }
  return words.join(', ');
}

/** One problem as the dashboard and the owner's chat say it: where, in words, and what to do. */
export function problemInWords(problem: FlowProblem): string {
  const label = problem.severity === 'warning' ? 'cảnh báo' : 'lỗi';
  return `${problem.file}:${problem.line} (${pathInWords(problem.path)}): ${label}: ${problem.message}`;
}
