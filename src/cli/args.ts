/** The value after a flag such as `--flows DIR` or `--flows=DIR`, if given. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  const index = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (index === -1) return undefined;
  const arg = argv[index]!;
  return arg.includes('=') ? arg.slice(flag.length + 1) : argv[index + 1];
}

export function hasFlag(argv: readonly string[], flag: string): boolean {
  return argv.includes(flag);
}
