import { watch } from 'node:fs';
import { CompiledQuery } from 'kysely';
import { openSqliteStore } from '../../src/store/sqlite.node.ts';

/**
 * Run in a child process by tests/store/group-commit.test.ts, with SQLITE_TMPDIR pointing at
 * an empty folder (SQLite reads it once, when it starts): commits turns together, each
 * writing as many pages as a whole turn does, and prints how many files SQLite created in
 * that folder meanwhile. SQLite deletes its temporary files as it opens them, so the folder is
 * watched rather than listed.
 */
const [databasePath, tempFolder] = process.argv.slice(2) as [string, string];
let created = 0;
const watcher = watch(tempFolder, () => created++);
const store = openSqliteStore(databasePath);
await store.exec('CREATE TABLE pages (id INTEGER PRIMARY KEY, chat TEXT NOT NULL, body TEXT NOT NULL)');
// A savepoint journals the pages that existed before it, as a turn's index and table pages do: 400 rows of 3 KB, one page each.
const insert = store.sqlite.prepare('INSERT INTO pages (id, chat, body) VALUES (?, ?, ?)');
for (let id = 0; id < 400; id++) insert.run(id, `chat-${id % 10}`, 'x'.repeat(3000));
const update = (id: number) => CompiledQuery.raw('UPDATE pages SET body = ? WHERE id = ?', ['y'.repeat(3000), id]);
created = 0;
// Ten chats' turns ready at once, each rewriting 40 of those pages: over twice what SQLite keeps of a savepoint in memory before it spills.
await Promise.all(Array.from({ length: 10 }, (_, chat) => store.batch(Array.from({ length: 40 }, (_, i) => update(chat * 40 + i)))));
const stored = store.sqlite.prepare("SELECT count(*) AS n FROM pages WHERE body LIKE 'y%'").get() as { n: number };
await store.close();
// Watch events arrive after the writes that caused them.
await new Promise((resolve) => setTimeout(resolve, 200));
watcher.close();
console.log(JSON.stringify({ created, stored: stored.n }));
