-- Each batch's payments summed by status (批次明细按状态汇总), kept by statement-level triggers on batch_item in the
-- transaction that adds, settles or excludes them. The report's consistency check (ReportConsistency: a batch's total
-- against its live payments, its paid payments against the ledger's day sums) reads these instead of a province's
-- millions of payments. The application's role reads them but cannot write them.
create table disbursement.batch_item_sum (
    batch_id   bigint      not null,
    status     varchar(12) not null,
    items      bigint      not null,
    amount_fen bigint      not null,
    primary key (batch_id, status)
);

create function disbursement.batch_item_sum_keep() returns trigger
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        insert into disbursement.batch_item_sum as s (batch_id, status, items, amount_fen)
        select batch_id, status, count(*), sum(amount_fen) from added group by batch_id, status order by batch_id, status
        on conflict (batch_id, status) do update set items = s.items + excluded.items, amount_fen = s.amount_fen + excluded.amount_fen;
    elsif tg_op = 'DELETE' then
        update disbursement.batch_item_sum s set items = s.items - r.items, amount_fen = s.amount_fen - r.fen
          from (select batch_id, status, count(*) as items, sum(amount_fen) as fen from removed group by batch_id, status) r
         where s.batch_id = r.batch_id and s.status = r.status;
    else
        -- in key order, so that two transactions settling the same batches lock their sums in the same order
        insert into disbursement.batch_item_sum as s (batch_id, status, items, amount_fen)
        select batch_id, status, sum(items), sum(fen)
          from (select batch_id, status, count(*) as items, sum(amount_fen) as fen from added group by batch_id, status
                union all
                select batch_id, status, -count(*), -sum(amount_fen) from removed group by batch_id, status) d
         group by batch_id, status having sum(items) <> 0 or sum(fen) <> 0
         order by batch_id, status
        on conflict (batch_id, status) do update set items = s.items + excluded.items, amount_fen = s.amount_fen + excluded.amount_fen;
    end if;
    return null;
end
$$;

create trigger batch_item_sums_added after insert on disbursement.batch_item
    referencing new table as added for each statement execute function disbursement.batch_item_sum_keep();
create trigger batch_item_sums_changed after update on disbursement.batch_item
    referencing old table as removed new table as added for each statement execute function disbursement.batch_item_sum_keep();
create trigger batch_item_sums_removed after delete on disbursement.batch_item
    referencing old table as removed for each statement execute function disbursement.batch_item_sum_keep();

insert into disbursement.batch_item_sum (batch_id, status, items, amount_fen)
select batch_id, status, count(*), sum(amount_fen) from disbursement.batch_item group by batch_id, status;

create view disbursement.v_batch_item_sum as select * from disbursement.batch_item_sum;

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke insert, update, delete, truncate on disbursement.batch_item_sum from unionaid_app;
        grant select on disbursement.batch_item_sum, disbursement.v_batch_item_sum to unionaid_app;
    end if;
end
$$;

-- The nightly comparison (PaidFigures.check): the sums against the payments themselves, read in one snapshot; any
-- difference is added to the sums and the number of differing rows answered (there should be none).
create function disbursement.batch_item_sum_check() returns bigint
    language plpgsql security definer set search_path = disbursement, pg_temp
as $$
declare
    differed bigint;
begin
    with truth as (
        select batch_id, status, count(*) as items, sum(amount_fen) as fen from disbursement.batch_item group by batch_id, status
    ), diff as (
        select coalesce(t.batch_id, s.batch_id) as batch_id, coalesce(t.status, s.status) as status,
               coalesce(t.items, 0) - coalesce(s.items, 0) as d_items, coalesce(t.fen, 0) - coalesce(s.amount_fen, 0) as d_fen
          from truth t full join disbursement.batch_item_sum s on s.batch_id = t.batch_id and s.status = t.status
         where coalesce(t.items, 0) <> coalesce(s.items, 0) or coalesce(t.fen, 0) <> coalesce(s.amount_fen, 0)
    ), fix as (
        insert into disbursement.batch_item_sum as s (batch_id, status, items, amount_fen)
        select batch_id, status, d_items, d_fen from diff order by batch_id, status
        on conflict (batch_id, status) do update set items = s.items + excluded.items, amount_fen = s.amount_fen + excluded.amount_fen
    )
    select count(*) into differed from diff;
    return differed;
end
$$;
