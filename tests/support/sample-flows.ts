import { createEngine, initialState, type Engine, type ConversationState, type Inbound, type Outbound, type TurnContext, type TurnResult } from '../../src/engine/index';
import { loadFlows, type FlowSource, type ShopFlows } from '../../src/flows/index';
import { readFlowDir } from '../../src/flows/flow-dir.node.ts';

export async function sampleSources(): Promise<FlowSource[]> {
  return readFlowDir('flows');
}

export async function sampleFlows(): Promise<ShopFlows> {
  const result = loadFlows(await sampleSources());
  if (!result.ok) throw new Error(`sample flows do not load: ${JSON.stringify(result.errors, null, 2)}`);
  return result.flows;
}

/** A conversation driven through the pure engine, as a customer would drive it. */
export class EngineChat {
  state: ConversationState = initialState();
  replies: Outbound[] = [];
  results: TurnResult[] = [];
  orders: TurnContext['customer']['orders'] = [];

  constructor(
    readonly engine: Engine,
    public now: Date,
  ) {}

  static async start(now = new Date('2026-05-12T03:00:00Z')): Promise<EngineChat> {
    return new EngineChat(createEngine(await sampleFlows()), now);
  }

  send(inbound: Inbound): TurnResult {
    const result = this.engine.turn(this.state, inbound, {
      now: this.now,
      orderCode: 'XB101',
      customer: { name: null, orders: this.orders },
    });
    this.state = result.state;
    this.replies = result.replies;
    this.results.push(result);
    return result;
  }

  say(text: string): TurnResult {
    return this.send({ kind: 'text', text });
  }

  /** Taps the button whose label contains `label` in the latest replies. */
  tap(label: string): TurnResult {
    const button = this.buttons().find((candidate) => candidate.label.includes(label));
    if (!button) throw new Error(`no button "${label}" among: ${this.buttons().map((b) => b.label).join(' | ')}`);
    return this.send({ kind: 'button', value: button.value });
  }

  buttons() {
    return this.replies.flatMap((reply) => (reply.kind === 'text' ? (reply.buttons ?? []) : []));
  }

  text(): string {
    return this.replies.map((reply) => (reply.kind === 'text' ? reply.text : reply.kind === 'payment_qr' ? `[qr ${reply.orderCode} ${reply.amount}] ${reply.caption}` : `[image ${reply.url}]`)).join('\n');
  }

  events(type?: string) {
    return this.results.flatMap((result) => result.events).filter((event) => !type || event.type === type);
  }

  effects() {
    return this.results.flatMap((result) => result.effects);
  }
}
