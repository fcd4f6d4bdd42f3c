import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FlowProblem } from './problems';
import { formatPath } from './problems';

export interface FlowSource {
  /** Shown in every message, e.g. `flows/order.yaml`. */
  path: string;
  text: string;
}

/** A parsed YAML file that can tell the line and column of any path inside it. */
export class YamlSource {
  readonly data: unknown;
  readonly syntaxProblems: FlowProblem[];
  private readonly document: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(readonly source: FlowSource) {
    this.document = parseDocument(source.text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    // Later YAML errors are mostly echoes of the first one: show the one to fix first.
    this.syntaxProblems = this.document.errors.slice(0, 1).map((error) => {
      const position = this.lines.linePos(error.pos[0]);
      return {
        severity: 'error' as const,
        file: source.path,
        line: position.line,
        column: position.col,
        path: '',
        message: `lỗi cú pháp YAML: ${yamlErrorInVietnamese(error.code, error.message)}`,
      };
    });
    this.data = this.syntaxProblems.length > 0 ? undefined : this.document.toJS();
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

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}

function yamlErrorInVietnamese(code: string, original: string): string {
  const plain = original.split('\n')[0] ?? original;
  switch (code) {
    case 'DUPLICATE_KEY':
      return `một khóa bị viết hai lần trong cùng một nhóm (${plain})`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `thụt lề hoặc dấu ":" chưa đúng; các khóa cùng cấp phải thẳng cột (${plain})`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `có thể thiếu dấu ":" hoặc chữ có dấu ":" cần đặt trong ngoặc kép (${plain})`;
    case 'TAB_AS_INDENT':
      return 'dùng phím cách (space) để thụt lề, không dùng phím Tab';
    case 'MULTIPLE_DOCS':
      return 'mỗi tệp chỉ chứa một tài liệu; xóa dòng "---" thừa';
    default:
      return `${plain}; kiểm tra thụt lề, dấu ":" và dấu ngoặc kép`;
  }
}
