/** One labelled customer message of the shipped corpus (`label<TAB>text` per line). */
export interface LabeledText {
  label: string;
  text: string;
  /** Where it came from, for error messages and `npm run nlu:test`'s misses. */
  file: string;
  line: number;
}

const LABEL = /^[a-z][a-z0-9_]{0,31}$/;

/** Parses a corpus file; every malformed line is reported as `file:line: what is wrong`. */
export function parseCorpus(file: string, text: string): { examples: LabeledText[]; problems: string[] } {
  const examples: LabeledText[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.startsWith('#')) return;
    const tab = raw.indexOf('\t');
    if (tab < 0) {
      problems.push(`${file}:${line}: expected "label<TAB>text", found no tab`);
      return;
    }
    const label = raw.slice(0, tab).trim();
    const message = raw.slice(tab + 1).trim();
    if (!LABEL.test(label)) problems.push(`${file}:${line}: "${label}" is not a label (lower-case letters, digits and _)`);
    else if (!message) problems.push(`${file}:${line}: the message after the label is empty`);
    else examples.push({ label, text: message, file, line });
  });
  return { examples, problems };
}
