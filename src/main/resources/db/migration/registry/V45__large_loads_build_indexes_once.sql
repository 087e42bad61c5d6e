-- A roster that adds more archives than the register holds (a province's first load) writes its rows without the
-- register's search indexes and builds each index once afterwards, instead of maintaining a dozen indexes row by row
-- (BENCHMARKS.md, "Large loads build the register's indexes once": 200,000 model workers into an empty register took
-- 11.8 s with their indexes maintained, 6.5 s written bare and indexed afterwards).
--
-- Only indexes that decide nothing are set aside: the keys and unique indexes (one archive per ID number, one open
-- household per member, one head per household, a union's household numbers) stay, so every rule they enforce holds
-- during the load. The table is locked for the rest of the transaction (others' reads of it wait until the load commits);
-- a table that others are using when the load would begin keeps its indexes.
-- The definitions are kept in registry.index_set_aside until they are built again; a transaction that would commit
-- with an index still set aside fails instead, so no commit can leave the register without an index.

create table registry.index_set_aside (
    index_name text primary key,
    table_name text not null,
    definition text not null
);

-- Answers how many indexes it set aside: none when the table stays in use by others for two seconds (their pages, or
-- another large load that would otherwise wait for this one while this one waits for it); the load then keeps the
-- indexes up row by row, as any other import does.
create function registry.set_aside_indexes(archive text) returns int
    language plpgsql security definer set search_path = registry, pg_temp set lock_timeout = '2s'
as $$
declare
    ix record;
    n int := 0;
begin
    if archive not in ('model_worker', 'household', 'household_member') then
        raise exception 'the indexes of % cannot be set aside', archive using errcode = '42501';
    end if;
    begin
        execute format('lock table registry.%I in access exclusive mode', archive);
    exception when lock_not_available or deadlock_detected then
        return 0;
    end;
    for ix in select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
                from pg_index i join pg_class c on c.oid = i.indexrelid
               where i.indrelid = format('registry.%I', archive)::regclass and not i.indisunique and not i.indisprimary
               order by c.relname
    loop
        insert into registry.index_set_aside (index_name, table_name, definition) values (ix.name, archive, ix.definition);
        execute format('drop index registry.%I', ix.name);
        n := n + 1;
    end loop;
    return n;
end
$$;

create function registry.restore_indexes() returns int
    language plpgsql security definer set search_path = registry, pg_temp
as $$
declare
    ix record;
    n int := 0;
    memory text := current_setting('maintenance_work_mem');
begin
    perform set_config('maintenance_work_mem', '256MB', true);
    for ix in delete from registry.index_set_aside returning definition loop
        execute ix.definition;
        n := n + 1;
    end loop;
    perform set_config('maintenance_work_mem', memory, true);
    return n;
end
$$;

create function registry.index_set_aside_restored() returns trigger
    language plpgsql security definer set search_path = registry, pg_temp
as $$
begin
    if exists (select 1 from registry.index_set_aside where index_name = new.index_name) then
        raise exception 'index % of registry.% was set aside and not built again', new.index_name, new.table_name
            using errcode = '55000';
    end if;
    return null;
end
$$;

create constraint trigger index_set_aside_restored after insert on registry.index_set_aside
    deferrable initially deferred for each row execute function registry.index_set_aside_restored();

-- Only the application sets indexes aside (and the owner, who may anyway); no other role of the database may.
revoke execute on function registry.set_aside_indexes(text), registry.restore_indexes() from public;
do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke insert, update, delete, truncate on registry.index_set_aside from unionaid_app;
        grant execute on function registry.set_aside_indexes(text), registry.restore_indexes() to unionaid_app;
    end if;
end
$$;
