-- A run's entitlements (核算结果) are written while the run is being computed and never afterwards.
--
-- The foreign key from entitlement.run_id checked each of a run's rows on its own (a query per row: 0.6 s of the
-- 1.1 s that writing 100,000 entitlements took). One check per statement now looks at the rows the statement wrote
-- and refuses them unless their run exists and is still RUNNING, which is the foreign key's rule and a stronger one:
-- a finished or refused run's rows can no longer be added to or changed, by the application or by hand. A run with
-- entitlements cannot be deleted (the foreign key's other half), and the application's role may delete neither.
alter table policy.entitlement drop constraint entitlement_run_id_fkey;

create function policy.entitlement_written_while_running() returns trigger
    language plpgsql set search_path = policy, pg_temp
as $$
declare
    stray bigint;
begin
    select w.run_id into stray
      from (select distinct run_id from written) w left join policy.entitlement_run r on r.id = w.run_id
     where r.id is null or r.status <> 'RUNNING'
     limit 1;
    if found then
        raise exception 'entitlements of run % can only be written while it is being computed', stray
            using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger entitlement_added_while_running after insert on policy.entitlement
    referencing new table as written for each statement execute function policy.entitlement_written_while_running();
create trigger entitlement_changed_while_running after update on policy.entitlement
    referencing new table as written for each statement execute function policy.entitlement_written_while_running();

create function policy.entitlement_run_kept() returns trigger
    language plpgsql set search_path = policy, pg_temp
as $$
begin
    if exists (select 1 from policy.entitlement e where e.run_id = old.id) then
        raise exception 'run % has entitlements and is kept', old.id using errcode = '23503';
    end if;
    return old;
end
$$;

create trigger entitlement_run_kept before delete on policy.entitlement_run
    for each row execute function policy.entitlement_run_kept();

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke delete, truncate on policy.entitlement, policy.entitlement_run from unionaid_app;
    end if;
end
$$;
