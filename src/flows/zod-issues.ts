import type { z } from 'zod';
import { closest, didYouMean } from './suggest';

/** A schema problem in the owner's words: what is wrong at which path. */
export interface SchemaProblem {
  path: PropertyKey[];
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  atKey: boolean;
  /** For an unknown key: the known key it is probably a typo of. */
  misspells?: string;
  /** A required key that is absent. */
  missing?: boolean;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chữ (văn bản)',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách (mỗi mục một dòng bắt đầu bằng "- ")',
  object: 'nhóm khóa dạng "khóa: giá trị"',
  record: 'nhóm khóa dạng "khóa: giá trị"',
};

/** Turns zod issues into messages an owner can act on, with "did you mean" for misspelt keys. */
export function schemaProblems(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], data: unknown): SchemaProblem[] {
  const problems = issues.flatMap((issue) => translate(schema, issue, [], data));
  // "prce: 85000" is one mistake, not two: drop "missing price" when a misspelt key stands for it.
  const misspelt = new Set(problems.flatMap((problem) => (problem.misspells ? [pathKey([...problem.path.slice(0, -1), problem.misspells])] : [])));
  return problems.filter((problem) => !(problem.missing && misspelt.has(pathKey(problem.path))));
}

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('\u0000');
}

function translate(schema: z.ZodType, issue: z.core.$ZodIssue, prefix: PropertyKey[], data: unknown): SchemaProblem[] {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, path);
      // "id:", "name:", "price:" at the top of shop.yaml: a product pasted at the end of the file.
      if (path.length === 0 && issue.keys.includes('price') && allowed.includes('catalog')) {
        return [{ path: [issue.keys[0]!], atKey: true, message: 'đây là một sản phẩm dán ở cuối tệp, nằm ngoài danh sách sản phẩm: dời cả khối vào dưới "catalog:", thêm "- " trước "id:" và thụt lề như các sản phẩm khác' }];
      }
      return issue.keys.map((key) => {
        const guess = closest(key, allowed);
        return {
          path: [...path, key],
          atKey: true,
          ...(guess ? { misspells: guess } : {}),
          message: `khóa "${key}" không dùng được ở đây${didYouMean(key, allowed)}; các khóa hợp lệ: ${allowed.join(', ')}`,
        };
      });
    }
    case 'invalid_type': {
      const present = valueAt(data, path) !== undefined;
      const key = String(path.at(-1) ?? '');
      const wanted = TYPE_NAMES[issue.expected] ?? issue.expected;
      const written = valueAt(data, path);
      // "85.000đ", "85k", "85000" in quotes: the owner meant a number of đồng.
      const digits = issue.expected === 'number' && typeof written === 'string' ? numberMeant(written) : null;
      if (digits !== null) return [{ path, atKey: false, message: `"${written}" là chữ, không phải số: số tiền viết liền bằng chữ số, không dấu chấm, không "k" hay "đ", không ngoặc kép — viết ${digits}` }];
      return [{ path, atKey: !present, ...(present ? {} : { missing: true }), message: present ? `phải là ${wanted}` : `thiếu khóa bắt buộc "${key}" (${wanted})` }];
    }
    case 'invalid_value': {
      const value = valueAt(data, path);
      const options = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, options) : '';
      return [{ path, atKey: false, message: `giá trị "${String(value)}" không hợp lệ${hint}; chỉ nhận một trong: ${options.join(', ')}` }];
    }
    case 'invalid_union': {
      // Report the alternative that came closest: the one with the fewest, deepest problems.
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const best = [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (best && depth(best) > 0) return best.flatMap((inner) => translate(schema, inner, path, data));
      return [{ path, atKey: false, message: unionHint(path) }];
    }
    case 'invalid_key':
      return [{ path, atKey: true, message: `tên "${String(path.at(-1))}" không hợp lệ: ${issue.issues.map((inner) => ownMessage(inner.message)).join('; ')}` }];
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    case 'not_multiple_of':
      return [{ path, atKey: false, message: ownMessage(issue.message, issue.code) }];
    default:
      return [{ path, atKey: false, message: issue.message }];
  }
}

/** The number a text stands for when it is one written the Vietnamese way: 85000, 85.000, 85.000đ, 85k, 1,2tr. */
function numberMeant(text: string): string | null {
  const match = /^\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d+))?\s*(k|nghìn|ngàn|tr|triệu)?\s*(đ|₫|vnd|vnđ|đồng)?\s*$/i.exec(text);
  if (!match) return null;
  const whole = match[1]!.replace(/[.,]/g, '');
  const unit = match[3]?.toLowerCase();
  const scale = unit === 'k' || unit === 'nghìn' || unit === 'ngàn' ? 1000 : unit === 'tr' || unit === 'triệu' ? 1_000_000 : 1;
  const value = (Number(whole) + (match[2] ? Number(`0.${match[2]}`) : 0)) * scale;
  return Number.isFinite(value) && Number.isInteger(value) ? String(value) : null;
}

function depth(branch: readonly z.core.$ZodIssue[]): number {
  return Math.max(...branch.map((inner) => inner.path.length + (inner.code === 'unrecognized_keys' ? 1 : 0)));
}

function unionHint(path: PropertyKey[]): string {
  const key = String(path.at(-1) ?? '');
  if (key === 'say') return 'phải là một câu chữ, hoặc danh sách câu (mỗi câu một dòng bắt đầu bằng "- ")';
  if (key === 'buttons') return 'phải là danh sách nút (mỗi nút có label và goto), hoặc "menu"';
  if (key === 'stock') return 'phải là in_stock, out_of_stock hoặc số lượng còn (số nguyên)';
  if (key === 'if' || typeof path.at(-1) === 'number') return 'điều kiện viết dạng { slot: tên, equals: giá trị } hoặc { all: [...] } / { any: [...] }';
  return 'giá trị không đúng dạng';
}

/** Our own messages are Vietnamese; zod's defaults are English and get a plain rewrite. */
function ownMessage(message: string, code?: string): string {
  if (!/^(Invalid|Too|Expected|Number must|String must)/.test(message)) return message;
  if (code === 'too_small') return 'quá nhỏ hoặc quá ngắn';
  if (code === 'too_big') return 'quá lớn hoặc quá dài';
  return 'giá trị không đúng dạng';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Keys the schema accepts for the object at `path`. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  const visit = (node: z.ZodType, rest: readonly PropertyKey[]): void => {
    const def = defOf(node);
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'nullable':
      case 'readonly':
      case 'prefault':
        return visit(def.innerType!, rest);
      case 'lazy':
        return visit(def.getter!(), rest);
      case 'pipe':
        return visit(def.in!, rest);
      case 'union':
        for (const option of def.options!) visit(option, rest);
        return;
      case 'object':
        if (rest.length === 0) Object.keys(def.shape!).forEach((key) => keys.add(key));
        else if (def.shape![String(rest[0])]) visit(def.shape![String(rest[0])]!, rest.slice(1));
        return;
      case 'array':
        if (rest.length > 0) visit(def.element!, rest.slice(1));
        return;
      case 'record':
        if (rest.length > 0) visit(def.valueType!, rest.slice(1));
        return;
    }
  };
  visit(schema, path);
  keys.delete('$schema');
  return [...keys];
}
