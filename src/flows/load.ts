import { crossCheck, type LoadedFlowFile } from './cross-check';
import { FAQ_FILE, FaqFile, type FaqEntry } from './faq';
import { checkFaq, checkFlowIntents } from './faq-check';
import type { FlowProblem } from './problems';
import { FlowFile, ShopFile, Step, phaseOfStage, type Flow, type ShopFlows } from './schema';
import { YamlSource, type FlowSource } from './yaml-source';
import { schemaProblems } from './zod-issues';
import type { z } from 'zod';
import { digest } from '../text/digest';

export type { FlowSource } from './yaml-source';

export type LoadResult =
  | { ok: true; flows: ShopFlows; warnings: FlowProblem[] }
  | { ok: false; errors: FlowProblem[]; warnings: FlowProblem[] };

export const SHOP_FILE = 'shop.yaml';

/**
 * Parses, validates and cross-checks every flow file at once, so the owner sees all
 * mistakes in one go. Pure: the caller reads the files (Node) or bundles them (Workers).
 */
export function loadFlows(given: readonly FlowSource[]): LoadResult {
  const problems: FlowProblem[] = [];
  // A backup copy left in the folder ("shop - Copy.yaml") would be read as another flow: named, and left out.
  const copies = given.filter((source) => copyOf(baseName(source.path)) !== null);
  for (const copy of copies) {
    const original = copyOf(baseName(copy.path))!;
    problems.push({ severity: 'error', file: copy.path, line: 1, column: 1, path: '', message: `tệp này là bản sao của "${original}" (bản sao lưu để lại trong thư mục): bot không đọc bản sao; xóa nó hoặc chuyển ra ngoài thư mục flows/` });
  }
  // A file saved as UTF-16 or in the Windows code page reads as garbage: said once, before any other problem of it.
  for (const source of given) {
    if (!source.notUtf8) continue;
    const saved = source.notUtf8 === 'utf-16' ? 'UTF-16 (Unicode)' : 'bảng mã khác (ví dụ Windows-1258 / TCVN3)';
    problems.push({ severity: 'error', file: source.path, line: 1, column: 1, path: '', message: `tệp đang lưu dạng ${saved}, không phải UTF-8: mở tệp, chọn "Lưu thành" (Save as), ở mục Mã hóa (Encoding) chọn UTF-8 rồi lưu lại dạng UTF-8` });
  }
  const sources = given.filter((source) => !copies.includes(source) && !source.notUtf8);
  const shopSources = sources.filter((source) => baseName(source.path) === SHOP_FILE);
  const faqSources = sources.filter((source) => baseName(source.path) === FAQ_FILE);
  const flowSources = sources.filter((source) => baseName(source.path) !== SHOP_FILE && baseName(source.path) !== FAQ_FILE);

  const shopSource = shopSources[0] ? new YamlSource(shopSources[0]) : undefined;
  const shop = shopSource ? validate(shopSource, ShopFile, problems) : undefined;
  if (!shopSource) {
    problems.push({ severity: 'error', file: SHOP_FILE, line: 1, column: 1, path: '', message: 'không tìm thấy tệp shop.yaml (thông tin shop, sản phẩm, phí ship, thanh toán)' });
  }

  const files: LoadedFlowFile[] = [];
  // Flows whose own file has mistakes: references to them are not reported again.
  const brokenFlowIds = new Set<string>();
  // Files with mistakes of their own are still checked for their references (what of them parses), so
  // every mistake of every file shows in one run; only new errors of theirs are kept, never echoes.
  const salvaged: { file: LoadedFlowFile; placeholders: Set<string> }[] = [];
  for (const flowSource of flowSources) {
    const source = new YamlSource(flowSource);
    const flow = validate(source, FlowFile, problems);
    if (flow) files.push({ source, flow });
    else {
      brokenFlowIds.add(declaredId(source) ?? baseName(flowSource.path).replace(/\.ya?ml$/, ''));
      const partial = salvage(source);
      if (partial) salvaged.push(partial);
    }
  }

  if (shopSource) {
    const checked = crossCheck(shopSource, shop, [...files, ...salvaged.map((partial) => partial.file)], brokenFlowIds);
    const reported = new Set(problems.map((problem) => `${problem.file}\u0000${problem.path}`));
    problems.push(
      ...checked.filter((problem) => {
        const partial = salvaged.find((candidate) => candidate.file.source.source.path === problem.file);
        if (!partial) return true;
        const step = /^steps\.([^.[]+)/.exec(problem.path)?.[1];
        return problem.severity === 'error' && !reported.has(`${problem.file}\u0000${problem.path}`) && !(step && partial.placeholders.has(step)) && problem.path !== 'id';
      }),
    );
  }
  problems.push(...checkFlowIntents(files));
  const faq: FaqEntry[] = [];
  for (const faqSource of faqSources) {
    const source = new YamlSource(faqSource);
    const file = validate(source, FaqFile, problems);
    if (!file) continue;
    if (shop) problems.push(...checkFaq(source, file, shop, files));
    faq.push(...file.faq);
  }

  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  if (errors.length > 0 || !shop) return { ok: false, errors, warnings };

  const flows = new Map<string, Flow>();
  for (const { flow } of files) {
    flows.set(flow.id, { ...flow, start: flow.start ?? Object.keys(flow.steps)[0]!, phase: flow.phase ?? phaseOfStage(flow.stage) });
  }
  return { ok: true, flows: { shop, flows, faq, version: contentVersion(sources) }, warnings };
}

function validate<T extends z.ZodType>(source: YamlSource, schema: T, problems: FlowProblem[]): z.infer<T> | undefined {
  problems.push(...source.syntaxProblems);
  // With syntax mistakes the file is still checked as corrected (its other mistakes in the same run) when it can be, and refused all the same.
  if (source.syntaxProblems.length > 0 && source.data === undefined) return undefined;
  problems.push(...source.valueProblems);
  const misread = source.syntaxProblems.length > 0 || source.valueProblems.some((problem) => problem.severity === 'error');
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    problems.push(source.problem([], 'tệp phải là một nhóm khóa dạng "khóa: giá trị" (tệp đang trống hoặc sai dạng)'));
    return undefined;
  }
  const parsed = schema.safeParse(source.data);
  if (parsed.success) return misread ? undefined : parsed.data;
  for (const problem of schemaProblems(schema, parsed.error.issues, source.data)) {
    problems.push(source.problem(problem.path, problem.message, 'error', problem.atKey));
  }
  return undefined;
}

/** "shop - Copy.yaml", "shop (2).yaml", "shop copy.yaml", "shop.bak.yaml", "Copy of shop.yaml": the name of the file it copies. */
function copyOf(name: string): string | null {
  const match =
    /^(.+?)(?:\s*-\s*(?:copy|bản sao)(?:\s*\(\d+\))?|\s+copy(?:\s*\d+)?|\s*\(\d+\)|\.bak|\.orig|\.old|~)(\.ya?ml)$/i.exec(name) ?? /^(?:copy of|bản sao của)\s+(.+?)(\.ya?ml)$/i.exec(name);
  return match ? `${match[1]}${match[2]}` : null;
}

/** What of a flow file with mistakes still parses: its steps that are right, the others as empty placeholders. */
function salvage(source: YamlSource): { file: LoadedFlowFile; placeholders: Set<string> } | null {
  const data = source.data as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object' || !data.steps || typeof data.steps !== 'object' || Array.isArray(data.steps)) return null;
  const placeholders = new Set<string>();
  const steps = Object.fromEntries(
    Object.entries(data.steps as Record<string, unknown>).map(([id, raw]) => {
      const parsed = Step.safeParse(raw);
      if (!parsed.success) placeholders.add(id);
      return [id, parsed.success ? parsed.data : {}];
    }),
  );
  const triggers = Array.isArray(data.triggers) ? data.triggers.filter((trigger) => FlowFile.shape.triggers.safeParse([trigger]).success) : [];
  const flow = {
    id: declaredId(source) ?? baseName(source.source.path).replace(/\.ya?ml$/, ''),
    title: '',
    stage: 'discover',
    triggers,
    satisfaction: true,
    ...(typeof data.start === 'string' ? { start: data.start } : {}),
    steps,
  } as unknown as FlowFile;
  return { file: { source, flow }, placeholders };
}

function declaredId(source: YamlSource): string | undefined {
  const data = source.data as { id?: unknown } | undefined;
  return typeof data?.id === 'string' ? data.id : undefined;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** FNV-1a over every file, in path order: a short stable fingerprint of the flows. */
function contentVersion(sources: readonly FlowSource[]): string {
  const files = [...sources].sort((a, b) => a.path.localeCompare(b.path));
  return digest([files.map((source) => `${baseName(source.path)}\0${source.text}`).join('')]).slice(0, 8);
}
