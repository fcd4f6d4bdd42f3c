/** Where the owner hears about orders and requests; null writes a log line instead. */
export interface OwnerChannel {
  channel: string;
  chatId: string;
}

/** Where owner notices go when no owner chat is configured: delivered as a log line. */
export const OWNER_LOG_CHANNEL = 'owner-log';
