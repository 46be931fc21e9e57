import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { openDb, type Db } from '../../../server/db/db.js';

/*
 * On PostgreSQL, statements with parameters run as named prepared statements. A table that gains
 * a column under a running server (another process migrated) must not break its `SELECT *`.
 */
const url = process.env.DATABASE_URL;

describe('prepared statements (postgres)', { skip: url ? false : 'DATABASE_URL is not set' }, () => {
  const schema = `prep_${randomBytes(5).toString('hex')}`;
  let db: Db;
  let other: Db;
  before(async () => {
    // One connection: the second read runs where the first one was prepared.
    db = await openDb({ url: url!, schema, poolSize: 1 });
    other = await openDb({ url: url!, schema });
    await db.exec('CREATE TABLE things (id text PRIMARY KEY, a int NOT NULL)');
    await db.query('INSERT INTO things (id, a) VALUES ($1, $2)', ['x', 1]);
  });
  after(async () => {
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
    await other.close();
  });

  test('a SELECT * prepared before a new column still answers, with the column', async () => {
    const read = () => db.query<Record<string, unknown>>('SELECT * FROM things WHERE id = $1', ['x']);
    assert.deepEqual((await read()).rows, [{ id: 'x', a: 1 }]);
    await other.exec('ALTER TABLE things ADD COLUMN b int NOT NULL DEFAULT 2');
    assert.deepEqual((await read()).rows, [{ id: 'x', a: 1, b: 2 }]);
    assert.deepEqual((await read()).rows, [{ id: 'x', a: 1, b: 2 }], 'and again, prepared afresh');
  });
});
