import { sql, type Kysely } from 'kysely';

/**
 * The people a request credits besides its applicant: the attendees of a unit's or a provider's claim. They see it
 * in their own 申报进度查询 (read only: the org that filed it withdraws it). Existing unit claims are backfilled.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table request_participant (
      person_id uuid not null references person(id),
      request_id uuid not null references request(id),
      primary key (person_id, request_id)
    );
    create index request_participant_request_idx on request_participant (request_id);
    insert into request_participant (person_id, request_id)
      select distinct (x->>'personId')::uuid, r.id
      from request r cross join lateral jsonb_array_elements(r.payload->'attendees') as x
      where r.kind = 'claim.unit';
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table request_participant`.execute(db);
};
