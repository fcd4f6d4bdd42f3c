import { foldKey } from '../text/fold';
import type { LoadedFlowFile } from './cross-check';
import type { FaqFile } from './faq';
import { STANDARD_INTENTS } from './intents';
import type { FlowProblem } from './problems';
import { TEMPLATE_VARIABLE, type Product, type ShopFile } from './schema';
import { didYouMean } from './suggest';
import type { YamlSource } from './yaml-source';

/** Product facts an FAQ answer may use, as `{{product.<field>}}`. */
const PRODUCT_FIELDS = ['name', 'unit', 'price', 'origin', 'description', 'suits', 'storage', 'season', 'min_quantity'] as const;
const OPTIONAL_FACTS = new Set<string>(['origin', 'description', 'suits', 'storage', 'season']);

/** What one FAQ file cannot check alone: products, template fields, questions another entry already owns. */
export function checkFaq(source: YamlSource, faq: FaqFile, shop: ShopFile, flows: readonly LoadedFlowFile[]): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const productIds = shop.catalog.map((product) => product.id);
  const entryIds = new Map<string, number>();
  const questionOwners = new Map<string, number>();
  const intents = new Set<string>([...STANDARD_INTENTS, ...flows.flatMap((file) => (file.flow.intent ? [file.flow.intent] : []))]);
  faq.faq.forEach((entry, i) => {
    const at = ['faq', i];
    if (entryIds.has(entry.id)) problems.push(source.problem([...at, 'id'], `câu hỏi "${entry.id}" đã có ở mục thứ ${entryIds.get(entry.id)! + 1}; mỗi mục cần một id riêng`));
    else entryIds.set(entry.id, i);
    if (!intents.has(entry.intent)) {
      problems.push(source.problem([...at, 'intent'], `không có ý định "${entry.intent}"${didYouMean(entry.intent, intents)}; các ý định chuẩn: ${STANDARD_INTENTS.join(', ')}`));
    }
    entry.questions.forEach((question, q) => {
      const key = foldKey(question);
      const owner = questionOwners.get(key);
      if (owner !== undefined && owner !== i) {
        problems.push(source.problem([...at, 'questions', q], `câu "${question}" đã thuộc mục "${faq.faq[owner]!.id}"; một câu chỉ nên thuộc một mục, bot mới biết trả lời mục nào`));
      } else {
        questionOwners.set(key, i);
      }
      for (const match of question.matchAll(/\{([a-z_]+)\}/g)) {
        if (match[1] !== 'product' && match[1] !== 'province') {
          problems.push(source.problem([...at, 'questions', q], `chỗ trống "{${match[1]}}" không có; chỉ dùng {product} (tên sản phẩm) hoặc {province} (tỉnh/thành)`));
        }
      }
    });
    problems.push(...checkAnswer(source, [...at, 'answer'], entry.answer, shop.catalog, false));
    if (entry.product_answer) problems.push(...checkAnswer(source, [...at, 'product_answer'], entry.product_answer, shop.catalog, true));
    for (const productId of Object.keys(entry.products ?? {})) {
      if (!productIds.includes(productId)) {
        problems.push(source.problem([...at, 'products', productId], `không có sản phẩm "${productId}" trong shop.yaml${didYouMean(productId, productIds)}`, 'error', true));
      }
    }
  });
  return problems;
}

function checkAnswer(source: YamlSource, at: PropertyKey[], text: string, catalog: readonly Product[], productNamed: boolean): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const match of text.matchAll(TEMPLATE_VARIABLE)) {
    const [whole, root, field] = match;
    // The shop's own facts and its policies (returns, compensation) read the same in every answer.
    if (root === 'shop' || root === 'policy') continue;
    if (root !== 'product' || !productNamed) {
      const allowed = productNamed ? '{{product.…}}, {{shop.…}} hoặc {{policy.…}}' : '{{shop.…}} hoặc {{policy.…}} (thông tin sản phẩm chỉ dùng được trong product_answer)';
      problems.push(source.problem(at, `"${whole}" không dùng được ở đây; chỉ dùng ${allowed}`));
      continue;
    }
    if (!field || !(PRODUCT_FIELDS as readonly string[]).includes(field)) {
      problems.push(source.problem(at, `"${whole}": sản phẩm không có mục "${field ?? ''}"${didYouMean(field ?? '', PRODUCT_FIELDS)}; dùng một trong: ${PRODUCT_FIELDS.join(', ')}`));
      continue;
    }
    if (OPTIONAL_FACTS.has(field)) {
      const missing = catalog.filter((product) => product[field as keyof Product] === undefined).map((product) => product.id);
      if (missing.length > 0) {
        problems.push(source.problem(at, `sản phẩm ${missing.join(', ')} chưa có "${field}" trong shop.yaml: câu trả lời cho chúng sẽ thiếu dòng này`, 'warning'));
      }
    }
  }
  return problems;
}

/** A flow's `intent:` that is no standard intent is most often a typo ("shiping"). */
export function checkFlowIntents(files: readonly LoadedFlowFile[]): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const standard: readonly string[] = STANDARD_INTENTS;
  for (const { source, flow } of files) {
    const declared = [flow.intent, ...flow.triggers.map((trigger) => (typeof trigger === 'string' ? undefined : trigger.intent))];
    declared.forEach((intent, i) => {
      if (intent === undefined || standard.includes(intent) || intent === flow.id) return;
      const at = i === 0 ? ['intent'] : ['triggers', i - 1, 'intent'];
      problems.push(
        source.problem(at, `"${intent}" không phải ý định chuẩn${didYouMean(intent, standard)}; bot sẽ chỉ học nó từ câu mẫu của luồng này. Các ý định chuẩn: ${standard.join(', ')}`, 'warning'),
      );
    });
  }
  return problems;
}
