-- The role split for a PostgreSQL server of your own (DATABASE_URL deployments), as the embedded
-- database does it by itself. Run once as a superuser with psql, choosing your own passwords:
--   psql -v owner_password="'...'" -v app_password="'...'" -f server/sql/roles.sql postgres
-- then start the platform with
--   DATABASE_OWNER_URL=postgres://cep_owner:...@host/cep   (migrations only)
--   DATABASE_URL=postgres://cep_app:...@host/cep           (everything else)
-- At every start the platform migrates as cep_owner and grants cep_app what it needs (server/src/
-- platform/db/database.ts grantAppRole): rows of the business tables, appending to audit_log and
-- nothing else on it, no schema changes. docs/OPERATIONS.md explains why.

create role cep_owner login nosuperuser nocreatedb nocreaterole password :owner_password;
create role cep_app login nosuperuser nocreatedb nocreaterole password :app_password;
create database cep owner cep_owner;

\connect cep
-- Only the owner creates objects (pg_trgm is a trusted extension: the database owner may create it).
alter schema public owner to cep_owner;
revoke create on schema public from public;
