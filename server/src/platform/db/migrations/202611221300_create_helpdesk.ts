import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table kb_entry (
      id text primary key,
      profile text not null,
      title text not null,
      answer text not null,
      variants text[] not null default '{}',
      topic text not null,
      roles text[] not null default '{}',
      handoff boolean not null default false,
      status text not null check (status in ('active','retired')),
      version integer not null default 1,
      updated_at timestamptz not null,
      updated_by uuid references person(id)
    );
    create index kb_entry_profile_idx on kb_entry (profile, status, topic);
    create index kb_entry_title_trgm_idx on kb_entry using gin (title gin_trgm_ops);
    create table kb_entry_revision (
      id bigserial primary key,
      entry_id text not null references kb_entry(id),
      action text not null check (action in ('import','create','edit','retire','restore')),
      old_content jsonb,
      new_content jsonb not null,
      by_person_id uuid references person(id),
      by_org_id uuid references org(id),
      at timestamptz not null
    );
    create index kb_entry_revision_entry_idx on kb_entry_revision (entry_id, id);
    create table helpdesk_ask (
      id uuid primary key default gen_random_uuid(),
      question text not null,
      role text,
      conversation_id text,
      answer_id text,
      confidence real not null,
      handoff boolean not null,
      helpful boolean,
      asked_at timestamptz not null,
      feedback_at timestamptz
    );
    create index helpdesk_ask_at_idx on helpdesk_ask (asked_at);
    create sequence helpdesk_ticket_seq;
    create table helpdesk_ticket (
      id uuid primary key default gen_random_uuid(),
      ticket_no text not null unique,
      access_code_hash text not null,
      question text not null,
      conversation jsonb not null,
      contact_name text not null,
      contact_phone text,
      contact_email text,
      person_id uuid references person(id),
      account_id uuid references account(id),
      status text not null check (status in ('open','answered','closed')),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      closed_at timestamptz
    );
    create index helpdesk_ticket_status_idx on helpdesk_ticket (status, created_at);
    create index helpdesk_ticket_person_idx on helpdesk_ticket (person_id, created_at);
    create table helpdesk_ticket_reply (
      id bigserial primary key,
      ticket_id uuid not null references helpdesk_ticket(id),
      body text not null,
      by_person_id uuid not null references person(id),
      at timestamptz not null
    );
    create index helpdesk_ticket_reply_ticket_idx on helpdesk_ticket_reply (ticket_id, id);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table helpdesk_ticket_reply, helpdesk_ticket, helpdesk_ask, kb_entry_revision, kb_entry;
    drop sequence helpdesk_ticket_seq`.execute(db);
};
