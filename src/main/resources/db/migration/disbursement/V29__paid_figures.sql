-- The year's paid figures, kept as payments and returns are booked (已支付口径的维护): the items paid as of their
-- program year's 31 December (PaidItems: a PAYMENT on or before it and no RETURN on or before it), and counted by
-- program and by union-year, so that the report, the dashboard and the roll-up read a few hundred rows
-- instead of joining a province's millions of items with their ledger entries (the scale harness: minutes).
--
-- One definition, one implementation: paid_figures_refresh(items) recomputes the given items from the ledger by that
-- definition, compares them with what is kept, and carries only the differences up the counts. The ledger's trigger
-- calls it for the items a booking names; a program whose window changes is refreshed whole; the nightly check refreshes
-- everything and reports any difference it had to carry (there should be none). The application's role reads these
-- tables but cannot write them: only these functions (security definer, owned by the schema's owner) do.

-- Each item paid as of its program year's 31 December, and whether a payment fell in the program's window (按时).
-- Its two indexes answer "how many paid items has this person in this program" and "in how many of the union-year's
-- programs was this person paid", which is all the counts above it need to know when a person starts or stops counting.
create table disbursement.paid_item (
    item_id      bigint primary key,
    program_id   bigint      not null,
    org_id       bigint      not null,
    year         int         not null,
    subject_type varchar(20) not null,
    subject_id   bigint      not null,
    on_time      boolean     not null
);
create index paid_item_pair on disbursement.paid_item (program_id, subject_type, subject_id);
create index paid_item_subject on disbursement.paid_item (org_id, year, subject_type, subject_id, program_id);

-- Per program: people paid (受助人数), paid items and those paid on time.
create table disbursement.paid_program (
    program_id bigint primary key,
    org_id     bigint not null,
    year       int    not null,
    people     bigint not null,
    items      bigint not null,
    on_time    bigint not null
);
create index paid_program_year on disbursement.paid_program (org_id, year);

-- Per union-year and kind of person: how many were paid in any of the year's programs (受助劳模、受助困难职工家庭).
create table disbursement.paid_year (
    org_id       bigint      not null,
    year         int         not null,
    subject_type varchar(20) not null,
    subjects     bigint      not null,
    primary key (org_id, year, subject_type)
);

create function disbursement.paid_figures_refresh(items bigint[]) returns bigint
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    changed bigint;
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
    select count(*) into changed from pg_temp.paid_change;
    if changed > 0 then
        analyze pg_temp.paid_change;
        delete from disbursement.paid_item k using pg_temp.paid_change c where k.item_id = c.item_id and not c.paid_now;
        update disbursement.paid_item k set on_time = c.on_time from pg_temp.paid_change c
         where k.item_id = c.item_id and c.paid_now and c.d_items = 0;
        insert into disbursement.paid_item (item_id, program_id, org_id, year, subject_type, subject_id, on_time)
        select item_id, program_id, org_id, year, subject_type, subject_id, on_time from pg_temp.paid_change
         where paid_now and d_items = 1 order by item_id;
        -- the items as they stand now are visible from here on: count what each changed person has
        with pair_delta as (
            select program_id, org_id, year, subject_type, subject_id, sum(d_items) as d from pg_temp.paid_change
             group by program_id, org_id, year, subject_type, subject_id having sum(d_items) <> 0
        ), crossing as (
            -- a person who starts (+1) or stops (-1) counting as paid in a program
            select d.program_id, d.org_id, d.year, d.subject_type, d.subject_id,
                   case when n.items > 0 and n.items - d.d <= 0 then 1 when n.items <= 0 and n.items - d.d > 0 then -1 else 0 end as d_people
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
                   sum(case when n.programs > 0 and n.programs - s.d <= 0 then 1
                            when n.programs <= 0 and n.programs - s.d > 0 then -1 else 0 end) as d
              from subject_delta s cross join lateral (
                       select count(distinct k.program_id) as programs from disbursement.paid_item k
                        where k.org_id = s.org_id and k.year = s.year and k.subject_type = s.subject_type and k.subject_id = s.subject_id) n
             group by s.org_id, s.year, s.subject_type
        )
        insert into disbursement.paid_year as x (org_id, year, subject_type, subjects)
        select org_id, year, subject_type, d from year_delta where d <> 0 order by org_id, year, subject_type
        on conflict (org_id, year, subject_type) do update set subjects = x.subjects + excluded.subjects;
    end if;
    drop table pg_temp.paid_change;
    return changed;
end
$$;

-- The items a booking names, refreshed in the booking's transaction.
create function disbursement.paid_figures_booked() returns trigger
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    items bigint[];
begin
    select array_agg(distinct item_id) into items from added where item_id is not null and kind in ('PAYMENT', 'RETURN');
    if items is not null then
        perform disbursement.paid_figures_refresh(items);
    end if;
    return null;
end
$$;

create trigger ledger_entry_paid_figures after insert on funds.ledger_entry
    referencing new table as added for each statement execute function disbursement.paid_figures_booked();

-- A program's window decides which of its payments were on time: when it changes, its items are refreshed whole.
create function disbursement.paid_figures_program_changed() returns trigger
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
begin
    perform disbursement.paid_figures_refresh(array(select id from disbursement.batch_item where program_id = new.id));
    return null;
end
$$;

-- (A program's union and year never change: they are its identity.)
create trigger program_window_paid_figures after update of window_from, window_to on policy.program
    for each row when (old.window_from is distinct from new.window_from or old.window_to is distinct from new.window_to)
    execute function disbursement.paid_figures_program_changed();

-- What the ledger already holds.
select disbursement.paid_figures_refresh(array(select distinct item_id from funds.ledger_entry where item_id is not null));

create view disbursement.v_paid_item as select * from disbursement.paid_item;
create view disbursement.v_paid_program as select * from disbursement.paid_program;
create view disbursement.v_paid_year as select * from disbursement.paid_year;

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke insert, update, delete, truncate on disbursement.paid_item, disbursement.paid_program, disbursement.paid_year
            from unionaid_app;
        grant select on disbursement.paid_item, disbursement.paid_program, disbursement.paid_year, disbursement.v_paid_item, disbursement.v_paid_program, disbursement.v_paid_year to unionaid_app;
    end if;
end
$$;
