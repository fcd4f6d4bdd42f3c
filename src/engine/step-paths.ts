import type { Flow, Step } from '../flows/schema';
import { conditionHolds } from './conditions';
import type { SlotValue } from './types';

/** Whether one of the flow's steps runs this action (the flow that adds to the cart, hands over, cancels…). */
export function runsAction(flow: Flow | undefined, action: NonNullable<Step['action']>): boolean {
  return flow !== undefined && Object.values(flow.steps).some((step) => step.action === action);
}

/** The step a step goes on to when no branch is taken, as the turn takes it: its `next`, else the one written after it (none after an `end`). */
export function followingStep(flow: Flow, stepId: string): string | undefined {
  const step = flow.steps[stepId];
  if (!step) return undefined;
  if (step.next) return step.next;
  if (step.end) return undefined;
  const ids = Object.keys(flow.steps);
  return ids[ids.indexOf(stepId) + 1];
}

/** Every step of this flow a step may go on to, whatever the slots hold. */
function stepsAfter(flow: Flow, stepId: string): string[] {
  const targets = [...(flow.steps[stepId]?.branch ?? []).map((branch) => branch.goto), followingStep(flow, stepId)];
  return targets.filter((id): id is string => id !== undefined && flow.steps[id] !== undefined);
}

/** How many steps on from `start` the nearest step `wanted` accepts is (0: `start` itself); Infinity when none can be reached. */
function stepsTo(flow: Flow, start: string | undefined, wanted: (stepId: string) => boolean): number {
  if (start === undefined || flow.steps[start] === undefined) return Infinity;
  const seen = new Set([start]);
  let ring = [start];
  for (let distance = 0; ring.length > 0; distance++) {
    if (ring.some(wanted)) return distance;
    ring = ring.flatMap((id) => stepsAfter(flow, id)).filter((id) => !seen.has(id) && seen.add(id));
  }
  return Infinity;
}

/**
 * Of "yes" and "no" at a yes/no question, the answer whose way through the flow reaches a
 * step `wanted` accepts sooner; null when neither reaches one, or both equally soon. "Trần
 * Thị Mai 0987…" at "mua thêm không?" is a "no": it leads to the recipient's questions at once,
 * "yes" only after another product.
 */
export function answerLeadingTo(flow: Flow, stepId: string, slots: Readonly<Record<string, SlotValue>>, wanted: (stepId: string) => boolean): boolean | null {
  const step = flow.steps[stepId];
  if (!step?.save) return null;
  const [yes, no] = [true, false].map((value) => {
    const answered = { ...slots, [step.save!]: value };
    const taken = (step.branch ?? []).find((branch) => conditionHolds(branch.if, answered));
    return stepsTo(flow, taken ? taken.goto : followingStep(flow, stepId), wanted);
  }) as [number, number];
  return yes === no ? null : yes < no;
}
