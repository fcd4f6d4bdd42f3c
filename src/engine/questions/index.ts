import type { AskType, Step } from '../../flows/schema';
import { address } from './address';
import { cartReason } from './cart-reason';
import { choice } from './choice';
import { comment } from './comment';
import type { QuestionKind } from './kind';
import { name } from './name';
import { nps } from './nps';
import { number } from './number';
import { orderCode } from './order-code';
import { phone } from './phone';
import { photo } from './photo';
import { product } from './product';
import { province } from './province';
import { quantity } from './quantity';
import { rating } from './rating';
import { text } from './text';
import { yesNo } from './yes-no';

/** Every kind of question a step may ask; adding one is one file and one line here. */
export const QUESTION_KINDS: Record<AskType, QuestionKind> = {
  text,
  name,
  number,
  quantity,
  phone,
  province,
  address,
  product,
  choice,
  yes_no: yesNo,
  photo,
  rating,
  order_code: orderCode,
  nps,
  cart_reason: cartReason,
  comment,
};

export function questionOf(step: Step): QuestionKind | undefined {
  return step.ask ? QUESTION_KINDS[step.ask] : undefined;
}

export type { Answer, Asking, QuestionKind, Refusal } from './kind';
