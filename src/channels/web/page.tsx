import type { FC } from 'hono/jsx';
import { CHAT_SCRIPT } from './chat-script';
import { CHAT_STYLE } from './chat-style';

export interface ChatPageProps {
  shopName: string;
  tagline?: string | undefined;
  placeholder: string;
  sendLabel: string;
  offlineText: string;
  /** The photo button's name for screen readers; without it the chat has no photo button. */
  photoLabel?: string | undefined;
}

/** The web chat: one page, no build step; it talks to /api/chat. */
export const ChatPage: FC<ChatPageProps> = ({ shopName, tagline, placeholder, sendLabel, offlineText, photoLabel }) => (
  <html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
      <meta name="theme-color" content="#1f7a4d" />
      <title>{shopName}</title>
      <style dangerouslySetInnerHTML={{ __html: CHAT_STYLE }} />
    </head>
    <body data-offline={offlineText}>
      <main class="chat">
        <header class="chat-header">
          <div class="avatar" aria-hidden="true">🌿</div>
          <div>
            <h1>{shopName}</h1>
            {tagline ? <p>{tagline}</p> : null}
          </div>
        </header>
        <section id="log" class="log" aria-live="polite" aria-label="Tin nhắn"></section>
        <form id="composer" class="composer" autocomplete="off">
          {photoLabel ? (
            <label class="photo-button" title={photoLabel}>
              <input id="photo" type="file" accept="image/*" aria-label={photoLabel} />
              <span aria-hidden="true">📷</span>
            </label>
          ) : null}
          <input id="text" name="text" type="text" maxlength={2000} placeholder={placeholder} aria-label={placeholder} enterkeyhint="send" />
          <button type="submit" aria-label={sendLabel}>
            {sendLabel}
          </button>
        </form>
      </main>
      <script dangerouslySetInnerHTML={{ __html: CHAT_SCRIPT }} />
    </body>
  </html>
);

export const chatPage = (props: ChatPageProps) => '<!doctype html>' + String(<ChatPage {...props} />);
