import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Node } from 'yaml';
import type { FlowProblem } from './problems';
import { formatPath } from './problems';

export interface FlowSource {
  /** Shown in every message, e.g. `flows/order.yaml`. */
  path: string;
  text: string;
  /** The file is not UTF-8 (saved as UTF-16, or in the Windows Vietnamese code page): its text cannot be trusted. */
  notUtf8?: 'utf-16' | 'other';
}

/** A parsed YAML file that can tell the line and column of any path inside it. */
export class YamlSource {
  /**
   * What the file says; with syntax mistakes, what it says once each is corrected as its message
   * tells (so its other mistakes show in the same run), or undefined when a correction is a guess.
   */
  readonly data: unknown;
  readonly syntaxProblems: FlowProblem[];
  private readonly document: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(readonly source: FlowSource) {
    let lines = new LineCounter();
    let document = parseDocument(source.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const syntax = syntaxMistakes(document, lines, source.path, source.text);
    if (syntax.corrected !== null) {
      // Corrections keep every line where it was, so positions in the corrected text are the owner's.
      lines = new LineCounter();
      document = parseDocument(syntax.corrected, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    }
    this.document = document;
    this.lines = lines;
    this.syntaxProblems = syntax.problems;
    const readable = syntax.problems.length === 0 || syntax.corrected !== null;
    this.data = readable ? this.document.toJS() : undefined;
    this.valueProblems = readable ? this.writtenValueProblems() : [];
  }

  /** Values YAML reads differently from what the owner meant: `85.000` is 85, the rest of `Mã #1` is a comment. */
  readonly valueProblems: FlowProblem[];

  private writtenValueProblems(): FlowProblem[] {
    const problems: FlowProblem[] = [];
    visit(this.document, {
      Scalar: (_key, node, ancestors) => {
        const written = node.source ?? '';
        const path = pathOf(ancestors, node);
        if (typeof node.value === 'number' && THOUSANDS_WITH_DOTS.test(written)) {
          problems.push(this.problem(path, `"${written}" được đọc thành ${node.value}: số tiền viết liền, không dấu chấm — viết ${written.replace(/\./g, '')}`));
        } else if (typeof node.value === 'string' && node.type === Scalar.PLAIN && node.comment && this.sameLine(node)) {
          problems.push(this.problem(path, `phần sau dấu " #" bị bỏ (YAML hiểu là ghi chú), câu chỉ còn "${node.value}"; nếu "#" là một phần của câu, đặt cả câu trong ngoặc kép`, 'warning'));
        }
      },
    });
    return problems;
  }

  /** Whether a scalar's trailing comment is on its own line (a real comment) or right after it. */
  private sameLine(node: Scalar): boolean {
    const end = node.range?.[1] ?? 0;
    const rest = this.source.text.slice(end, this.source.text.indexOf('\n', end) === -1 ? undefined : this.source.text.indexOf('\n', end));
    return /^\s+#/.test(rest);
  }

  problem(path: readonly PropertyKey[], message: string, severity: FlowProblem['severity'] = 'error', atKey = false): FlowProblem {
    const offset = this.offsetOf(path, atKey);
    const position = this.lines.linePos(offset);
    return { severity, file: this.source.path, line: position.line, column: position.col, path: formatPath(path), message };
  }

  /** 1-based line where the node at `path` starts. */
  lineOf(path: readonly PropertyKey[]): number {
    return this.lines.linePos(this.offsetOf(path, false)).line;
  }

  /** The start of the deepest node that exists along the path (the key itself when `atKey`). */
  private offsetOf(path: readonly PropertyKey[], atKey: boolean): number {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return offset;
        if (last && atKey) return rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
        node = node.items[Number(segment)];
      } else {
        return offset;
      }
      offset = rangeStart(node) ?? offset;
    }
    return offset;
  }
}

/** `85.000`, `1.200.000`: a price in the Vietnamese way, which YAML reads as 85 and 1.2. */
const THOUSANDS_WITH_DOTS = /^\d{1,3}(?:\.\d{3})+$/;

/** The document path of a node, from the visitor's ancestors. */
function pathOf(ancestors: readonly unknown[], node: unknown): PropertyKey[] {
  const path: PropertyKey[] = [];
  const chain = [...ancestors, node];
  for (let index = 0; index < chain.length - 1; index++) {
    const parent = chain[index];
    const child = chain[index + 1];
    if (isPair(parent) && isScalar(parent.key) && parent.value === child) path.push(String(parent.key.value));
    else if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
  }
  return path;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The most syntax mistakes of one file told in one run; past them the owner has a file to rewrite, not to mend. */
const MAX_SYNTAX_PROBLEMS = 20;

/**
 * Every YAML mistake of a file, each once. The library reports one mistake several times (a key
 * holding a nested mapping is also a multi-line key) and loses its way after it (a Tab makes each
 * following line of the list a mistake too), so its later errors are not trusted: the first
 * mistake is told, corrected as its message says, and the text parsed again for the next one.
 */
function syntaxMistakes(document: Document.Parsed, counter: LineCounter, file: string, text: string): { problems: FlowProblem[]; corrected: string | null } {
  const problems: FlowProblem[] = [];
  const lines = text.split(/\r?\n/);
  let errors = document.errors;
  let lineCounter = counter;
  // Whether every correction is what the owner will write, not a guess (a Tab's width, a line left out).
  let certain = true;
  while (errors.length > 0 && problems.length < MAX_SYNTAX_PROBLEMS) {
    const error = errors[0]!;
    const position = lineCounter.linePos(error.pos[0]);
    const said = yamlErrorInVietnamese(error.code, error.message, lines, position.line);
    const line = said.line ?? position.line;
    // A correction that does not move the parser on would tell the same place again.
    if (problems.some((problem) => problem.line >= line)) break;
    problems.push({ severity: 'error', file, line, column: said.line ? 1 : position.col, path: '', message: `lỗi cú pháp YAML: ${said.message}` });
    certain &&= said.corrected !== undefined && !said.guessed;
    correct(lines, line, said.corrected);
    lineCounter = new LineCounter();
    errors = parseDocument(lines.join('\n'), { lineCounter, uniqueKeys: true, prettyErrors: false }).errors;
  }
  return { problems, corrected: problems.length > 0 && certain && errors.length === 0 ? lines.join('\n') : null };
}

/** The line as the message says to write it; without a known correction, the line and what it holds are left out. */
function correct(lines: string[], line: number, corrected: string | undefined): void {
  const index = Math.min(line, lines.length) - 1;
  if (index < 0) return;
  if (corrected !== undefined) {
    lines[index] = corrected;
    return;
  }
  const indent = indentOf(lines[index]!);
  lines[index] = '';
  for (let next = index + 1; next < lines.length && (lines[next]!.trim() === '' || indentOf(lines[next]!) > indent); next++) lines[next] = '';
}

/** Where a line's key starts: past its indent and a list's "- ". */
const contentColumn = (line: string) => indentOf(line) + (/^\s*- /.test(line) ? 2 : 0);

/** Index of the last line before index `before` that holds more than a comment; -1 when none. */
function filledLineAbove(lines: readonly string[], before: number): number {
  let index = before - 1;
  while (index >= 0 && (lines[index]!.trim() === '' || lines[index]!.trim().startsWith('#'))) index--;
  return index;
}

/** The first key of the mapping a wrongly indented line (1-based) belongs to: the first line under its parent. */
function firstSiblingAbove(lines: readonly string[], line: number): { key: string | undefined; line: number; column: number; item: boolean } | undefined {
  const indent = indentOf(lines[line - 1] ?? '');
  let parent = filledLineAbove(lines, line - 1);
  while (parent >= 0 && indentOf(lines[parent]!) >= indent) parent = filledLineAbove(lines, parent);
  let first = parent + 1;
  while (first < line - 1 && (lines[first]!.trim() === '' || lines[first]!.trim().startsWith('#'))) first++;
  if (first >= line - 1) return undefined;
  const sibling = lines[first]!;
  const item = /^\s*- /.test(sibling);
  return { key: /^\s*(?:- )?([^\s:#][^:#]*?):/.exec(sibling)?.[1], line: first + 1, column: item ? indentOf(sibling) : contentColumn(sibling), item };
}

/** A key written without its ":" ("next b", "say Dạ …"): the first word is the key. */
function missingColon(here: string): { message: string; corrected: string } {
  const written = here.replace(/^(\s*(?:- )?\S+)\s*/, '$1: ').trimEnd();
  return { corrected: written, message: `thiếu dấu ":" sau tên khóa: viết "${written.trim()}"` };
}

const quoted = (key: string, value: string, lead: string) => `${lead}${key}: "${value.replace(/"/g, "'")}"`;

/**
 * The YAML library's English message said in the owner's words, pointing at the line to change
 * and saying what to write: an extra space of indent, a text with ": " or starting with "{{"
 * that needs quotes, a key without its ":". `corrected` is that line written as said; `guessed`
 * when the owner may write it otherwise (which of two keys to rename, how deep a Tab was meant).
 */
function yamlErrorInVietnamese(code: string, original: string, lines: readonly string[], line: number): { message: string; line?: number; corrected?: string; guessed?: boolean } {
  const here = lines[line - 1] ?? '';
  const keyValue = /^(\s*)(- )?([^\s:#][^:#]*?):\s+(.+)$/.exec(here);
  const lead = keyValue ? `${keyValue[1]}${keyValue[2] ?? ''}` : '';
  // An unclosed quote or bracket is noticed lines later (at the end of the file for a quote): point at where it opens.
  const unclosed = /^Missing closing (["'])quote/.exec(original)?.[1] ?? /^Flow (?:sequence|mapping) in block collection must .* end with an? ([\]}])/.exec(original)?.[1];
  if (unclosed) {
    const opening = unclosed === ']' ? '[' : unclosed === '}' ? '{' : unclosed;
    const count = (text: string, char: string) => text.split(char).length - 1;
    const opens = (candidate: string) => (opening === unclosed ? count(candidate, opening) % 2 === 1 : count(candidate, opening) > count(candidate, unclosed));
    let opened = Math.min(line, lines.length) - 1;
    while (opened >= 0 && !opens(lines[opened]!)) opened--;
    if (opened !== -1) {
      return { line: opened + 1, corrected: `${lines[opened]!.trimEnd()}${unclosed}`, message: `dấu ${opening} ở dòng này chưa được đóng: thêm ${unclosed} ở cuối câu (hoặc bỏ dấu ${opening})` };
    }
  }
  const glued = /^(\s*(?:- )?)([a-z_]+):(\S.*)$/.exec(here);
  if (glued && code !== 'DUPLICATE_KEY') {
    const written = `${glued[1]}${glued[2]}: ${glued[3]}`;
    return { corrected: written, message: `thiếu dấu cách sau dấu ":" của khóa "${glued[2]}": viết ${written.trim()}` };
  }
  if (keyValue && /^"/.test(keyValue[4]!) && keyValue[4]!.split('"').length > 3) {
    const inner = keyValue[4]!.slice(1, keyValue[4]!.lastIndexOf('"')).replace(/"/g, "'");
    return { corrected: quoted(keyValue[3]!, inner, lead), message: `câu trong ngoặc kép không được có thêm dấu " ở giữa: dùng dấu ' bên trong, viết ${keyValue[3]}: "${inner}"` };
  }
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = here.trim().replace(/^- /, '').split(':')[0];
      return { corrected: here.replace(`${key}:`, `${key}_:`), guessed: true, message: `khóa "${key}" bị viết hai lần trong cùng một nhóm; xóa hoặc đổi tên một trong hai` };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (/^\s*- /.test(here)) {
        // A product pasted at the end of shop.yaml, outside its list.
        if (/^\s*- id:/.test(here) && lines.some((candidate) => /^catalog:/.test(candidate))) {
          return { message: 'sản phẩm này nằm ngoài danh sách sản phẩm: dời cả khối lên dưới "catalog:", thụt lề như các sản phẩm khác (2 dấu cách trước "- id:")' };
        }
        const sibling = firstSiblingAbove(lines, line);
        if (sibling?.item && sibling.column > indentOf(here)) {
          const missing = sibling.column - indentOf(here);
          return { corrected: `${' '.repeat(missing)}${here}`, message: `dòng này thiếu ${missing} dấu cách thụt lề: dấu "- " phải thẳng cột với "- " của mục ở dòng ${sibling.line}` };
        }
        return { message: 'mục danh sách ("- ") này không nằm dưới khóa nào: dời nó lên dưới đúng khóa của danh sách, thụt lề như các mục khác' };
      }
      const next = lines.slice(line).findIndex((candidate) => candidate.trim() !== '');
      const nextLine = next === -1 ? undefined : lines[line + next];
      if (nextLine !== undefined && keyValue && indentOf(nextLine) > indentOf(here) && /^\s*[^\s:#][^:#]*:(\s|$)/.test(nextLine)) {
        const extra = indentOf(nextLine) - indentOf(here) - (keyValue[2] ? 2 : 0);
        if (extra > 0) {
          return { line: line + next + 1, corrected: nextLine.slice(extra), message: `dòng này thụt vào thừa ${extra} dấu cách: khóa "${nextLine.trim().split(':')[0]}" phải thẳng cột với "${keyValue[3]}" ở dòng ${line}` };
        }
      }
      if (keyValue && keyValue[4]!.includes(': ')) return { corrected: quoted(keyValue[3]!, keyValue[4]!, lead), message: `câu có dấu ": " ở giữa phải đặt trong ngoặc kép: viết ${keyValue[3]}: "${keyValue[4]!.replace(/"/g, "'")}"` };
      if (code === 'MULTILINE_IMPLICIT_KEY' && !here.includes(':')) return missingColon(here);
      return { message: 'thụt lề hoặc dấu ":" chưa đúng; các khóa cùng cấp phải thẳng cột, câu có dấu ": " phải đặt trong ngoặc kép' };
    }
    case 'UNEXPECTED_TOKEN':
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      if (/followed by map values/.test(original) && !here.includes(':')) return missingColon(here);
      const sibling = firstSiblingAbove(lines, line);
      if (/same column/.test(original) && keyValue && sibling?.key && sibling.column > indentOf(here)) {
        const missing = sibling.column - indentOf(here);
        return { corrected: `${' '.repeat(missing)}${here}`, message: `dòng này thiếu ${missing} dấu cách thụt lề: khóa "${keyValue[3]}" phải thẳng cột với "${sibling.key}" ở dòng ${sibling.line}` };
      }
      if (keyValue && /^[{[]/.test(keyValue[4]!)) {
        return { corrected: quoted(keyValue[3]!, keyValue[4]!, lead), message: `câu bắt đầu bằng "${keyValue[4]!.startsWith('{{') ? '{{' : keyValue[4]![0]}" phải đặt trong ngoặc kép: viết ${keyValue[3]}: "${keyValue[4]!.replace(/"/g, "'")}"` };
      }
      if (keyValue && keyValue[4]!.includes(': ')) return { corrected: quoted(keyValue[3]!, keyValue[4]!, lead), message: `câu có dấu ": " ở giữa phải đặt trong ngoặc kép: viết ${keyValue[3]}: "${keyValue[4]!.replace(/"/g, "'")}"` };
      return { message: 'thụt lề hoặc dấu ":" chưa đúng; các khóa cùng cấp phải thẳng cột, câu có dấu ": " hay bắt đầu bằng "{{" phải đặt trong ngoặc kép' };
    }
    case 'TAB_AS_INDENT': {
      // Spaces up to where the line above writes its key (past its "- "): where the Tab was meant to reach.
      const above = lines[filledLineAbove(lines, line - 1)] ?? '';
      const column = contentColumn(above);
      return { corrected: `${' '.repeat(column)}${here.trimStart()}`, guessed: true, message: 'dùng phím cách (space) để thụt lề, không dùng phím Tab' };
    }
    case 'MULTIPLE_DOCS':
      return { corrected: '', message: 'mỗi tệp chỉ chứa một tài liệu; xóa dòng "---" thừa' };
    default:
      // Kept for the operator only when no owner's wording fits: the English text says what the library saw.
      return { message: `kiểm tra thụt lề, dấu ":" và dấu ngoặc kép ở dòng này (${original.split('\n')[0] ?? original})` };
  }
}
