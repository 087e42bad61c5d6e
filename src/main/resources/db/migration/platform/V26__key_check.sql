-- The field keys' check value (密钥校验值): written by the first instance to start, compared by every start after,
-- so that an instance with other keys refuses to start instead of sealing data no one else can open.
create table platform.key_check (
    id            int          primary key check (id = 1),
    index_probe   bytea        not null,
    sealed_probe  bytea        not null,
    created_at    timestamptz  not null default now()
);
do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        grant select, insert on platform.key_check to unionaid_app;
        revoke update, delete on platform.key_check from unionaid_app;
    end if;
end
$$;
