import SQLite from 'better-sqlite3';
const raw = new SQLite('/tmp/x/bench.db');
const s = performance.now();
raw.exec(`DROP INDEX IF EXISTS events_steps; DROP INDEX IF EXISTS events_report; CREATE INDEX IF NOT EXISTS events_type_created ON events(type, created_at);
CREATE INDEX IF NOT EXISTS events_funnel ON events(flow, type, step, created_at, conversation_id); DROP INDEX IF EXISTS events_flow_type;`);
console.log('indexes', (performance.now() - s).toFixed(0));
