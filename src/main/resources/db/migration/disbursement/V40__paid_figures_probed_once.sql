-- The paid figures of a province's statement kept in less time (BENCHMARKS.md, at 1,000,000 model workers: keeping them
-- took 32 s of the 49 s it took to book a statement's 1.6 million ledger entries, 24 s of 37 s with this). Same
-- definition (PaidItems, V36), same results; what changed is how the two functions look things up:
--   * paid_figures_booked hashed the whole of batch_item (5.8 million rows, spilled to disk in 64 batches) to find the
--     800,000 items a statement names, and probed each item's returns five times (the expression was written out in
--     the filter and in the result). It now finds each item by its key, in the order of the booking, and probes its
--     returns once.
--   * paid_figures_apply counted, for each person whose state changes, the programs they were paid in with
--     count(distinct), which sets up a sort for every person (9 µs each). Whether a person starts counting only needs
--     to know whether they were paid in anything before (one index probe); the count is taken only for the few who
--     may stop counting (a return).
--   * Both sort and hash in memory (work_mem for the transaction, restored afterwards) and write the kept items in
--     the order of the people they belong to, which is the order of two of paid_item's three indexes.

create or replace function disbursement.paid_figures_apply() returns bigint
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    changed bigint;
    memory text := current_setting('work_mem');
begin
    select count(*) into changed from pg_temp.paid_change;
    if changed > 0 then
        analyze pg_temp.paid_change;
        perform set_config('work_mem', '256MB', true);
        -- Two bookings of one union-year at once would each count what a person had before the other's change and both
        -- add theirs (a person paid in two programs by two clerks at once counted twice); the second waits here until
        -- the first commits, and its counting statement then sees the first's items. (Keyed like Funds' source lock:
        -- the union, then the year.)
        perform pg_advisory_xact_lock(k.org_id::int, k.year)
           from (select distinct org_id, year from pg_temp.paid_change order by org_id, year) k;
        -- what each changed person had before the change (rows written long ago, mostly all-visible, so the index
        -- answers alone), and the change added to it
        with pair_delta as (
            select program_id, org_id, year, subject_type, subject_id, sum(d_items) as d from pg_temp.paid_change
             group by program_id, org_id, year, subject_type, subject_id having sum(d_items) <> 0
             order by program_id, subject_type, subject_id
        ), crossing as materialized (
            -- a person who starts (+1) or stops (-1) counting as paid in a program: one who gains items starts if they
            -- had none; one who loses items stops if that leaves none
            select d.program_id, d.org_id, d.year, d.subject_type, d.subject_id,
                   case when d.d > 0 then
                            case when (select true from disbursement.paid_item k where k.program_id = d.program_id
                                          and k.subject_type = d.subject_type and k.subject_id = d.subject_id limit 1)
                                 then 0 else 1 end
                        else
                            (select case when count(*) > 0 and count(*) + d.d <= 0 then -1 else 0 end
                               from disbursement.paid_item k where k.program_id = d.program_id
                                and k.subject_type = d.subject_type and k.subject_id = d.subject_id)
                   end as d_people
              from pair_delta d
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
             order by org_id, year, subject_type, subject_id
        ), subject_crossing as materialized (
            -- a person who starts (+1) or stops (-1) counting as paid in any of the union-year's programs: one who starts
            -- in programs starts if they were paid in none; one who stops in programs stops if that leaves none
            select s.org_id, s.year, s.subject_type,
                   case when s.d > 0 then
                                case when (select true from disbursement.paid_item k where k.org_id = s.org_id and k.year = s.year
                                              and k.subject_type = s.subject_type and k.subject_id = s.subject_id limit 1)
                                     then 0 else 1 end
                            else
                                (select case when count(distinct k.program_id) > 0 and count(distinct k.program_id) + s.d <= 0
                                             then -1 else 0 end
                                   from disbursement.paid_item k where k.org_id = s.org_id and k.year = s.year
                                    and k.subject_type = s.subject_type and k.subject_id = s.subject_id)
                   end as d
              from subject_delta s
        ), year_delta as (
            select org_id, year, subject_type, sum(d) as d from subject_crossing group by org_id, year, subject_type
        )
        insert into disbursement.paid_year as x (org_id, year, subject_type, subjects)
        select org_id, year, subject_type, d from year_delta where d <> 0 order by org_id, year, subject_type
        on conflict (org_id, year, subject_type) do update set subjects = x.subjects + excluded.subjects;
        -- then the items themselves, in the order of the people they belong to
        delete from disbursement.paid_item k using pg_temp.paid_change c where k.item_id = c.item_id and not c.paid_now;
        update disbursement.paid_item k set on_time = c.on_time from pg_temp.paid_change c
         where k.item_id = c.item_id and c.paid_now and c.d_items = 0;
        insert into disbursement.paid_item (item_id, program_id, org_id, year, subject_type, subject_id, on_time)
        select item_id, program_id, org_id, year, subject_type, subject_id, on_time from pg_temp.paid_change
         where paid_now and d_items = 1 order by org_id, year, subject_type, subject_id, program_id, item_id;
        perform set_config('work_mem', memory, true);
    end if;
    drop table pg_temp.paid_change;
    return changed;
end
$$;

create or replace function disbursement.paid_figures_booked() returns trigger
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    memory text := current_setting('work_mem');
begin
    if not exists (select 1 from added where item_id is not null and kind in ('PAYMENT', 'RETURN')) then
        return null;
    end if;
    perform set_config('work_mem', '256MB', true);
    -- Each booked item found by its key (a statement books a batch's items in the batch's order, so the probes walk the
    -- key and the table forward), its returns probed once.
    create temporary table paid_change on commit drop as
    with booked as (
        select i.id, i.program_id, p.org_id, p.year, i.subject_type, i.subject_id,
               bool_or(a.kind = 'PAYMENT' and a.entry_date <= make_date(p.year, 12, 31)) as paid,
               bool_or(a.kind = 'PAYMENT' and a.entry_date <= make_date(p.year, 12, 31) and a.year = p.year
                       and a.entry_date between p.window_from and p.window_to) as on_time,
               bool_or(a.kind = 'RETURN' and a.entry_date <= make_date(p.year, 12, 31)) as returned
          from added a cross join lateral (select i.id, i.program_id, i.subject_type, i.subject_id from disbursement.batch_item i
                                            where i.id = a.item_id limit 1) i
          join policy.program p on p.id = i.program_id
         where a.kind in ('PAYMENT', 'RETURN')
         group by i.id, i.program_id, p.org_id, p.year, i.subject_type, i.subject_id
    ), known as materialized (
        select b.*, k.item_id is not null as was_paid, coalesce(k.on_time, false) as was_on_time,
               exists (select 1 from funds.ledger_entry r
                        where r.kind = 'RETURN' and r.item_id = b.id and r.entry_date <= make_date(b.year, 12, 31)) as returned_before
          from booked b left join lateral (select k.item_id, k.on_time from disbursement.paid_item k where k.item_id = b.id limit 1) k on true
    ), decided as (
        select k.*, not k.returned and not k.returned_before and (k.was_paid or k.paid) as paid_now,
               k.was_on_time or k.on_time as on_time_now
          from known k
    )
    select id as item_id, program_id, org_id, year, subject_type, subject_id,
           paid_now::int - was_paid::int as d_items,
           (paid_now and on_time_now)::int - was_on_time::int as d_on_time,
           paid_now, case when paid_now then on_time_now end as on_time
      from decided
     where paid_now <> was_paid or (paid_now and on_time_now <> was_on_time);
    perform set_config('work_mem', memory, true);
    perform disbursement.paid_figures_apply();
    return null;
end
$$;

revoke execute on function disbursement.paid_figures_apply() from public;
do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke execute on function disbursement.paid_figures_apply() from public, unionaid_app;
    end if;
end
$$;
