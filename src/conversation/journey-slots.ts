import type { SlotValue } from '../engine/index';
import type { ShopFlows } from '../flows/schema';
import { lastRecommendAsked, lastStepEntered, type Store } from '../store/index';

const DAY_MS = 86_400_000;

/**
 * Whether a check-in should also ask "would you recommend us" (slot `nps_due`): on in
 * shop.yaml, and the customer not asked within `every_days`. The steps that ask it are found
 * in the check-in flow itself (`ask: nps`), so renaming a step keeps the count right.
 */
export async function recommendDue(store: Store, flows: ShopFlows, customerId: string, now: Date): Promise<boolean> {
  const settings = flows.shop.after_sale.nps;
  if (!settings.enabled) return false;
  const asking = [...flows.flows.values()].flatMap((flow) => Object.entries(flow.steps).flatMap(([step, definition]) => (definition.ask === 'nps' ? [{ flow: flow.id, step }] : [])));
  const last = await lastRecommendAsked(store.db, customerId, asking);
  return last === null || now.getTime() - Date.parse(last) >= settings.every_days * DAY_MS;
}

/** Slots a reminder of a cart starts with: the flow and step where it was left, for the reason's record. */
export async function cartLeftSlots(store: Store, conversationId: string | undefined): Promise<Record<string, SlotValue>> {
  const left = conversationId ? await lastStepEntered(store.db, conversationId) : null;
  return left ? { left_flow: left.flow, left_step: left.step } : {};
}
