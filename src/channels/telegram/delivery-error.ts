import { GrammyError, HttpError } from 'grammy';
import { DeliveryError, RecipientUnreachable } from '../../conversation/inbound';

/**
 * What the outbox does with a failed Bot API call: 429 waits the `retry_after` Telegram asks
 * for; 403 (blocked, kicked, deactivated) never retries and the chat is given up; 5xx,
 * network errors and a revoked token retry with backoff; other refusals (400) never retry.
 */
export function deliveryErrorOf(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof GrammyError) {
    const what = `Telegram ${error.method} failed (${error.error_code}): ${error.description}`;
    const { retry_after: retryAfter, migrate_to_chat_id: newChatId } = error.parameters;
    if (error.error_code === 429) return new DeliveryError(what, 'later', retryAfter);
    if (error.error_code === 403) return new RecipientUnreachable(what);
    if (newChatId !== undefined) return new DeliveryError(`${what}: the group became a supergroup; set OWNER_TELEGRAM_CHAT_ID=${newChatId} and restart`, 'never');
    // A revoked token comes back only when the operator sets a new one: keep the message until then.
    if (error.error_code === 401 || error.error_code === 404) return new DeliveryError(`${what}: TELEGRAM_BOT_TOKEN is wrong or revoked; copy it again from @BotFather and restart`, 'later');
    if (error.error_code >= 500) return new DeliveryError(what, 'later');
    return new DeliveryError(what, 'never');
  }
  if (error instanceof HttpError) return new DeliveryError(`${error.message} (network)`, 'later');
  return new DeliveryError(error instanceof Error ? error.message : String(error), 'later');
}
