import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFlowDir } from '../../src/flows/flow-dir.node.ts';
import { formatProblem, loadFlows, type FlowProblem, type FlowSource } from '../../src/flows/index';
import { sampleSources } from '../support/sample-flows';
import { runCli } from '../cli/run-cli';

/*
 * Mistakes shop owners really make in flows/, each tried as an owner would make it, with the
 * exact message the owner reads (npm run flows:check, the dashboard's banner).
 */
let sources: FlowSource[];

beforeAll(async () => {
  sources = await sampleSources();
});

const named = (name: string) => sources.find((source) => source.path.endsWith(`/${name}`))!;

/** The flows with one file's text changed, and what loading them says. */
function withEdit(name: string, edit: (text: string) => string): FlowProblem[] {
  const edited = sources.map((source) => (source === named(name) ? { ...source, text: edit(source.text) } : source));
  const result = loadFlows(edited);
  return result.ok ? result.warnings : [...result.errors, ...result.warnings];
}

const errorsOf = (problems: FlowProblem[]) => problems.filter((problem) => problem.severity === 'error').map(formatProblem);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('every mistake of every file in one run', () => {
  it('reports a wrong key, a wrong price and two wrong step names in three files together, each once', () => {
    const edit = (name: string, change: (text: string) => string) => (source: FlowSource) => (source === named(name) ? { ...source, text: change(source.text) } : source);
    const order = named('order.yaml').text;
    const next = /^ {4}next: ([a-z_]+)$/m.exec(order)![1]!;
    const edited = sources
      .map(edit('shop.yaml', (text) => text.replace('price: 85000', 'price: 85k')))
      .map(edit('greeting.yaml', (text) => text.replace('say: Dạ anh/chị cần em giúp gì ạ?', 'sya: Dạ anh/chị cần em giúp gì ạ?')))
      .map(edit('order.yaml', (text) => text.replace(`    next: ${next}`, '    next: buoc_khong_co')))
      .map(edit('shipping.yaml', (text) => text.replace('    next: fee', '    next: phi_ship').replace('ask: province\n    save: province\n    say: Dạ anh/chị ở', 'ask: tinh\n    save: province\n    say: Dạ anh/chị ở')));
    const result = loadFlows(edited);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map(formatProblem);
    expect(errors.filter((line) => line.includes('shop.yaml') && line.includes('"85k"'))).toHaveLength(1);
    expect(errors.filter((line) => line.includes('greeting.yaml') && line.includes('khóa "sya"'))).toHaveLength(1);
    expect(errors.filter((line) => line.includes('order.yaml') && line.includes('không có bước "buoc_khong_co"'))).toHaveLength(1);
    // shipping.yaml has a mistake of its own (ask: tinh) and a wrong step name: both at once.
    expect(errors.filter((line) => line.includes('shipping.yaml') && line.includes('"tinh"'))).toHaveLength(1);
    expect(errors.filter((line) => line.includes('shipping.yaml') && line.includes('không có bước "phi_ship"'))).toHaveLength(1);
    expect(errors).toHaveLength(5);
  });
});

describe('every YAML mistake of a file in one run', () => {
  /** greeting.yaml with three mistakes: an extra space of indent, a Tab, a text with ": " in it. */
  const threeMistakes = (text: string) =>
    text
      .replace('    branch:\n      - if: { slot: last_order_code', '     branch:\n      - if: { slot: last_order_code')
      .replace('        goto: flow:buy_again', '\tgoto: flow:buy_again')
      .replace('say: Dạ anh/chị cần em giúp gì ạ?', 'say: Dạ giờ mở cửa: 7h đến 21h ạ');
  const expected = (file: string, text: string) => [
    `${file}:${lineOf(text, '    branch:')}:1 (gốc): lỗi: lỗi cú pháp YAML: dòng này thụt vào thừa 1 dấu cách: khóa "branch" phải thẳng cột với "action" ở dòng ${lineOf(text, 'action: recall_contact')}`,
    `${file}:${lineOf(text, 'goto: flow:buy_again')}:1 (gốc): lỗi: lỗi cú pháp YAML: dùng phím cách (space) để thụt lề, không dùng phím Tab`,
    `${file}:${lineOf(text, 'say: Dạ anh/chị cần em giúp gì ạ?')}:10 (gốc): lỗi: lỗi cú pháp YAML: câu có dấu ": " ở giữa phải đặt trong ngoặc kép: viết say: "Dạ giờ mở cửa: 7h đến 21h ạ"`,
  ];

  it('three mistakes in greeting.yaml are three messages, each at its own line, none an echo of another', () => {
    const text = named('greeting.yaml').text;
    expect(errorsOf(withEdit('greeting.yaml', threeMistakes))).toEqual(expected('flows/greeting.yaml', text));
  });

  it('npm run flows:check prints them with the other files\' structure and cross-reference mistakes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-flows-'));
    try {
      cpSync('flows', dir, { recursive: true });
      const greeting = readFileSync(join(dir, 'greeting.yaml'), 'utf8');
      writeFileSync(join(dir, 'greeting.yaml'), threeMistakes(greeting));
      const shop = readFileSync(join(dir, 'shop.yaml'), 'utf8');
      writeFileSync(join(dir, 'shop.yaml'), shop.replace('price: 85000', 'price: 85k'));
      const order = readFileSync(join(dir, 'order.yaml'), 'utf8');
      const next = /^ {4}next: ([a-z_]+)$/m.exec(order)![1]!;
      writeFileSync(join(dir, 'order.yaml'), order.replace(`    next: ${next}`, '    next: buoc_khong_co'));
      const { code, stderr } = await runCli('src/cli/flows-check.ts', ['--flows', dir], '');
      expect(code).toBe(1);
      const errors = stderr.split('\n').filter((line) => line.includes(': lỗi: '));
      expect(errors.filter((line) => line.startsWith(join(dir, 'greeting.yaml')))).toEqual(expected(join(dir, 'greeting.yaml'), greeting));
      expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${join(dir, 'shop.yaml')}:${lineOf(shop, 'price: 85000')}:12 catalog\\[0\\]\\.price: lỗi: "85k" là chữ`)));
      expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${join(dir, 'order.yaml')}:${lineOf(order, `    next: ${next}`)}:\\d+ steps\\.[a-z_]+\\.next: lỗi: .*không có bước "buoc_khong_co"`)));
      expect(errors).toHaveLength(5);
      expect(stderr).toContain(`5 lỗi trong ${dir}/`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a text to put in quotes and a misspelt key in the same file are told together, since the text\'s correction is certain', () => {
    const text = named('greeting.yaml').text;
    const errors = errorsOf(withEdit('greeting.yaml', (edited) => edited.replace('say: Dạ anh/chị cần em giúp gì ạ?', 'say: Dạ giờ mở cửa: 7h đến 21h ạ').replace('    buttons: menu\n  welcome_back:', '    butons: menu\n  welcome_back:')));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe(`flows/greeting.yaml:${lineOf(text, 'say: Dạ anh/chị cần em giúp gì ạ?')}:10 (gốc): lỗi: lỗi cú pháp YAML: câu có dấu ": " ở giữa phải đặt trong ngoặc kép: viết say: "Dạ giờ mở cửa: 7h đến 21h ạ"`);
    expect(errors[1]).toMatch(new RegExp(`^flows/greeting\\.yaml:${lineOf(text, '  hello:') + 4}:5 steps\\.hello\\.butons: lỗi: khóa "butons" không dùng được ở đây \\(có phải ý bạn là "buttons"\\?\\)`));
  });

  it('after a Tab, whose width is only a guess, the file\'s other kinds of mistakes wait for the next run', () => {
    const errors = errorsOf(withEdit('greeting.yaml', (edited) => edited.replace('        goto: flow:buy_again', '\tgoto: flow:buy_again').replace('    buttons: menu\n  welcome_back:', '    butons: menu\n  welcome_back:')));
    expect(errors).toEqual([expect.stringContaining('lỗi cú pháp YAML: dùng phím cách (space) để thụt lề, không dùng phím Tab')]);
  });

  it.each([
    ['an unclosed quote is pointed at the line it opens, not the end of the file', 'say: "Dạ anh/chị cần em giúp gì ạ?', 'dấu " ở dòng này chưa được đóng: thêm " ở cuối câu (hoặc bỏ dấu ")'],
    ['an unclosed bracket is pointed at the line it opens', 'say: [Dạ anh/chị cần em giúp gì ạ?', 'dấu [ ở dòng này chưa được đóng: thêm ] ở cuối câu (hoặc bỏ dấu [)'],
    ['a key without its ":" is told what to write', 'say Dạ anh/chị cần em giúp gì ạ?', 'thiếu dấu ":" sau tên khóa: viết "say: Dạ anh/chị cần em giúp gì ạ?"'],
    ['a key with no space after its ":" is told what to write', 'say:Dạ anh/chị cần em giúp gì ạ?', 'thiếu dấu cách sau dấu ":" của khóa "say": viết say: Dạ anh/chị cần em giúp gì ạ?'],
    ['quotes inside a quoted text are told to be single quotes', 'say: "Dạ anh/chị cần "em" giúp gì ạ?"', `câu trong ngoặc kép không được có thêm dấu " ở giữa: dùng dấu ' bên trong, viết say: "Dạ anh/chị cần 'em' giúp gì ạ?"`],
  ])('%s', (_name, written, message) => {
    const text = named('greeting.yaml').text;
    const errors = errorsOf(withEdit('greeting.yaml', (edited) => edited.replace('say: Dạ anh/chị cần em giúp gì ạ?', written)));
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^flows/greeting\\.yaml:${lineOf(text, 'say: Dạ anh/chị cần em giúp gì ạ?')}:\\d+ \\(gốc\\): lỗi: lỗi cú pháp YAML: `))]);
    expect(errors[0]).toContain(message);
  });

  it('a button one space short of the button above is told how many spaces to add', () => {
    const text = named('greeting.yaml').text;
    const errors = errorsOf(withEdit('greeting.yaml', (edited) => edited.replace('      - label: 📋 Xem menu', '     - label: 📋 Xem menu')));
    expect(errors).toEqual([`flows/greeting.yaml:${lineOf(text, '- label: 📋 Xem menu')}:1 (gốc): lỗi: lỗi cú pháp YAML: dòng này thiếu 1 dấu cách thụt lề: dấu "- " phải thẳng cột với "- " của mục ở dòng ${lineOf(text, '- label: 🔁 Đặt lại như đơn trước')}`]);
  });

  it('a key one space short of its neighbours is told how many spaces to add', () => {
    const text = named('greeting.yaml').text;
    const errors = errorsOf(withEdit('greeting.yaml', (edited) => edited.replace('    buttons: menu\n  welcome_back:', '   buttons: menu\n  welcome_back:')));
    const line = text.split('\n').findIndex((candidate, index, lines) => candidate === '    buttons: menu' && lines[index + 1] === '  welcome_back:') + 1;
    expect(errors).toEqual([`flows/greeting.yaml:${line}:1 (gốc): lỗi: lỗi cú pháp YAML: dòng này thiếu 1 dấu cách thụt lề: khóa "buttons" phải thẳng cột với "say" ở dòng ${lineOf(text, '  hello:') + 1}`]);
  });
});

describe('a price written the way people write it on paper', () => {
  const price = 'price: 85000';

  it('refuses 85.000, which YAML reads as 85, and says to write 85000', () => {
    const shop = named('shop.yaml').text;
    const problems = withEdit('shop.yaml', (text) => text.replace(price, 'price: 85.000'));
    expect(errorsOf(problems)).toContain(`flows/shop.yaml:${lineOf(shop, price)}:12 catalog[0].price: lỗi: "85.000" được đọc thành 85: số tiền viết liền, không dấu chấm — viết 85000`);
  });

  it.each([
    ['85k', '"85k" là chữ'],
    ['85.000đ', '"85.000đ" là chữ'],
    ['"85000"', '"85000" là chữ'],
  ])('refuses %s and says to write 85000', (written, start) => {
    const shop = named('shop.yaml').text;
    const problems = withEdit('shop.yaml', (text) => text.replace(price, `price: ${written}`));
    expect(errorsOf(problems)).toContain(
      `flows/shop.yaml:${lineOf(shop, price)}:12 catalog[0].price: lỗi: ${start}, không phải số: số tiền viết liền bằng chữ số, không dấu chấm, không "k" hay "đ", không ngoặc kép — viết 85000`,
    );
  });
});

describe('YAML mistakes said in Vietnamese, at the line to change', () => {
  it('a text with ": " in the middle is to be put in quotes', () => {
    const problems = withEdit('greeting.yaml', (text) => text.replace('say: Dạ anh/chị cần em giúp gì ạ?', 'say: Dạ giờ mở cửa: 7h đến 21h ạ'));
    const line = lineOf(named('greeting.yaml').text, 'say: Dạ anh/chị cần em giúp gì ạ?');
    expect(errorsOf(problems)).toEqual([`flows/greeting.yaml:${line}:10 (gốc): lỗi: lỗi cú pháp YAML: câu có dấu ": " ở giữa phải đặt trong ngoặc kép: viết say: "Dạ giờ mở cửa: 7h đến 21h ạ"`]);
    expect(errorsOf(problems).join()).not.toMatch(/Nested mappings|compact mappings/);
  });

  it('an extra space of indent is pointed at on its own line', () => {
    const text = named('greeting.yaml').text;
    const line = lineOf(text, 'say: Dạ anh/chị cần em giúp gì ạ?');
    const lines = text.split('\n');
    const next = lines[line]!;
    lines[line] = ` ${next}`;
    const problems = withEdit('greeting.yaml', () => lines.join('\n'));
    expect(errorsOf(problems)).toEqual([`flows/greeting.yaml:${line + 1}:1 (gốc): lỗi: lỗi cú pháp YAML: dòng này thụt vào thừa 1 dấu cách: khóa "${next.trim().split(':')[0]}" phải thẳng cột với "say" ở dòng ${line}`]);
  });

  it('a text starting with {{ is to be put in quotes', () => {
    const problems = withEdit('greeting.yaml', (text) => text.replace('say: Dạ anh/chị cần em giúp gì ạ?', 'say: {{customer.name}} ơi, em giúp gì ạ?'));
    expect(errorsOf(problems)[0]).toContain('lỗi cú pháp YAML: câu bắt đầu bằng "{{" phải đặt trong ngoặc kép: viết say: "{{customer.name}} ơi, em giúp gì ạ?"');
    expect(errorsOf(problems).join()).not.toContain('Unexpected scalar');
  });

  it('a text cut at " #" is pointed out: the rest became a comment', () => {
    const problems = withEdit('greeting.yaml', (text) => text.replace('say: Dạ anh/chị cần em giúp gì ạ?', 'say: Dạ shop ở số #12 Lê Lợi ạ'));
    const line = lineOf(named('greeting.yaml').text, 'say: Dạ anh/chị cần em giúp gì ạ?');
    expect(problems.map(formatProblem)).toContainEqual(expect.stringMatching(new RegExp(`^flows/greeting\\.yaml:${line}:10 .*: cảnh báo: phần sau dấu " #" bị bỏ \\(YAML hiểu là ghi chú\\), câu chỉ còn "Dạ shop ở số"`)));
  });
});

describe('files that are not what the bot can read', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shop-flows-'));
    cpSync('flows', dir, { recursive: true });
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('names a file saved as UTF-16 or in the Windows code page, and says to save it as UTF-8', async () => {
    const greeting = readFileSync(join(dir, 'greeting.yaml'), 'utf8');
    writeFileSync(join(dir, 'greeting.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(greeting, 'utf16le')]));
    // "Chào" in the Windows Vietnamese code page (1258): à is 0xE0 alone, not valid UTF-8 here.
    writeFileSync(join(dir, 'promotions.yaml'), Buffer.from([...Buffer.from('id: promotions\ntitle: Ch'), 0xe0, 0x6f, 0x0a]));
    const result = loadFlows(await readFlowDir(dir));
    const errors = errorsOf(result.ok ? result.warnings : result.errors);
    expect(errors).toContain(`${join(dir, 'greeting.yaml')}:1:1 (gốc): lỗi: tệp đang lưu dạng UTF-16 (Unicode), không phải UTF-8: mở tệp, chọn "Lưu thành" (Save as), ở mục Mã hóa (Encoding) chọn UTF-8 rồi lưu lại dạng UTF-8`);
    expect(errors).toContain(
      `${join(dir, 'promotions.yaml')}:1:1 (gốc): lỗi: tệp đang lưu dạng bảng mã khác (ví dụ Windows-1258 / TCVN3), không phải UTF-8: mở tệp, chọn "Lưu thành" (Save as), ở mục Mã hóa (Encoding) chọn UTF-8 rồi lưu lại dạng UTF-8`,
    );
  });

  it('names a backup copy left in flows/ as a stray copy, and does not read it as another shop', () => {
    const copy = { path: 'flows/shop - Copy.yaml', text: named('shop.yaml').text };
    const result = loadFlows([...sources, copy]);
    expect(result.ok).toBe(false);
    expect(errorsOf(result.ok ? [] : result.errors)).toEqual([
      'flows/shop - Copy.yaml:1:1 (gốc): lỗi: tệp này là bản sao của "shop.yaml" (bản sao lưu để lại trong thư mục): bot không đọc bản sao; xóa nó hoặc chuyển ra ngoài thư mục flows/',
    ]);
  });
});

describe('province names in branch conditions', () => {
  it('are checked like those in shipping zones: a former or misspelt name never matches', () => {
    const step = '  province:\n    ask: province\n    save: province\n    say: Dạ anh/chị ở tỉnh/thành nào để em báo phí ship ạ?\n';
    const branch = '    branch:\n      - if: { slot: province, in: [Cần Thơ, Bà Rịa - Vũng Tàu, Sài Gòn] }\n        goto: fee\n';
    const problems = withEdit('shipping.yaml', (text) => text.replace(step, `${step}${branch}`));
    const line = lineOf(named('shipping.yaml').text, 'say: Dạ anh/chị ở tỉnh/thành nào để em báo phí ship ạ?') + 2;
    const errors = errorsOf(problems);
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^flows/shipping\\.yaml:${line}:\\d+ steps\\.province\\.branch\\[0\\]\\.if\\.in\\[1\\]: lỗi: "Bà Rịa - Vũng Tàu" là tên tỉnh cũ; từ 1/7/2025 thuộc "[^"]+", hãy viết "[^"]+"$`)));
    expect(errors).toContainEqual(expect.stringMatching(/steps\.province\.branch\[0\]\.if\.in\[2\]: lỗi: "Sài Gòn" (là tên tỉnh cũ|không phải tỉnh\/thành hiện nay)/));
    expect(errors.join('\n')).not.toContain('"Cần Thơ"');
  });
});

describe('a product pasted at the end of shop.yaml', () => {
  const product = 'id: buoi_nam_roi\nname: Bưởi Năm Roi\nunit: kg\nprice: 55000\n';

  it('as a list item, is pointed to catalog:', () => {
    const shop = named('shop.yaml').text;
    const problems = withEdit('shop.yaml', (text) => `${text.trimEnd()}\n- ${product.replace(/\n(?=.)/g, '\n  ')}`);
    expect(errorsOf(problems)).toEqual([
      `flows/shop.yaml:${shop.trimEnd().split('\n').length + 1}:1 (gốc): lỗi: lỗi cú pháp YAML: sản phẩm này nằm ngoài danh sách sản phẩm: dời cả khối lên dưới "catalog:", thụt lề như các sản phẩm khác (2 dấu cách trước "- id:")`,
    ]);
  });

  it('as plain keys, is pointed to catalog:', () => {
    const shop = named('shop.yaml').text;
    const problems = withEdit('shop.yaml', (text) => `${text.trimEnd()}\n${product}`);
    expect(errorsOf(problems)).toEqual([
      `flows/shop.yaml:${shop.trimEnd().split('\n').length + 1}:1 id: lỗi: đây là một sản phẩm dán ở cuối tệp, nằm ngoài danh sách sản phẩm: dời cả khối vào dưới "catalog:", thêm "- " trước "id:" và thụt lề như các sản phẩm khác`,
    ]);
  });
});
