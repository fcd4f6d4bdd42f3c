import type { Condition } from '../flows/schema';
import { foldKey } from '../text/fold';
import type { SlotValue } from './types';

/** Whether a step's structured condition holds for the conversation's slots. */
export function conditionHolds(condition: Condition, slots: Readonly<Record<string, SlotValue>>): boolean {
  if ('all' in condition) return condition.all.every((inner) => conditionHolds(inner, slots));
  if ('any' in condition) return condition.any.some((inner) => conditionHolds(inner, slots));
  const raw = slots[condition.slot];
  // A quantity compares by its amount: `at_least: 5` on "5 kg".
  const value = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw.amount : raw;
  if (condition.filled !== undefined && (value !== undefined) !== condition.filled) return false;
  if (condition.equals !== undefined && !sameValue(value, condition.equals)) return false;
  if (condition.in !== undefined && !condition.in.some((option) => sameValue(value, option))) return false;
  if (condition.at_least !== undefined && !(typeof value === 'number' && value >= condition.at_least)) return false;
  if (condition.at_most !== undefined && !(typeof value === 'number' && value <= condition.at_most)) return false;
  return true;
}

/** Text compares as the owner would read it: case and tone marks don't matter. */
function sameValue(value: SlotValue | undefined, expected: string | number | boolean): boolean {
  if (typeof value === 'string' && typeof expected === 'string') return foldKey(value) === foldKey(expected);
  return value === expected;
}
