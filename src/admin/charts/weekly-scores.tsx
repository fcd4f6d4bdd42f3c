import type { FC } from 'hono/jsx';
import { formatCount, formatScore } from '../format';
import type { WeekScores } from '../reports/satisfaction';
import { scoreColor } from './colors';

const WIDTH = 360;
const HEIGHT = 200;
const LEFT = 16;
const TOP = 16;
const BOTTOM = 36;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

/** Average score week by week (bars on a 0–5 scale), with how many customers answered under each. */
export const WeeklyScores: FC<{ weeks: readonly WeekScores[] }> = ({ weeks }) => {
  const column = (WIDTH - LEFT) / Math.max(1, weeks.length);
  const y = (score: number) => TOP + PLOT_HEIGHT - (score / 5) * PLOT_HEIGHT;
  const summary = weeks.map((week) => `tuần ${shortDay(week.week)}: ${formatScore(week.average)} (${week.scored} lượt)`).join('; ');
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Điểm hài lòng theo tuần: ${summary}`}>
      {[1, 2, 3, 4, 5].map((score) => (
        <g>
          <line x1={LEFT} x2={WIDTH} y1={y(score)} y2={y(score)} stroke="#e2ded3" stroke-width="0.6" />
          <text x={LEFT - 5} y={y(score) + 3} font-size="10" text-anchor="end" fill="#5f6b65">
            {score}
          </text>
        </g>
      ))}
      {weeks.map((week, index) => {
        const x = LEFT + index * column;
        const barWidth = column * 0.62;
        const barX = x + (column - barWidth) / 2;
        const centre = x + column / 2;
        return (
          <g>
            <title>{`Tuần từ ${shortDay(week.week)}: ${formatScore(week.average)} điểm, ${formatCount(week.scored)} lượt chấm, ${formatCount(week.low)} điểm thấp`}</title>
            {week.average === null ? null : (
              <>
                <rect x={barX} y={y(week.average)} width={barWidth} height={TOP + PLOT_HEIGHT - y(week.average)} rx={2} fill={scoreColor(week.average)} />
                <text x={centre} y={y(week.average) - 3} font-size="9.5" text-anchor="middle" fill="#1d2521">
                  {formatScore(week.average)}
                </text>
              </>
            )}
            <text x={centre} y={HEIGHT - BOTTOM + 13} font-size="9" text-anchor="middle" fill="#1d2521">
              {shortDay(week.week)}
            </text>
            <text x={centre} y={HEIGHT - BOTTOM + 26} font-size="8.5" text-anchor="middle" fill="#5f6b65">
              {week.scored === 0 ? '–' : formatCount(week.scored)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

function shortDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}
