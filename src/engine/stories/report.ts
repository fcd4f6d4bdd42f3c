import type { StoryInput } from '../../flows/story-schema';
import type { Difference } from './compare';
import type { StoryReplay } from './replay';

/** A failing story for the owner: where it is written, the first turn that differs, expected vs got. */
export function failureText(replay: StoryReplay): string {
  const { story, failedTurn } = replay;
  const lines = [`✗ ${story.file}:${story.line}  ${story.name}`];
  if (failedTurn) {
    lines.push(`  lượt ${failedTurn.index + 1} (${story.file}:${failedTurn.turn.line}): ${inputText(failedTurn.turn.input)}`);
    lines.push(...failedTurn.differences.map(differenceText));
    const observed = failedTurn.observed;
    if (observed) {
      const said = observed.replies.filter((text) => text.length > 0);
      lines.push(said.length > 0 ? '    bot đã nói:' : '    bot không nói gì');
      for (const text of said) lines.push(...text.split('\n').map((line) => `      | ${line}`));
      if (observed.buttons.length > 0) lines.push(`    nút: ${observed.buttons.map((label) => `[${label}]`).join(' ')}`);
      lines.push(`    đang ở: luồng ${observed.state.flow ?? '(không có)'}, bước ${observed.state.step ?? '(không có)'}`);
    }
  }
  lines.push(...replay.differences.map(differenceText));
  return lines.join('\n');
}

export function inputText(input: StoryInput): string {
  switch (input.kind) {
    case 'say':
      return `khách nhắn "${input.text}"`;
    case 'tap':
      return `khách bấm nút "${input.label}"`;
    case 'share_phone':
      return 'khách gửi số điện thoại (chia sẻ liên hệ)';
    case 'photo':
      return 'khách gửi ảnh';
    case 'wait_minutes':
      return `khách im lặng ${input.minutes} phút`;
    case 'handback':
      return 'chủ shop trả khách lại cho bot';
    case 'scheduled':
      return `bot tự nhắn trước (luồng "${input.flow}")`;
  }
}

function differenceText(difference: Difference): string {
  return `    • ${difference.what}: cần ${difference.expected} — thực tế: ${difference.got}`;
}
