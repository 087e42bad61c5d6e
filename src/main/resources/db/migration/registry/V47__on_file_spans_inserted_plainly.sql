-- The people on file (V32) kept with a plain insert for the spans of archives that had none, instead of an insert that
-- looks for a conflict on every row: a province's first roster writes a span for each of its 1.5 million archives, and
-- the speculative insert took 1.36 s for 100,000 households' spans (BENCHMARKS.md). A kept span is updated as before.
-- Same definition (OnFile), same results; OnFileCounts.check still compares everything with the events every night.

create or replace function registry.on_file_refresh(archive_type varchar, ids bigint[]) returns bigint
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
            -- an archive without a kept span gets one (a plain insert: nothing else writes a span for an archive this
            -- transaction opens; two writers of one archive's first span fail on its key rather than count it twice)
            insert into registry.on_file_span (subject_type, subject_id, org_id, opened, ended)
            select archive_type, id, org_id, opened, ended from pg_temp.on_file_change where on_file and not was_kept order by id
        ), moved as (
            update registry.on_file_span s set org_id = c.org_id, opened = c.opened, ended = c.ended
              from pg_temp.on_file_change c
             where s.subject_type = archive_type and s.subject_id = c.id and c.on_file and c.was_kept
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
