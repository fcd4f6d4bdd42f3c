/** What a platform answered to each setup call, printed for the operator. */
export function printSteps(steps: readonly { what: string; answer: unknown }[]): void {
  for (const step of steps) console.log(`${step.what}\n  → ${JSON.stringify(step.answer)}`);
}

/** Exits with a message prefixed by the command's name. */
export function failWith(command: string): (message: string) => never {
  return (message) => {
    console.error(`${command}: ${message}`);
    process.exit(1);
  };
}
