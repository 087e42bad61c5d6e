-- The people on file (在档人数) counted by day, kept as archives are opened, closed and transferred, so that the
-- year's coverage reads a few thousand rows instead of every archive and its events (OnFile's definition over a
-- province's 1.5 million archives took seconds per report).
--
-- OnFile: an archive is on file on a date when it was opened (建档) on or before it and no ending event (a model worker's
-- 死亡, 撤销荣誉 or 注销; a household's 脱困 or 注销) is dated on or before it. So each archive counts +1 from its first
-- 建档 date and -1 from its first ending date (or from its 建档 date, when it ended before it was opened), under the union
-- that holds it now. on_file_refresh evaluates that for the archives named and carries the differences into the day
-- counts; the events' trigger and the archives' transfer trigger call it, and OnFileCounts.check compares everything
-- with the events every night. The application's role reads these tables but cannot write them.
create table registry.on_file_span (
    subject_type varchar(20) not null,
    subject_id   bigint      not null,
    org_id       bigint      not null,
    opened       date        not null,
    ended        date,
    primary key (subject_type, subject_id)
);

create table registry.on_file_day (
    org_id       bigint      not null,
    subject_type varchar(20) not null,
    day          date        not null,
    delta        bigint      not null,
    primary key (org_id, subject_type, day)
);

create function registry.on_file_refresh(archive_type varchar, ids bigint[]) returns bigint
    language plpgsql security definer set search_path = registry, pg_temp
as $$
declare
    changed bigint;
begin
    create temporary table on_file_touched on commit drop as select distinct t.id from unnest(ids) as t(id);
    analyze pg_temp.on_file_touched;
    create temporary table on_file_change on commit drop as
    with archive as (
        select m.id, m.org_id from registry.model_worker m join pg_temp.on_file_touched t on t.id = m.id where archive_type = 'MODEL_WORKER'
        union all
        select h.id, h.org_id from registry.household h join pg_temp.on_file_touched t on t.id = h.id where archive_type = 'HOUSEHOLD'
    ), now_span as (
        select a.id, a.org_id, min(e.event_date) filter (where e.kind = 'OPENED') as opened,
               min(e.event_date) filter (where e.kind in ('DECEASED', 'HONOUR_REVOKED', 'CLOSED') and archive_type = 'MODEL_WORKER'
                                            or e.kind in ('LIFTED', 'CLOSED') and archive_type = 'HOUSEHOLD') as ended
          from archive a join registry.registry_event e on e.subject_type = archive_type and e.subject_id = a.id
         group by a.id, a.org_id
        having bool_or(e.kind = 'OPENED')
    ), kept as (
        select s.subject_id as id, s.org_id, s.opened, s.ended
          from registry.on_file_span s join pg_temp.on_file_touched t on t.id = s.subject_id where s.subject_type = archive_type
    )
    select coalesce(n.id, k.id) as id, n.id is not null as on_file, n.org_id, n.opened, n.ended,
           k.org_id as old_org_id, k.opened as old_opened, k.ended as old_ended, k.id is not null as was_kept
      from now_span n full join kept k on k.id = n.id
     where n.id is null or k.id is null or n.org_id <> k.org_id or n.opened <> k.opened
        or n.ended is distinct from k.ended;
    drop table pg_temp.on_file_touched;
    select count(*) into changed from pg_temp.on_file_change;
    if changed > 0 then
        analyze pg_temp.on_file_change;
        with gone as (
            delete from registry.on_file_span s using pg_temp.on_file_change c
             where s.subject_type = archive_type and s.subject_id = c.id and not c.on_file
        ), put as (
            insert into registry.on_file_span (subject_type, subject_id, org_id, opened, ended)
            select archive_type, id, org_id, opened, ended from pg_temp.on_file_change where on_file order by id
            on conflict (subject_type, subject_id) do update set org_id = excluded.org_id, opened = excluded.opened, ended = excluded.ended
        ), delta as (
            -- each archive's contribution, the new one added and the kept one taken away
            select org_id, opened as day, 1 as d from pg_temp.on_file_change where on_file
            union all
            select org_id, greatest(opened, ended), -1 from pg_temp.on_file_change where on_file and ended is not null
            union all
            select old_org_id, old_opened, -1 from pg_temp.on_file_change where was_kept
            union all
            select old_org_id, greatest(old_opened, old_ended), 1 from pg_temp.on_file_change where was_kept and old_ended is not null
        )
        insert into registry.on_file_day as x (org_id, subject_type, day, delta)
        select org_id, archive_type, day, sum(d) from delta group by org_id, day having sum(d) <> 0 order by org_id, day
        on conflict (org_id, subject_type, day) do update set delta = x.delta + excluded.delta;
    end if;
    drop table pg_temp.on_file_change;
    return changed;
end
$$;

create function registry.on_file_events() returns trigger
    language plpgsql security definer set search_path = registry, pg_temp
as $$
declare
    ids bigint[];
begin
    select array_agg(distinct subject_id) into ids from added where subject_type = 'MODEL_WORKER';
    if ids is not null then
        perform registry.on_file_refresh('MODEL_WORKER', ids);
    end if;
    select array_agg(distinct subject_id) into ids from added where subject_type = 'HOUSEHOLD';
    if ids is not null then
        perform registry.on_file_refresh('HOUSEHOLD', ids);
    end if;
    return null;
end
$$;

create trigger registry_event_on_file after insert on registry.registry_event
    referencing new table as added for each statement execute function registry.on_file_events();

-- A transfer (迁出/迁入) moves the archive's count to the union that holds it now.
create function registry.on_file_transferred() returns trigger
    language plpgsql security definer set search_path = registry, pg_temp
as $$
declare
    ids bigint[];
begin
    select array_agg(n.id) into ids from added n join removed o on o.id = n.id where o.org_id <> n.org_id;
    if ids is not null then
        perform registry.on_file_refresh(tg_argv[0], ids);
    end if;
    return null;
end
$$;

create trigger model_worker_on_file after update on registry.model_worker
    referencing old table as removed new table as added for each statement
    execute function registry.on_file_transferred('MODEL_WORKER');
create trigger household_on_file after update on registry.household
    referencing old table as removed new table as added for each statement
    execute function registry.on_file_transferred('HOUSEHOLD');

select registry.on_file_refresh('MODEL_WORKER', array(select id from registry.model_worker));
select registry.on_file_refresh('HOUSEHOLD', array(select id from registry.household));

create view registry.v_on_file_day as select * from registry.on_file_day;

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke insert, update, delete, truncate on registry.on_file_span, registry.on_file_day from unionaid_app;
        grant select on registry.on_file_span, registry.on_file_day, registry.v_on_file_day to unionaid_app;
    end if;
end
$$;

-- The nightly comparison (OnFileCounts.check): every archive of both kinds evaluated again from its events; answers how
-- many differed from what was kept (and were corrected).
create function registry.on_file_check() returns bigint
    language sql security definer set search_path = registry, pg_temp
as $$
    select registry.on_file_refresh('MODEL_WORKER', array(select id from registry.model_worker))
         + registry.on_file_refresh('HOUSEHOLD', array(select id from registry.household));
$$;
