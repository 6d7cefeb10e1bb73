import { sql, type Kysely } from 'kysely';

/** 基本信息修改: a new phone or e-mail is confirmed by a code sent to it, kept like the password-reset codes. */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    alter table verification_code drop constraint verification_code_purpose_check;
    alter table verification_code add constraint verification_code_purpose_check check (purpose in ('password_reset', 'contact_change'));
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`
    delete from verification_code where purpose = 'contact_change';
    alter table verification_code drop constraint verification_code_purpose_check;
    alter table verification_code add constraint verification_code_purpose_check check (purpose in ('password_reset'));
  `.execute(db);
};
