-- The application connects as unionaid_app, which owns nothing: it reads and writes rows but cannot alter a
-- table, switch a trigger off or change the audit log. Flyway migrates as the owner of the schema.
-- The embedded database creates the role by itself; on an external server the DBA creates it first
-- (see README, "External PostgreSQL"). Without the role this migration only says so.
do $$
begin
    if not exists (select from pg_roles where rolname = 'unionaid_app') then
        raise notice 'role unionaid_app does not exist: the application will run with the owner''s rights';
        return;
    end if;
    execute format('grant connect, temporary on database %I to unionaid_app', current_database());
    grant usage on schema public to unionaid_app;
    grant select, insert, update, delete on all tables in schema public to unionaid_app;
    grant usage, select, update on all sequences in schema public to unionaid_app;
    grant execute on all functions in schema public to unionaid_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to unionaid_app;
    alter default privileges in schema public grant usage, select, update on sequences to unionaid_app;
    -- The audit log is append-only for the application, whatever its triggers say.
    revoke update, delete, truncate on audit_log from unionaid_app;
    -- Flyway's own history is the owner's.
    revoke insert, update, delete on flyway_schema_history from unionaid_app;
end
$$;
