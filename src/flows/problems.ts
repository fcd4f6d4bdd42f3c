/** One thing wrong (or doubtful) in a flow file, pointing at where the owner must look. */
export interface FlowProblem {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  /** Where inside the document, e.g. `steps.ask_phone.next`. */
  path: string;
  message: string;
}

export function formatProblem(problem: FlowProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const label = problem.severity === 'warning' ? 'cảnh báo' : 'lỗi';
  return `${where} ${problem.path || '(gốc)'}: ${label}: ${problem.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}
