import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failureText, inputText, replayStory, type StoryReplay } from '../engine/index';
import { formatProblem, loadFlows, type FlowProblem } from '../flows/index';
import { readFlowDir } from '../flows/flow-dir.node.ts';
import { readTaughtDir } from '../flows/taught-dir.node.ts';
import { trainedEngine } from '../runtime.node.ts';
import { loadStories, type Story } from '../flows/story-schema';
import { flagValue, hasFlag } from './args';

/**
 * `npm run flows:test [-- --flows DIR] [--file FILE] [--json]`: replays every conversation story in
 * `<flows>/tests/` through the engine; prints each failing story with its file:line and exits 1.
 */
const dir = flagValue(process.argv, '--flows') ?? process.env.FLOWS_DIR ?? 'flows';
const onlyFile = flagValue(process.argv, '--file');
const json = hasFlag(process.argv, '--json');

const loaded = loadFlows(await readFlowDir(dir));
if (!loaded.ok) {
  for (const error of loaded.errors) console.error(formatProblem(error));
  console.error(`\n${loaded.errors.length} lỗi trong ${dir}/ — sửa các tệp luồng trước (npm run flows:check), rồi chạy lại câu chuyện.`);
  process.exit(1);
}
const flows = loaded.flows;

const storyDir = join(dir, 'tests');
const paths = onlyFile ? [onlyFile] : await storyFiles(storyDir);
const problems: FlowProblem[] = [];
const stories: Story[] = [];
for (const path of paths) {
  const load = loadStories({ path, text: await readStoryFile(path) }, flows);
  problems.push(...load.problems);
  stories.push(...load.stories);
}

// The engine as the shop runs it: understanding trained on the shipped corpus, not on the triggers alone.
const engine = await trainedEngine(flows, await readTaughtDir(dir));
const replays = stories.map((story) => replayStory(engine, story));
// A story marked known_gap is shown, not counted against the run; one that passes again is said so, so its mark goes.
const gaps = replays.filter((replay) => !replay.passed && replay.story.knownGap !== null);
const closedGaps = replays.filter((replay) => replay.passed && replay.story.knownGap !== null);
const failed = replays.filter((replay) => !replay.passed && replay.story.knownGap === null);
const passedCount = replays.filter((replay) => replay.passed).length;

if (json) {
  console.log(JSON.stringify({ passed: passedCount, failed: failed.length, known_gaps: gaps.length, problems: problems.map(formatProblem), stories: replays.map(storyJson) }, null, 2));
} else {
  for (const problem of problems) console.error(formatProblem(problem));
  for (const replay of failed) console.log(`${failureText(replay)}\n`);
  for (const replay of gaps) console.log(`(chỗ bot còn thiếu: ${replay.story.knownGap})\n${failureText(replay)}\n`);
  for (const replay of closedGaps) console.log(`✓ ${replay.story.file}:${replay.story.line} "${replay.story.name}" đã đạt: bỏ known_gap của câu chuyện này đi.`);
  console.log(`${passedCount} passed, ${failed.length} failed${gaps.length > 0 ? `, ${gaps.length} known gaps` : ''}`);
  if (problems.length > 0) console.log(`${problems.length} lỗi trong tệp câu chuyện: các câu chuyện của tệp đó chưa được chạy.`);
  if (paths.length === 0) console.log(`chưa có tệp câu chuyện nào trong ${storyDir}/ (xem docs/huong-dan-chu-shop.md, phần "Câu chuyện kiểm thử").`);
}
// exitCode, not exit(): a long report written to a pipe must be flushed before the process ends.
process.exitCode = failed.length > 0 || problems.length > 0 ? 1 : 0;

async function storyFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder);
    return names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(folder, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readStoryFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    console.error(`không đọc được tệp câu chuyện "${path}": ${(error as Error).message}`);
    process.exit(1);
  }
}

function storyJson(replay: StoryReplay) {
  const { story, failedTurn } = replay;
  return {
    file: story.file,
    line: story.line,
    name: story.name,
    passed: replay.passed,
    questions: replay.questions,
    failedTurn: failedTurn && {
      turn: failedTurn.index + 1,
      line: failedTurn.turn.line,
      input: inputText(failedTurn.turn.input),
      differences: failedTurn.differences,
      replies: failedTurn.observed?.replies ?? [],
      buttons: failedTurn.observed?.buttons ?? [],
      flow: failedTurn.observed?.state.flow ?? null,
      step: failedTurn.observed?.state.step ?? null,
    },
    differences: replay.differences,
  };
}
