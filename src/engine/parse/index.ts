/** The message readers: each takes customer text (tone marks or not, shorthand) and returns facts, never throws. */
export { readFacts, type MessageFacts } from './facts';
export { readOrderLines, catalogIndex, amountIn, amountInUnit, type CatalogIndex, type OrderLineFact, type OrderLinesFact } from './order-lines';
export { answeredName, readContact, type Contact } from './contact';
export { readPaymentMethod, type PaymentMethod } from './payment-method';
export { readOrderCode } from './order-code';
export { readReturnProblem, type ReturnProblem } from './return-problem';
export { readRating, type Rating } from './rating';
export { parseQuantity, type Quantity, type QuantityUnit } from './quantity';
export { parsePhone, type PhoneParse, type PhoneProblem } from './phone';
export { parseAddress, type Address } from './address';
export { parseProvince, findProvince, type ProvinceMatch } from './province';
export { parseMoney } from './money';
