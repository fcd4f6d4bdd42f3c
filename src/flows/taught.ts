import { stringify } from 'yaml';
import { z } from 'zod';
import type { FlowProblem } from './problems';
import { YamlSource, type FlowSource } from './yaml-source';
import { schemaProblems } from './zod-issues';

/**
 * Messages the owner taught on the dashboard, exported as YAML (`flows/taught/*.yaml`):
 * each one assigned to a flow, to an FAQ entry, or marked as not for the shop. The bundle
 * for Workers is trained with them; the Node server also reads them at start.
 */
export interface TaughtExample {
  text: string;
  /** The flow that should answer; null with `faq` null too means "not for the shop". */
  flow: string | null;
  faq: string | null;
}

const Text = z.string().trim().min(1, 'không được để trống');
const Id = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'tên luồng hoặc mục hỏi đáp: chữ thường không dấu, số và dấu gạch dưới');

export const TaughtFile = z.strictObject({
  taught: z.array(
    z.union([
      z.strictObject({ text: Text, flow: Id }),
      z.strictObject({ text: Text, faq: Id }),
      z.strictObject({ text: Text, not_for_shop: z.literal(true) }),
    ]),
  ),
});

export function parseTaught(source: FlowSource): { examples: TaughtExample[]; problems: FlowProblem[] } {
  const yaml = new YamlSource(source);
  if (yaml.syntaxProblems.length > 0) return { examples: [], problems: yaml.syntaxProblems };
  const parsed = TaughtFile.safeParse(yaml.data);
  if (!parsed.success) {
    return { examples: [], problems: schemaProblems(TaughtFile, parsed.error.issues, yaml.data).map((problem) => yaml.problem(problem.path, problem.message, 'error', problem.atKey)) };
  }
  const examples = parsed.data.taught.map((entry) => ({
    text: entry.text,
    flow: 'flow' in entry ? entry.flow : null,
    faq: 'faq' in entry ? entry.faq : null,
  }));
  return { examples, problems: [] };
}

/** The YAML the dashboard exports, which `parseTaught` reads back. */
export function taughtYaml(examples: readonly TaughtExample[]): string {
  const taught = examples.map((example) => {
    if (example.faq !== null) return { text: example.text, faq: example.faq };
    if (example.flow !== null) return { text: example.text, flow: example.flow };
    return { text: example.text, not_for_shop: true };
  });
  return `# Câu khách nhắn mà chủ shop đã dạy bot (xuất từ trang quản lý). Đặt tệp vào flows/taught/.\n${stringify({ taught })}`;
}
