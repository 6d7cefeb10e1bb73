import { sql, type Kysely } from 'kysely';

/**
 * The size of each reviewer org's to-do queue per permission, kind and credit year (0: none), so a queue view
 * sums a few counter rows instead of counting up to a million pending requests (issue 9).
 *
 * Kept by deferred triggers on `request`: they run at commit, in the transaction that moved the request, so the
 * counts are exactly the open requests once it commits. At commit the counter rows are the last locks a
 * transaction takes, and one event takes its rows in key order, so concurrent deciders queue on them only for
 * the commit itself and cannot deadlock on them.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table review_queue_count (
      reviewer_org_id uuid not null references org(id),
      permission text not null,
      kind text not null,
      credit_year int not null,
      open_count bigint not null,
      primary key (reviewer_org_id, permission, kind, credit_year)
    );

    insert into review_queue_count (reviewer_org_id, permission, kind, credit_year, open_count)
    select current_reviewer_org_id, current_permission, kind, coalesce(credit_year, 0), count(*)
    from request where status in ('pending', 'inReview')
    group by 1, 2, 3, 4;

    create function review_queue_count_apply() returns trigger language plpgsql as $$
    declare
      was_open boolean := tg_op <> 'INSERT' and old.status in ('pending', 'inReview');
      is_open boolean := tg_op <> 'DELETE' and new.status in ('pending', 'inReview');
    begin
      if was_open and is_open
        and old.current_reviewer_org_id = new.current_reviewer_org_id and old.current_permission = new.current_permission
        and old.kind = new.kind and coalesce(old.credit_year, 0) = coalesce(new.credit_year, 0) then
        return null;
      end if;
      insert into review_queue_count as c (reviewer_org_id, permission, kind, credit_year, open_count)
      select * from (
        select old.current_reviewer_org_id, old.current_permission, old.kind, coalesce(old.credit_year, 0), -1::bigint where was_open
        union all
        select new.current_reviewer_org_id, new.current_permission, new.kind, coalesce(new.credit_year, 0), 1::bigint where is_open
      ) as change (reviewer_org_id, permission, kind, credit_year, delta)
      order by 1, 2, 3, 4
      on conflict (reviewer_org_id, permission, kind, credit_year) do update set open_count = c.open_count + excluded.open_count;
      return null;
    end $$;

    create constraint trigger review_queue_count_on_insert after insert on request
      deferrable initially deferred for each row
      when (new.status in ('pending', 'inReview'))
      execute function review_queue_count_apply();
    create constraint trigger review_queue_count_on_update after update on request
      deferrable initially deferred for each row
      when (old.status is distinct from new.status
        or old.current_reviewer_org_id is distinct from new.current_reviewer_org_id
        or old.current_permission is distinct from new.current_permission
        or old.kind is distinct from new.kind
        or old.credit_year is distinct from new.credit_year)
      execute function review_queue_count_apply();
    create constraint trigger review_queue_count_on_delete after delete on request
      deferrable initially deferred for each row
      when (old.status in ('pending', 'inReview'))
      execute function review_queue_count_apply();
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table review_queue_count; drop function review_queue_count_apply() cascade`.execute(db);
};
