import { randomBytes } from 'node:crypto';
import type { Db } from './db/database';

/** The server-side HMAC secret, made once per database so that every process of a deployment shares it. */
export const ensureSecret = async (db: Db): Promise<string> => {
  await db
    .insertInto('platformSetting')
    .values({ key: 'hmac_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('platformSetting').select('value').where('key', '=', 'hmac_secret').executeTakeFirstOrThrow();
  return row.value;
};
