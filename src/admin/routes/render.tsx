import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AdminDeps, AdminEnv } from '../deps';
import { Layout, renderPage, type NavKey } from '../pages/layout';
import { formatLocalTime } from '../zoned-time';

/** A dashboard page inside the shared layout. */
export function renderAdmin(c: Context<AdminEnv>, deps: AdminDeps, page: { title: string; active: NavKey }, content: Child, status: 200 | 404 = 200) {
  const { shop } = deps.flows().shop;
  const refused = deps.flowStatus?.refusal;
  const refusedEdit = refused ? { at: formatLocalTime(refused.at, shop.timezone), edit: refused } : null;
  return c.html(
    renderPage(
      <Layout title={page.title} active={page.active} shopName={shop.name} session={c.get('session')} refusedEdit={refusedEdit}>
        {content}
      </Layout>,
    ),
    status,
  );
}

/** What the pages need to know about the shop's flows right now (they can be reloaded while running). */
export function shopView(deps: AdminDeps) {
  const flows = deps.flows();
  return {
    timeZone: flows.shop.shop.timezone,
    flowTitle: (id: string | null) => (id === null ? 'Chưa vào luồng nào' : (flows.flows.get(id)?.title ?? id)),
    flowList: [...flows.flows.values()].map((flow) => ({ id: flow.id, title: flow.title })),
    flows,
  };
}

/** Rows for one page plus one more: the extra row only says whether a next page exists. */
export function pageOf<T>(rows: T[], size: number): { rows: T[]; hasNext: boolean } {
  return { rows: rows.slice(0, size), hasNext: rows.length > size };
}

export const PAGE_SIZE = 50;
