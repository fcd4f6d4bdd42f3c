/**
 * Stands in for SePay: posts one transaction per transfer to the shop's webhook over HTTP, with
 * the API key in `Authorization: Apikey …`, in the shape SePay's webhook documentation gives.
 */
export interface SepayTransaction {
  id: number;
  gateway: string;
  transactionDate: string;
  accountNumber: string;
  code: string | null;
  content: string;
  transferType: 'in' | 'out';
  transferAmount: number;
  accumulated: number;
  subAccount: string | null;
  referenceCode: string;
  description: string;
}

export class FakeSepay {
  private nextId = 92_700;

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    /** The shop's own account, as SePay reports it. */
    readonly accountNumber: string,
  ) {}

  /** A transfer into the shop's account with this note and amount; override any field. */
  transaction(content: string, amount: number, overrides: Partial<SepayTransaction> = {}): SepayTransaction {
    const id = ++this.nextId;
    return {
      id,
      gateway: 'Vietcombank',
      transactionDate: '2026-05-12 10:15:00',
      accountNumber: this.accountNumber,
      code: null,
      content,
      transferType: 'in',
      transferAmount: amount,
      accumulated: 19_077_000,
      subAccount: null,
      referenceCode: `FT26132${id}`,
      description: `BankAPINotify ${content}`,
      ...overrides,
    };
  }

  /** Posts a transaction (or any body, to try what the route does with it). */
  async send(transaction: SepayTransaction | Record<string, unknown>, apiKey = this.apiKey): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}/payments/sepay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Apikey ${apiKey}` },
      body: JSON.stringify(transaction),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text: the test shows what came back.
    }
    return { status: response.status, body };
  }
}
