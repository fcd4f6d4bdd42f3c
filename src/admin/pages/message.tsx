import { Document, renderPage } from './layout';

/** A page with one message and nothing else: refusals and errors, shown before any login. */
export function messagePage(title: string, text: string): string {
  return renderPage(
    <Document title={title}>
      <main class="login">
        <h1>{title}</h1>
        <p>{text}</p>
      </main>
    </Document>,
  );
}
