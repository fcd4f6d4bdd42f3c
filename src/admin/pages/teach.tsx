import type { FC } from 'hono/jsx';
import type { AdminSession } from '../auth/session';
import { href } from './href';

export interface TeachTarget {
  /** "flow:<id>", "faq:<id>" or "none" (not for the shop). */
  value: string;
  label: string;
}

export interface TeachPageProps {
  session: AdminSession;
  unrecognized: { text: string; times: number }[];
  taught: { id: number; text: string; target: string; createdAt: string }[];
  targets: TeachTarget[];
  /** Whether the bot learns at once (Node) or at the next deploy (Workers). */
  learnsAtOnce: boolean;
  notice?: string | undefined;
}

/** "Dạy bot": the messages the bot did not understand, each assignable to a flow, an FAQ answer or "not for the shop". */
export const TeachPage: FC<TeachPageProps> = ({ session, unrecognized, taught, targets, learnsAtOnce, notice }) => (
  <>
    <h1>Dạy bot hiểu khách</h1>
    {notice ? (
      <p class="banner ok" role="status">
        {notice}
      </p>
    ) : null}
    <p>
      Đây là những câu khách nhắn mà bot chưa hiểu (90 ngày gần nhất). Chọn luồng hoặc câu trả lời đúng cho mỗi câu, hoặc đánh dấu "không phải việc của shop".{' '}
      {learnsAtOnce
        ? 'Bot học lại ngay sau khi anh/chị bấm Lưu.'
        : 'Bot trên Cloudflare học các câu này ở lần triển khai tới (npm run deploy:cloudflare); tải tệp YAML bên dưới, đặt vào flows/taught/ rồi triển khai.'}
    </p>
    <h2>Câu bot chưa hiểu</h2>
    {unrecognized.length === 0 ? (
      <p>Chưa có câu nào bot chưa hiểu.</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th>Khách nhắn</th>
            <th>Số lần</th>
            <th>Dạy bot</th>
          </tr>
        </thead>
        <tbody>
          {unrecognized.map((row) => (
            <tr>
              <td>{row.text}</td>
              <td>{row.times}</td>
              <td>
                <form method="post" action={href('/teach')}>
                  <input type="hidden" name="_csrf" value={session.csrf} />
                  <input type="hidden" name="text" value={row.text} />
                  <select name="target" aria-label={`Câu "${row.text}" thuộc về`}>
                    {targets.map((target) => (
                      <option value={target.value}>{target.label}</option>
                    ))}
                  </select>{' '}
                  <button type="submit">Lưu</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2>Đã dạy</h2>
    <p>
      <a href={href('/teach/taught.yaml')}>Tải các câu đã dạy (YAML)</a>
    </p>
    {taught.length === 0 ? (
      <p>Chưa dạy câu nào.</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th>Khách nhắn</th>
            <th>Bot hiểu là</th>
            <th>Ngày dạy</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {taught.map((row) => (
            <tr>
              <td>{row.text}</td>
              <td>{row.target}</td>
              <td>{row.createdAt}</td>
              <td>
                <form method="post" action={href(`/teach/${row.id}/remove`)}>
                  <input type="hidden" name="_csrf" value={session.csrf} />
                  <button type="submit">Bỏ</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);
