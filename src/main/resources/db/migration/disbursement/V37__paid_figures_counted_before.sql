-- The paid figures' last step counts what each person a change touches had before it (their paid items in the program,
-- their paid programs in the union-year) and adds the change, instead of counting after writing the new items (V36):
-- an index-only probe of rows written moments before must visit each row's page to see it, one of rows written long
-- ago (and vacuumed) need not, and a person paid for the first time has no rows to look at. A province's statement
-- touches 800,000 people; the probes were most of what the kept figures cost its reconciliation.
create or replace function disbursement.paid_figures_apply() returns bigint
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    changed bigint;
begin
    select count(*) into changed from pg_temp.paid_change;
    if changed > 0 then
        analyze pg_temp.paid_change;
        -- count what each changed person had before the change (rows written long ago, mostly all-visible, so the
        -- index answers alone), and add the change to it
        with pair_delta as (
            select program_id, org_id, year, subject_type, subject_id, sum(d_items) as d from pg_temp.paid_change
             group by program_id, org_id, year, subject_type, subject_id having sum(d_items) <> 0
        ), crossing as (
            -- a person who starts (+1) or stops (-1) counting as paid in a program
            select d.program_id, d.org_id, d.year, d.subject_type, d.subject_id,
                   case when n.items <= 0 and n.items + d.d > 0 then 1 when n.items > 0 and n.items + d.d <= 0 then -1 else 0 end as d_people
              from pair_delta d cross join lateral (
                       select count(*) as items from disbursement.paid_item k
                        where k.program_id = d.program_id and k.subject_type = d.subject_type and k.subject_id = d.subject_id) n
        ), program_people as (
            select program_id, sum(d_people) as d from crossing group by program_id
        ), program_delta as (
            select c.program_id, c.org_id, c.year, sum(c.d_items) as d_items, sum(c.d_on_time) as d_on_time
              from pg_temp.paid_change c group by c.program_id, c.org_id, c.year
        ), program as (
            insert into disbursement.paid_program as x (program_id, org_id, year, people, items, on_time)
            select d.program_id, d.org_id, d.year, coalesce(pp.d, 0), d.d_items, d.d_on_time
              from program_delta d left join program_people pp on pp.program_id = d.program_id order by d.program_id
            on conflict (program_id) do update
                set people = x.people + excluded.people, items = x.items + excluded.items, on_time = x.on_time + excluded.on_time
        ), subject_delta as (
            select org_id, year, subject_type, subject_id, sum(d_people) as d from crossing
             group by org_id, year, subject_type, subject_id having sum(d_people) <> 0
        ), year_delta as (
            -- a person who starts (+1) or stops (-1) counting as paid in any of the union-year's programs
            select s.org_id, s.year, s.subject_type,
                   sum(case when n.programs <= 0 and n.programs + s.d > 0 then 1
                            when n.programs > 0 and n.programs + s.d <= 0 then -1 else 0 end) as d
              from subject_delta s cross join lateral (
                       select count(distinct k.program_id) as programs from disbursement.paid_item k
                        where k.org_id = s.org_id and k.year = s.year and k.subject_type = s.subject_type and k.subject_id = s.subject_id) n
             group by s.org_id, s.year, s.subject_type
        )
        insert into disbursement.paid_year as x (org_id, year, subject_type, subjects)
        select org_id, year, subject_type, d from year_delta where d <> 0 order by org_id, year, subject_type
        on conflict (org_id, year, subject_type) do update set subjects = x.subjects + excluded.subjects;
        -- then the items themselves
        delete from disbursement.paid_item k using pg_temp.paid_change c where k.item_id = c.item_id and not c.paid_now;
        update disbursement.paid_item k set on_time = c.on_time from pg_temp.paid_change c
         where k.item_id = c.item_id and c.paid_now and c.d_items = 0;
        insert into disbursement.paid_item (item_id, program_id, org_id, year, subject_type, subject_id, on_time)
        select item_id, program_id, org_id, year, subject_type, subject_id, on_time from pg_temp.paid_change
         where paid_now and d_items = 1 order by item_id;
    end if;
    drop table pg_temp.paid_change;
    return changed;
end
$$;
