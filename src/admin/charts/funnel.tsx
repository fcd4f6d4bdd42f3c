import type { FC } from 'hono/jsx';
import { formatCount, formatShare } from '../format';
import type { FunnelStep } from '../reports/flows';

const WIDTH = 360;
const ROW = 40;
const BAR_MAX = 200;

/**
 * A flow's steps top to bottom: a bar for the conversations that reached each step (share
 * of those that reached the start), and in red how many abandoned conversations stopped there.
 */
export const Funnel: FC<{ steps: readonly FunnelStep[]; start: string }> = ({ steps, start }) => {
  const base = steps.find((step) => step.step === start)?.reached || Math.max(0, ...steps.map((step) => step.reached));
  const largest = Math.max(1, ...steps.map((step) => step.reached));
  const summary = steps.map((step) => `${step.title}: ${step.reached}, bỏ dở ${step.abandonedHere}`).join('; ');
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${steps.length * ROW + 4}`} role="img" aria-label={`Số hội thoại tới từng bước: ${summary}`}>
      {steps.map((step, index) => {
        const y = index * ROW + 4;
        const width = (step.reached / largest) * BAR_MAX;
        return (
          <g>
            <text x={0} y={y + 12} font-size="12" fill={step.retired ? '#8a948f' : '#1d2521'}>
              <title>{`bước ${step.step}`}</title>
              {step.retired ? `${step.step} (không còn trong luồng)` : step.title}
            </text>
            <rect x={0} y={y + 17} width={BAR_MAX} height={14} rx={2} fill="#f0eee7" />
            <rect x={0} y={y + 17} width={Math.max(width, step.reached > 0 ? 2 : 0)} height={14} rx={2} fill={step.retired ? '#a9b3ae' : '#1f7a4d'} />
            <text x={BAR_MAX + 6} y={y + 29} font-size="11.5" fill="#1d2521">
              {formatCount(step.reached)} · {formatShare(base === 0 ? null : step.reached / base)}
            </text>
            {step.abandonedHere > 0 ? (
              <text x={WIDTH} y={y + 29} font-size="11.5" text-anchor="end" fill="#b3261e">
                −{formatCount(step.abandonedHere)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
};
