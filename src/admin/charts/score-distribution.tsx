import type { FC } from 'hono/jsx';
import { formatCount, formatShare } from '../format';
import { scoreColor } from './colors';

const WIDTH = 360;
const ROW = 26;
const LABEL = 34;
const BAR_MAX = 220;

/** How many customers gave 1 to 5 stars, as horizontal bars (5 stars on top). */
export const ScoreDistribution: FC<{ counts: readonly number[] }> = ({ counts }) => {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const largest = Math.max(1, ...counts);
  const rows = [5, 4, 3, 2, 1];
  const summary = rows.map((stars) => `${stars} sao: ${counts[stars - 1] ?? 0}`).join(', ');
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 4}`} role="img" aria-label={`Phân bố điểm: ${summary}`}>
      {rows.map((stars, index) => {
        const count = counts[stars - 1] ?? 0;
        const width = (count / largest) * BAR_MAX;
        const y = index * ROW + 4;
        return (
          <g>
            <text x={0} y={y + 14} font-size="13" fill="#1d2521">
              {stars} ★
            </text>
            <rect x={LABEL} y={y + 2} width={Math.max(width, count > 0 ? 2 : 0)} height={16} rx={3} fill={scoreColor(stars)} />
            <text x={LABEL + width + 6} y={y + 14} font-size="12" fill="#5f6b65">
              {formatCount(count)} · {formatShare(total === 0 ? null : count / total)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
