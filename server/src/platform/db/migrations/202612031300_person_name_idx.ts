import { sql, type Kysely } from 'kysely';

/** Finding a person by the name on their ID card (电子证书查询打印, and 专技人员信息查询 later) without a scan of everyone. */
export const up = async (db: Kysely<unknown>) => {
  await sql`create index person_name_idx on person (name)`.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop index person_name_idx`.execute(db);
};
