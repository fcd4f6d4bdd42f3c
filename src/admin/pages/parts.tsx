import type { FC } from 'hono/jsx';
import { PERIOD_LABELS, periodParams, type Period } from '../period';
import { href } from './href';

/** Today / 7 days / 30 days, and a custom range; plain links and a GET form, no script. */
export const PeriodPicker: FC<{ path: string; period: Period; problem?: string | undefined }> = ({ path, period, problem }) => (
  <div>
    <div class="periods">
      {(Object.keys(PERIOD_LABELS) as (keyof typeof PERIOD_LABELS)[]).map((key) => (
        <a href={href(path, { period: key })} class={period.key === key ? 'active' : undefined}>
          {PERIOD_LABELS[key]}
        </a>
      ))}
      <form method="get" action={href(path)}>
        <input type="hidden" name="period" value="custom" />
        <input type="date" name="from" value={period.firstDay} aria-label="Từ ngày" />
        <span class="muted">–</span>
        <input type="date" name="to" value={period.lastDay} aria-label="Đến ngày" />
        <button type="submit" class={period.key === 'custom' ? undefined : 'secondary'}>
          Xem
        </button>
      </form>
    </div>
    {problem ? <p class="banner error">{problem}</p> : null}
  </div>
);

export const Stars: FC<{ score: number | null }> = ({ score }) =>
  score === null ? (
    <span class="muted">–</span>
  ) : (
    <span class="stars" title={`${score}/5`} aria-label={`${score} trên 5 sao`}>
      {'★'.repeat(score)}
      <span class="muted">{'☆'.repeat(Math.max(0, 5 - score))}</span>
    </span>
  );

export const Badge: FC<{ value: string | null; labels: Record<string, string> }> = ({ value, labels }) =>
  value === null ? <span class="muted">–</span> : <span class={`badge ${value}`}>{labels[value] ?? value}</span>;

/** Previous / next page links; `hasNext` comes from fetching one row more than shown. */
export const Pager: FC<{ path: string; params: Record<string, string | undefined>; page: number; hasNext: boolean }> = ({ path, params, page, hasNext }) =>
  page === 1 && !hasNext ? null : (
    <nav class="pager" aria-label="Trang">
      {page > 1 ? <a href={href(path, { ...params, page: page - 1 })}>← Trang trước</a> : null}
      <span class="muted">Trang {page}</span>
      {hasNext ? <a href={href(path, { ...params, page: page + 1 })}>Trang sau →</a> : null}
    </nav>
  );

export const Options: FC<{ values: readonly string[]; labels: Record<string, string>; selected: string | undefined; all: string }> = ({ values, labels, selected, all }) => (
  <>
    <option value="">{all}</option>
    {values.map((value) => (
      <option value={value} selected={value === selected}>
        {labels[value] ?? value}
      </option>
    ))}
  </>
);

export function periodLink(path: string, period: Period, extra: Record<string, string> = {}): string {
  return href(path, { ...periodParams(period), ...extra });
}

/** The conversations of a period: the list filters by local days, so the period is passed as its first and last day. */
export function conversationsLink(period: Period, extra: Record<string, string> = {}): string {
  return href('/conversations', { from: period.firstDay, to: period.lastDay, ...extra });
}

/** The "from"/"to" date filters every list page has. */
export const DateRangeFields: FC<{ from: string | undefined; to: string | undefined }> = ({ from, to }) => (
  <>
    <label>
      Từ ngày
      <input type="date" name="from" value={from ?? ''} />
    </label>
    <label>
      Đến ngày
      <input type="date" name="to" value={to ?? ''} />
    </label>
  </>
);
