import { beforeEach } from 'vitest';
import type { OwnerChannel } from '../../src/conversation/owner-channel';
import { Scheduler } from '../../src/conversation/scheduler';
import type { ChannelSender, InboundEvent, SentMessages } from '../../src/conversation/inbound';
import type { Inbound, Outbound } from '../../src/engine/index';
import { startHarness, TestClock, type Harness } from '../support/harness';
import { onItsOwnFilePerTest, startedPerTest } from '../support/per-test';

/** A Telegram that remembers what it was asked to send. */
export class RecordingSender implements ChannelSender {
  readonly sent: { chatId: string; message: Outbound }[] = [];

  async send(chatId: string, message: Outbound): Promise<SentMessages> {
    this.sent.push({ chatId, message });
    return { messageIds: [String(this.sent.length)] };
  }

  to(chatId: string): Outbound[] {
    return this.sent.filter((entry) => entry.chatId === chatId).map((entry) => entry.message);
  }

  textsTo(chatId: string): string[] {
    return this.to(chatId).map((message) => (message.kind === 'text' ? message.text : ''));
  }
}

interface AfterSaleOptions {
  adminPassword?: string;
  owner?: OwnerChannel;
}

let updates = 0;

/** The shop on a real SQLite file with a Telegram customer, a test clock and the scheduler. */
export class AfterSaleShop {
  private constructor(
    readonly harness: Harness,
    readonly telegram: RecordingSender,
    readonly scheduler: Scheduler,
  ) {}

  static async open(path: string, clock: TestClock, telegram = new RecordingSender(), options: AfterSaleOptions = {}): Promise<AfterSaleShop> {
    const harness = await startHarness({ path, clock, senders: { telegram }, ...(options.adminPassword ? { adminPassword: options.adminPassword } : {}), ...(options.owner ? { owner: options.owner } : {}) });
    const scheduler = new Scheduler({
      store: harness.store,
      conversations: harness.conversations,
      engine: () => harness.engine,
      clock: clock.now,
      log: harness.log,
      idleMinutes: 30,
      delivery: harness.delivery,
    });
    return new AfterSaleShop(harness, telegram, scheduler);
  }

  get db() {
    return this.harness.store.db;
  }

  /** One customer message, delivered before this resolves. */
  async send(user: string, message: Inbound): Promise<void> {
    const pending: Promise<unknown>[] = [];
    const event: InboundEvent = { channel: 'telegram', updateId: `u${++updates}`, chatId: user, userId: user, displayName: 'Lan', message };
    await this.harness.receive(event, (work) => void pending.push(work));
    await Promise.all(pending);
  }

  say(user: string, text: string) {
    return this.send(user, { kind: 'text', text });
  }

  /** Taps the button whose label contains `label` on the latest message to `user` that has one. */
  async tap(user: string, label: string): Promise<void> {
    const withButtons = this.telegram.to(user).filter((message) => message.kind === 'text' && message.buttons?.length);
    const last = withButtons.at(-1);
    const button = last?.kind === 'text' ? last.buttons?.find((candidate) => candidate.label.includes(label)) : undefined;
    if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(last)}`);
    await this.send(user, { kind: 'button', value: button.value });
  }

  lastText(user: string): string {
    return this.telegram.textsTo(user).at(-1) ?? '';
  }

  /** Texts sent to `user` since `from` (an index into what was sent to them). */
  textsSince(user: string, from: number): string {
    return this.telegram.textsTo(user).slice(from).join('\n');
  }

  count(user: string): number {
    return this.telegram.to(user).length;
  }

  /** A whole order, as a new customer places it (cash on delivery). */
  async order(user: string, product: string, quantity: string): Promise<string> {
    await this.say(user, 'đặt hàng');
    await this.say(user, product);
    await this.say(user, quantity);
    await this.tap(user, 'Không');
    await this.say(user, 'Trần Thị Bích');
    await this.say(user, '0987.654.321');
    await this.say(user, '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ');
    await this.say(user, 'không');
    await this.tap(user, 'COD');
    await this.say(user, 'không');
    await this.say(user, 'đồng ý');
    const code = /Dạ em đã lên đơn (XB\d{3})/.exec(this.telegram.textsTo(user).join('\n'))?.[1];
    if (!code) throw new Error(`no order: ${this.telegram.textsTo(user).join('\n')}`);
    await this.tap(user, 'Hài lòng');
    return code;
  }

  scheduled(kind?: string) {
    let query = this.db.selectFrom('scheduled_messages').selectAll();
    if (kind) query = query.where('kind', '=', kind);
    return query.orderBy('due_at').execute();
  }

  close() {
    return this.harness.close();
  }
}

/**
 * The after-sale shop of each test of the file, on its own SQLite file; `clock` starts again
 * at each test, and `restart` opens the shop again on the same file, with the same Telegram.
 */
export function afterSaleShopPerTest(options: AfterSaleOptions = {}): { clock: TestClock; shop: () => AfterSaleShop; restart: (options?: AfterSaleOptions) => Promise<AfterSaleShop> } {
  const clock = new TestClock();
  const start = clock.current;
  let telegram = new RecordingSender();
  let current = options;
  beforeEach(() => {
    clock.current = new Date(start);
    telegram = new RecordingSender();
    current = options;
  });
  const onItsFile = onItsOwnFilePerTest((path) => AfterSaleShop.open(path, clock, telegram, current));
  const shop = startedPerTest(onItsFile);
  return {
    clock,
    shop,
    restart(next = current) {
      current = next;
      return onItsFile.boot();
    },
  };
}
