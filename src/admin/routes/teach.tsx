import type { Hono } from 'hono';
import { z } from 'zod';
import { taughtYaml } from '../../flows/taught';
import { forgetExample, taughtExamples, taughtKeys, teachExample, type TaughtExampleRow } from '../../store/index';
import { foldKey } from '../../text/fold';
import type { AdminDeps, AdminEnv } from '../deps';
import { messagePage } from '../pages/message';
import { href } from '../pages/href';
import { TeachPage, type TeachTarget } from '../pages/teach';
import { unrecognizedMessages } from '../reports/flows';
import { renderAdmin } from './render';

const LOOK_BACK_DAYS = 90;
const SHOWN = 50;
const NOT_FOR_SHOP = 'none';

const TeachForm = z.object({
  text: z.string().trim().min(1, 'thiếu câu khách nhắn').max(500, 'câu dài quá 500 ký tự'),
  target: z.string().regex(/^(flow:[a-z][a-z0-9_]*|faq:[a-z][a-z0-9_]*|none)$/, 'chọn một luồng, một câu trả lời hoặc "không phải việc của shop"'),
});

/**
 * "Dạy bot": the owner assigns what the bot did not understand to a flow, an FAQ entry or
 * "not for the shop". Node retrains at once (`deps.relearn`); on Workers the lessons wait in
 * D1 for the next bundle, exported as flows/taught/*.yaml.
 */
export function teachRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;

  app.get('/teach', async (c) => {
    const now = deps.clock();
    const range = { from: new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString(), to: now.toISOString() };
    const [{ groups }, taught, keys] = await Promise.all([unrecognizedMessages(db, range, SHOWN * 2), taughtExamples(db), taughtKeys(db)]);
    const targets = teachTargets(deps);
    const labelOf = new Map(targets.map((target) => [target.value, target.label]));
    return renderAdmin(
      c,
      deps,
      { title: 'Dạy bot', active: 'teach' },
      <TeachPage
        session={c.get('session')}
        unrecognized={groups.filter((group) => !keys.has(foldKey(group.text))).slice(0, SHOWN)}
        taught={taught.map((row) => ({ id: row.id, text: row.text, target: labelOf.get(targetOf(row)) ?? targetOf(row), createdAt: row.createdAt.slice(0, 10) }))}
        targets={targets}
        learnsAtOnce={deps.relearn !== undefined}
        notice={c.req.query('saved') === '1' ? (deps.relearn ? 'Đã lưu; bot đã học lại.' : 'Đã lưu; bot học ở lần triển khai tới.') : undefined}
      />,
    );
  });

  app.post('/teach', async (c) => {
    const form = TeachForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.html(messagePage('Chưa lưu được', `${form.error.issues.map((issue) => issue.message).join('; ')}. Quay lại và chọn lại.`), 400);
    const target = form.data.target;
    if (!teachTargets(deps).some((known) => known.value === target)) {
      return c.html(messagePage('Chưa lưu được', `Không có "${target}" trong các luồng và câu hỏi thường gặp hiện tại. Quay lại và chọn lại.`), 400);
    }
    const [kind, id] = target === NOT_FOR_SHOP ? [NOT_FOR_SHOP, null] : (target.split(':') as [string, string]);
    await teachExample(db, { text: form.data.text, flow: kind === 'flow' ? id : null, faq: kind === 'faq' ? id : null, now: deps.clock().toISOString() });
    await deps.relearn?.();
    return c.redirect(href('/teach?saved=1'), 303);
  });

  app.post('/teach/:id/remove', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) return c.html(messagePage('Không có câu này', 'Quay lại trang Dạy bot.'), 404);
    await forgetExample(db, id);
    await deps.relearn?.();
    return c.redirect(href('/teach?saved=1'), 303);
  });

  app.get('/teach/taught.yaml', async (c) => {
    const taught = await taughtExamples(db);
    c.header('Content-Disposition', 'attachment; filename="taught.yaml"');
    return c.body(taughtYaml([...taught].reverse()), 200, { 'Content-Type': 'text/yaml; charset=utf-8' });
  });
}

/** Flows customers reach by what they write, the FAQ entries, and "not for the shop". */
function teachTargets(deps: AdminDeps): TeachTarget[] {
  const flows = deps.flows();
  return [
    ...[...flows.flows.values()].filter((flow) => flow.intent !== undefined || flow.triggers.length > 0).map((flow) => ({ value: `flow:${flow.id}`, label: flow.title })),
    ...(flows.faq ?? []).map((entry) => ({ value: `faq:${entry.id}`, label: `Hỏi đáp: ${entry.questions[0]}` })),
    { value: NOT_FOR_SHOP, label: 'Không phải việc của shop' },
  ];
}

function targetOf(row: TaughtExampleRow): string {
  if (row.faq) return `faq:${row.faq}`;
  if (row.flow) return `flow:${row.flow}`;
  return NOT_FOR_SHOP;
}
