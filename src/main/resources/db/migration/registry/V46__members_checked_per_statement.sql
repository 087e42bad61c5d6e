-- A household's members (家庭成员) are checked against their household once per statement instead of once per row.
--
-- The foreign key from household_member.household_id checked each member on its own (a query per row: 2.2 s of the
-- 9 s that writing 306,000 members took, measured on the scale harness's register). One check per statement now looks
-- at the members the statement wrote and refuses them unless every household exists, which is the foreign key's rule.
-- The key's other half stays too: a household with members cannot be deleted, and the application's role may delete
-- no household at all (a household ends by 脱困 or 注销, never by deletion), so no deletion can race a member's write.
-- (The same change as V37 made for a run's entitlements.)
alter table registry.household_member drop constraint household_member_household_id_fkey;

create function registry.household_member_has_household() returns trigger
    language plpgsql set search_path = registry, pg_temp
as $$
declare
    stray bigint;
begin
    select w.household_id into stray
      from (select distinct household_id from written) w left join registry.household h on h.id = w.household_id
     where h.id is null
     limit 1;
    if found then
        raise exception 'household % does not exist', stray using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger household_member_added after insert on registry.household_member
    referencing new table as written for each statement execute function registry.household_member_has_household();
create trigger household_member_changed after update on registry.household_member
    referencing new table as written for each statement execute function registry.household_member_has_household();

create function registry.household_kept() returns trigger
    language plpgsql set search_path = registry, pg_temp
as $$
begin
    if exists (select 1 from registry.household_member m where m.household_id = old.id) then
        raise exception 'household % has members and is kept', old.id using errcode = '23503';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger household_kept before delete on registry.household
    for each row execute function registry.household_kept();
create trigger household_id_kept before update of id on registry.household
    for each row when (old.id is distinct from new.id) execute function registry.household_kept();

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke delete, truncate on registry.household from unionaid_app;
    end if;
end
$$;
