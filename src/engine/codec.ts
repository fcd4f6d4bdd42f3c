/**
 * The one codec for button values. Values are short and stable (a flow id, a step id, a
 * choice's position, a score) so they fit Telegram's 64 bytes whatever the labels say, and a
 * tap on an old message still means what it meant when it was shown.
 */
export type Tap =
  /** Start a flow from any message (menus, reminders tapped the next day). */
  | { kind: 'flow'; flow: string }
  /** A step's own button: a step id of the flow shown, or `flow:<id>`. */
  | { kind: 'go'; target: string }
  /** The answer to the question being asked, as the question kind encoded it. */
  | { kind: 'answer'; value: string }
  | { kind: 'skip' }
  | { kind: 'score'; score: number }
  | { kind: 'resume'; yes: boolean };

export function encodeTap(tap: Tap): string {
  switch (tap.kind) {
    case 'flow':
      return `flow:${tap.flow}`;
    case 'go':
      return `go:${tap.target}`;
    case 'answer':
      return `answer:${tap.value}`;
    case 'skip':
      return 'skip';
    case 'score':
      return `csat:${tap.score}`;
    case 'resume':
      return tap.yes ? 'resume:yes' : 'resume:no';
  }
}

export function decodeTap(value: string): Tap | null {
  if (value === 'skip') return { kind: 'skip' };
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const head = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  switch (head) {
    case 'flow':
      return rest ? { kind: 'flow', flow: rest } : null;
    case 'go':
      return rest ? { kind: 'go', target: rest } : null;
    case 'answer':
      return { kind: 'answer', value: rest };
    case 'csat': {
      const score = Number(rest);
      return Number.isInteger(score) ? { kind: 'score', score } : null;
    }
    case 'resume':
      return rest === 'yes' || rest === 'no' ? { kind: 'resume', yes: rest === 'yes' } : null;
    default:
      return null;
  }
}
