import { FORMER_PROVINCES, PROVINCES } from '../vietnam/provinces';
import { foldKey } from '../text/fold';
import type { FlowProblem } from './problems';
import { BUILT_IN_SLOTS, TEMPLATE_ROOTS, TEMPLATE_VARIABLE, type Condition, type FlowFile, type ShopFile, type Step } from './schema';
import { didYouMean } from './suggest';
import type { YamlSource } from './yaml-source';

export interface LoadedFlowFile {
  source: YamlSource;
  flow: FlowFile;
}

/** The flows every shop needs, because the engine itself sends customers there. */
export const REQUIRED_FLOWS = ['greeting', 'human'] as const;

/** Checks what one file cannot check alone: references between steps, flows, products and slots. */
export function crossCheck(shopSource: YamlSource, shop: ShopFile | undefined, files: readonly LoadedFlowFile[], brokenFlowIds: ReadonlySet<string> = new Set()): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const flowIds = new Map<string, LoadedFlowFile>();
  for (const file of files) {
    const earlier = flowIds.get(file.flow.id);
    if (earlier) {
      problems.push(file.source.problem(['id'], `luồng "${file.flow.id}" đã có trong ${earlier.source.source.path}; mỗi luồng cần một id riêng`));
    } else {
      flowIds.set(file.flow.id, file);
    }
  }
  const knownFlowIds = new Set([...flowIds.keys(), ...brokenFlowIds]);
  // shop.yaml with mistakes of its own: the flows are still checked against each other.
  if (shop) problems.push(...checkShop(shopSource, shop, knownFlowIds));
  for (const required of REQUIRED_FLOWS) {
    if (!knownFlowIds.has(required)) {
      problems.push(shopSource.problem([], `thiếu luồng bắt buộc "${required}"; tạo tệp flows/${required}.yaml với id: ${required}`));
    }
  }
  const savedSlots = new Set<string>(BUILT_IN_SLOTS);
  for (const file of files) {
    for (const step of Object.values(file.flow.steps)) {
      if (step.save) savedSlots.add(step.save);
      for (const slot of Object.keys(step.set ?? {})) savedSlots.add(slot);
    }
  }
  const context: FlowContext = { shop, flowIds: knownFlowIds, savedSlots };
  for (const file of files) problems.push(...checkFlow(file, context));
  return problems;
}

interface FlowContext {
  shop: ShopFile | undefined;
  flowIds: ReadonlySet<string>;
  savedSlots: ReadonlySet<string>;
}

function checkShop(source: YamlSource, shop: ShopFile, flows: ReadonlySet<string>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const productIds = new Set<string>();
  shop.catalog.forEach((product, i) => {
    if (productIds.has(product.id)) problems.push(source.problem(['catalog', i, 'id'], `mã sản phẩm "${product.id}" bị trùng; mỗi sản phẩm cần một id riêng`));
    // "85.000" in YAML is the number 85: prices are whole đồng written without dots.
    if (product.price < 1000) {
      problems.push(source.problem(['catalog', i, 'price'], `giá ${product.price}đ có vẻ quá thấp; viết giá bằng đồng, không dấu chấm (ví dụ 85000 cho 85.000đ)`, 'warning'));
    }
    productIds.add(product.id);
  });
  const zoneIds = new Set<string>();
  const zoneOfProvince = new Map<string, string>();
  shop.shipping.zones.forEach((zone, i) => {
    if (zoneIds.has(zone.id)) problems.push(source.problem(['shipping', 'zones', i, 'id'], `vùng giao hàng "${zone.id}" bị trùng`));
    zoneIds.add(zone.id);
    zone.provinces.forEach((name, j) => {
      const at = ['shipping', 'zones', i, 'provinces', j];
      const province = currentByKey.get(foldKey(name));
      if (!province) {
        problems.push(source.problem(at, provinceNameProblem(name)!));
        return;
      }
      const other = zoneOfProvince.get(province.id);
      if (other) problems.push(source.problem(at, `"${province.name}" đã nằm trong vùng "${other}"; mỗi tỉnh chỉ thuộc một vùng`));
      zoneOfProvince.set(province.id, zone.id);
    });
  });
  const missing = PROVINCES.filter((province) => !zoneOfProvince.has(province.id));
  if (missing.length > 0) {
    problems.push(
      source.problem(['shipping', 'zones'], `chưa có phí giao cho: ${missing.map((p) => p.name).join(', ')}; khách ở đó sẽ được báo là shop chưa giao tới`, 'warning'),
    );
  }
  const codes = new Set<string>();
  shop.promotions.forEach((promotion, i) => {
    const at = ['promotions', i];
    if (codes.has(promotion.code)) problems.push(source.problem([...at, 'code'], `mã khuyến mãi "${promotion.code}" bị trùng`));
    codes.add(promotion.code);
    if (promotion.valid_until < promotion.valid_from) problems.push(source.problem([...at, 'valid_until'], 'ngày kết thúc đứng trước ngày bắt đầu'));
    if (promotion.type !== 'free_shipping' && promotion.value === undefined) {
      problems.push(source.problem(at, `khuyến mãi loại ${promotion.type} cần "value" (${promotion.type === 'percent_off' ? 'số phần trăm, ví dụ 10' : 'số tiền giảm, ví dụ 20000'})`));
    }
    if (promotion.type === 'percent_off' && (promotion.value ?? 0) > 100) problems.push(source.problem([...at, 'value'], 'giảm theo phần trăm không quá 100'));
    promotion.products?.forEach((id, j) => {
      if (!productIds.has(id)) problems.push(source.problem([...at, 'products', j], `không có sản phẩm "${id}" trong catalog${didYouMean(id, productIds)}`));
    });
  });
  shop.shop.opening_hours.forEach((hours, i) => {
    if (hours.close <= hours.open) problems.push(source.problem(['shop', 'opening_hours', i, 'close'], 'giờ đóng cửa phải sau giờ mở cửa'));
  });
  shop.menu.forEach((item, i) => {
    if (!flows.has(item.flow)) problems.push(source.problem(['menu', i, 'flow'], `không có luồng "${item.flow}"${didYouMean(item.flow, flows)}`));
  });
  if (shop.payment.bank_transfer === undefined && shop.payment.cod === undefined) {
    problems.push(source.problem(['payment'], 'cần ít nhất một cách thanh toán: khai báo cod hoặc bank_transfer'));
  }
  return problems;
}

function checkFlow(file: LoadedFlowFile, context: FlowContext): FlowProblem[] {
  const { source, flow } = file;
  const problems: FlowProblem[] = [];
  const stepIds = Object.keys(flow.steps);
  const expectedName = source.source.path.split('/').pop()?.replace(/\.ya?ml$/, '');
  if (expectedName && expectedName !== flow.id) {
    problems.push(source.problem(['id'], `tệp ${expectedName}.yaml nên có id "${expectedName}" để dễ tìm (đang là "${flow.id}")`, 'warning'));
  }
  if (flow.start !== undefined && !flow.steps[flow.start]) {
    problems.push(source.problem(['start'], `không có bước "${flow.start}" trong luồng "${flow.id}"${didYouMean(flow.start, stepIds)}`));
  }
  const checkGoto = (target: string, at: PropertyKey[]): void => {
    if (target.startsWith('flow:')) {
      const id = target.slice(5);
      if (!context.flowIds.has(id)) problems.push(source.problem(at, `không có luồng "${id}"${didYouMean(id, context.flowIds)}`));
    } else if (!flow.steps[target]) {
      const flowHint = context.flowIds.has(target) ? ` (muốn sang luồng khác thì viết "flow:${target}")` : didYouMean(target, stepIds);
      problems.push(source.problem(at, `không có bước "${target}" trong luồng "${flow.id}"${flowHint}`));
    }
  };
  const checkSlot = (slot: string, at: PropertyKey[]): void => {
    if (!context.savedSlots.has(slot)) {
      problems.push(source.problem(at, `chưa có bước nào lưu thông tin "${slot}" (save: ${slot})${didYouMean(slot, context.savedSlots)}`));
    }
  };
  // A province slot holds the province's current name: a branch on a former or misspelt name never matches.
  const provinceSlots = new Set(['province', ...Object.values(flow.steps).flatMap((step) => (step.ask === 'province' && step.save ? [step.save] : []))]);
  const checkValue = (slot: string, value: unknown, at: PropertyKey[]): void => {
    if (!provinceSlots.has(slot) || typeof value !== 'string') return;
    const problem = provinceNameProblem(value);
    if (problem) problems.push(source.problem(at, problem));
  };
  const checkText = (text: string, at: PropertyKey[]): void => {
    for (const match of text.matchAll(TEMPLATE_VARIABLE)) {
      const root = match[1]!;
      if ((TEMPLATE_ROOTS as readonly string[]).includes(root)) continue;
      if (!context.savedSlots.has(root)) {
        problems.push(
          source.problem(at, `biến "{{${root}}}" không có: chưa bước nào lưu "${root}" và không phải biến có sẵn${didYouMean(root, [...context.savedSlots, ...TEMPLATE_ROOTS])}`),
        );
      }
    }
  };
  flow.triggers.forEach((trigger, i) => {
    if (typeof trigger !== 'string' && !flow.steps[trigger.step]) {
      problems.push(source.problem(['triggers', i, 'step'], `không có bước "${trigger.step}" trong luồng "${flow.id}"${didYouMean(trigger.step, stepIds)}`));
    }
  });
  for (const [id, step] of Object.entries(flow.steps)) {
    const at = ['steps', id];
    checkStepShape(step, at, source, problems);
    const texts = step.say === undefined ? [] : Array.isArray(step.say) ? step.say : [step.say];
    texts.forEach((text, i) => checkText(text, Array.isArray(step.say) ? [...at, 'say', i] : [...at, 'say']));
    if (step.retry) checkText(step.retry, [...at, 'retry']);
    if (step.next) checkGoto(step.next, [...at, 'next']);
    if (Array.isArray(step.buttons)) step.buttons.forEach((button, i) => checkGoto(button.goto, [...at, 'buttons', i, 'goto']));
    step.branch?.forEach((branch, i) => {
      checkGoto(branch.goto, [...at, 'branch', i, 'goto']);
      checkCondition(branch.if, [...at, 'branch', i, 'if'], checkSlot, checkValue);
    });
    for (const [slot, value] of Object.entries(step.set ?? {})) {
      if (!context.shop) continue;
      if (slot === 'product' && !context.shop.catalog.some((product) => product.id === value)) {
        problems.push(source.problem([...at, 'set', slot], `không có sản phẩm "${String(value)}" trong catalog${didYouMean(String(value), context.shop.catalog.map((p) => p.id))}`));
      }
      if (slot === 'promo_code' && !context.shop.promotions.some((promotion) => promotion.code === value)) {
        problems.push(
          source.problem([...at, 'set', slot], `không có mã khuyến mãi "${String(value)}" trong shop.yaml${didYouMean(String(value), context.shop.promotions.map((p) => p.code))}`),
        );
      }
    }
  }
  for (const id of unreachableSteps(flow)) {
    problems.push(source.problem(['steps', id], `bước "${id}" không bao giờ được tới: không bước nào chuyển sang nó`, 'warning', true));
  }
  return problems;
}

function checkStepShape(step: Step, at: PropertyKey[], source: YamlSource, problems: FlowProblem[]): void {
  if (step.ask && !step.save) problems.push(source.problem(at, `bước hỏi (ask: ${step.ask}) cần "save: <tên>" để lưu câu trả lời`));
  if (step.save && !step.ask) problems.push(source.problem([...at, 'save'], '"save" chỉ dùng cùng "ask"; thêm "ask: text" (hoặc kiểu khác)'));
  if (step.ask === 'choice' && !step.choices) problems.push(source.problem(at, 'bước "ask: choice" cần danh sách "choices" (label và value)'));
  if (step.choices && step.ask !== 'choice' && step.ask !== 'cart_reason') problems.push(source.problem([...at, 'choices'], '"choices" chỉ dùng với "ask: choice" (hoặc "ask: cart_reason")'));
  if (step.ask && step.buttons) problems.push(source.problem([...at, 'buttons'], 'bước hỏi không dùng "buttons"; với câu hỏi có lựa chọn hãy dùng "ask: choice" và "choices"'));
  const exits = [step.next, step.branch, step.end, Array.isArray(step.buttons) ? step.buttons : undefined].filter((exit) => exit !== undefined);
  if (step.end && exits.length > 1) problems.push(source.problem([...at, 'end'], '"end" kết thúc luồng; bỏ "next", "branch" hoặc "buttons" ở cùng bước'));
}

function checkCondition(
  condition: Condition,
  at: PropertyKey[],
  checkSlot: (slot: string, at: PropertyKey[]) => void,
  checkValue: (slot: string, value: unknown, at: PropertyKey[]) => void,
): void {
  if ('slot' in condition) {
    checkSlot(condition.slot, [...at, 'slot']);
    if (condition.equals !== undefined) checkValue(condition.slot, condition.equals, [...at, 'equals']);
    condition.in?.forEach((value, i) => checkValue(condition.slot, value, [...at, 'in', i]));
  } else if ('all' in condition) condition.all.forEach((inner, i) => checkCondition(inner, [...at, 'all', i], checkSlot, checkValue));
  else condition.any.forEach((inner, i) => checkCondition(inner, [...at, 'any', i], checkSlot, checkValue));
}

const currentByKey = new Map(PROVINCES.map((province) => [foldKey(province.name), province]));
const formerByKey = new Map(FORMER_PROVINCES.map((former) => [foldKey(former.name), former]));

/** Why a name is not one of today's 34 provinces (a former one says which it belongs to now); null when it is. */
function provinceNameProblem(name: string): string | null {
  if (currentByKey.has(foldKey(name))) return null;
  const former = formerByKey.get(foldKey(name));
  const now = former && PROVINCES.find((candidate) => candidate.id === former.now);
  return now
    ? `"${name}" là tên tỉnh cũ; từ 1/7/2025 thuộc "${now.name}", hãy viết "${now.name}"`
    : `"${name}" không phải tỉnh/thành hiện nay${didYouMean(name, PROVINCES.map((p) => p.name))}`;
}

/** Steps no path from the start reaches: almost always a typo in a `next`. */
function unreachableSteps(flow: FlowFile): string[] {
  const ids = Object.keys(flow.steps);
  const start = flow.start ?? ids[0];
  if (!start || !flow.steps[start]) return [];
  const entries = [start, ...flow.triggers.flatMap((trigger) => (typeof trigger === 'string' || !flow.steps[trigger.step] ? [] : [trigger.step]))];
  const seen = new Set<string>(entries);
  const queue = [...seen];
  while (queue.length > 0) {
    const id = queue.pop()!;
    const step = flow.steps[id]!;
    const fallsThrough = !step.next && !step.end && step.buttons === undefined;
    const targets = [
      fallsThrough ? ids[ids.indexOf(id) + 1] : undefined,
      step.next,
      ...(step.branch ?? []).map((branch) => branch.goto),
      ...(Array.isArray(step.buttons) ? step.buttons.map((button) => button.goto) : []),
    ];
    for (const target of targets) {
      if (target && !target.startsWith('flow:') && flow.steps[target] && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return ids.filter((id) => !seen.has(id));
}
