import { ADMIN_BASE } from '../deps';

/** A dashboard link with its query, leaving out empty values so links stay short and readable. */
export function href(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const search = query.toString();
  return `${ADMIN_BASE}${path}${search ? `?${search}` : ''}`;
}

export const conversationHref = (id: string) => href(`/conversations/${encodeURIComponent(id)}`);
export const customerHref = (id: string) => href(`/customers/${encodeURIComponent(id)}`);
export const orderHref = (code: string) => href('/orders', { q: code });
