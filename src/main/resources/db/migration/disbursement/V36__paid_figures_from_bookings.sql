-- The paid figures of a booking decided from what it books and what is kept, instead of reading every ledger entry of
-- the items it names again (V29's paid_figures_refresh joined a statement's 800,000 items with the whole ledger: the
-- larger part of what keeping the figures added to a province's reconciliation).
--
-- PaidItems' definition, an item paid as of its program year's 31 December (YE): a PAYMENT on or before YE and no RETURN
-- on or before YE; on time when one of those payments lies in the program's window and is booked to its year. The ledger
-- only grows (append-only), so after a booking:
--   * an item with a RETURN on or before YE, booked now or before, is not paid;
--   * otherwise it is paid when it was kept as paid, or when the booking brings a PAYMENT on or before YE (an item not
--     kept and never returned had no such payment before);
--   * it is on time when it was kept on time or the booking brings a payment in the window (an item not kept as paid had
--     no payment on or before YE to be on time with).
-- So the booking's rows, the kept row and the item's returns (funds.ledger_entry_return_item, V35: returns are few) decide it. The full
-- definition (paid_figures_refresh) still serves a program whose window changes and the nightly check, which compares
-- everything with the ledger and so also watches over this reasoning.

-- What both deciders share: carries pg_temp.paid_change (one row per item whose state changes, with its differences) into
-- the kept items, programs and union-years, and answers how many items changed. It counts what each person a change
-- touches had before it (their paid items in the program, their paid programs in the union-year) and adds the change,
-- then writes the items: an index-only probe of rows written long ago (and vacuumed) answers from the index, one of
-- rows written moments before must visit each row's page, and a person paid for the first time has nothing to look at.
-- A province's statement touches 800,000 people; counted after writing, the probes were most of what the kept figures
-- cost its reconciliation (BENCHMARKS.md).
create function disbursement.paid_figures_apply() returns bigint
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    changed bigint;
begin
    select count(*) into changed from pg_temp.paid_change;
    if changed > 0 then
        analyze pg_temp.paid_change;
        -- Two bookings of one union-year at once would each count what a person had before the other's change and both
        -- add theirs (a person paid in two programs by two clerks at once counted twice); the second waits here until
        -- the first commits, and its counting statement then sees the first's items. (Keyed like Funds' source lock:
        -- the union, then the year.)
        perform pg_advisory_xact_lock(k.org_id::int, k.year)
           from (select distinct org_id, year from pg_temp.paid_change order by org_id, year) k;
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

create or replace function disbursement.paid_figures_refresh(items bigint[]) returns bigint
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    nestloop text := current_setting('enable_nestloop');
begin
    -- The items to look at, counted for the planner: one item of a hand booking is probed through the indexes, the
    -- 800,000 of a province's statement are joined by hashing (a nested loop over a misjudged set ran for minutes).
    create temporary table paid_touched on commit drop as select distinct t.id from unnest(items) as t(id);
    analyze pg_temp.paid_touched;
    if (select count(*) from pg_temp.paid_touched) > 10000 then
        perform set_config('enable_nestloop', 'off', true);
    end if;
    create temporary table paid_change on commit drop as
    with now_paid as (
        -- the definition (PaidItems.asOf at the program year's 31 December), item by item
        select i.id, i.program_id, p.org_id, p.year, i.subject_type, i.subject_id,
               bool_or(l.kind = 'PAYMENT' and l.year = p.year and l.entry_date between p.window_from and p.window_to) as on_time
          from pg_temp.paid_touched t join disbursement.batch_item i on i.id = t.id join policy.program p on p.id = i.program_id
          join funds.ledger_entry l on l.item_id = i.id and l.kind in ('PAYMENT', 'RETURN') and l.entry_date <= make_date(p.year, 12, 31)
         group by i.id, i.program_id, p.org_id, p.year, i.subject_type, i.subject_id
        having bool_or(l.kind = 'PAYMENT') and not bool_or(l.kind = 'RETURN')
    ), kept as (
        select k.item_id, k.program_id, k.org_id, k.year, k.subject_type, k.subject_id, k.on_time
          from pg_temp.paid_touched t join disbursement.paid_item k on k.item_id = t.id
    )
    select coalesce(n.id, k.item_id) as item_id, coalesce(n.program_id, k.program_id) as program_id,
           coalesce(n.org_id, k.org_id) as org_id, coalesce(n.year, k.year) as year,
           coalesce(n.subject_type, k.subject_type) as subject_type, coalesce(n.subject_id, k.subject_id) as subject_id,
           (n.id is not null)::int - (k.item_id is not null)::int as d_items,
           coalesce(n.on_time, false)::int - coalesce(k.on_time, false)::int as d_on_time,
           n.id is not null as paid_now, n.on_time
      from now_paid n full join kept k on k.item_id = n.id
     where n.id is null or k.item_id is null or n.on_time <> k.on_time;
    drop table pg_temp.paid_touched;
    perform set_config('enable_nestloop', nestloop, true);
    return disbursement.paid_figures_apply();
end
$$;

create or replace function disbursement.paid_figures_booked() returns trigger
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    nestloop text := current_setting('enable_nestloop');
begin
    if not exists (select 1 from added where item_id is not null and kind in ('PAYMENT', 'RETURN')) then
        return null;
    end if;
    -- A statement's 800,000 items are joined by hashing, one hand booking through the indexes.
    if (select count(*) from added where item_id is not null) > 10000 then
        perform set_config('enable_nestloop', 'off', true);
    end if;
    create temporary table paid_change on commit drop as
    with booked as (
        select i.id, i.program_id, p.org_id, p.year, i.subject_type, i.subject_id,
               bool_or(a.kind = 'PAYMENT' and a.entry_date <= make_date(p.year, 12, 31)) as paid,
               bool_or(a.kind = 'PAYMENT' and a.entry_date <= make_date(p.year, 12, 31) and a.year = p.year
                       and a.entry_date between p.window_from and p.window_to) as on_time,
               bool_or(a.kind = 'RETURN' and a.entry_date <= make_date(p.year, 12, 31)) as returned
          from added a join disbursement.batch_item i on i.id = a.item_id join policy.program p on p.id = i.program_id
         where a.kind in ('PAYMENT', 'RETURN')
         group by i.id, i.program_id, p.org_id, p.year, i.subject_type, i.subject_id
    ), decided as (
        select b.*, k.item_id is not null as was_paid, coalesce(k.on_time, false) as was_on_time,
               not b.returned and (k.item_id is not null or b.paid)
                   and not exists (select 1 from funds.ledger_entry r
                                    where r.kind = 'RETURN' and r.item_id = b.id and r.entry_date <= make_date(b.year, 12, 31)) as paid_now,
               coalesce(k.on_time, false) or b.on_time as on_time_now
          from booked b left join disbursement.paid_item k on k.item_id = b.id
    )
    select id as item_id, program_id, org_id, year, subject_type, subject_id,
           paid_now::int - was_paid::int as d_items,
           (paid_now and on_time_now)::int - was_on_time::int as d_on_time,
           paid_now, case when paid_now then on_time_now end as on_time
      from decided
     where paid_now <> was_paid or (paid_now and on_time_now <> was_on_time);
    perform set_config('enable_nestloop', nestloop, true);
    perform disbursement.paid_figures_apply();
    return null;
end
$$;

revoke execute on function disbursement.paid_figures_apply() from public;
do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        -- only the two deciders (running as the schema's owner) may apply a change; the application's role could
        -- otherwise hand it a temporary paid_change of its own making
        revoke execute on function disbursement.paid_figures_apply() from public, unionaid_app;
    end if;
end
$$;
