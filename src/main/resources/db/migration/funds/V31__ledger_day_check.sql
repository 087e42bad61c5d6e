-- The nightly comparison of the ledger's day sums with its entries (LedgerDaySums.check), read in one snapshot: any
-- difference is added to the sums and the number of differing days answered (there should be none: the sums are kept
-- by the ledger's trigger in each booking's transaction, and the application cannot write them).
create function funds.ledger_day_check() returns bigint
    language plpgsql security definer set search_path = funds, pg_temp
as $$
declare
    differed bigint;
begin
    with truth as (
        select org_id, year, source, program_id, batch_id, kind, entry_date, item_id is not null as itemised,
               sum(amount_fen) as fen, count(*) as n
          from funds.ledger_entry
         group by org_id, year, source, program_id, batch_id, kind, entry_date, item_id is not null
    ), diff as (
        select coalesce(t.org_id, d.org_id) as org_id, coalesce(t.year, d.year) as year, coalesce(t.source, d.source) as source,
               case when t.org_id is null then d.program_id else t.program_id end as program_id,
               case when t.org_id is null then d.batch_id else t.batch_id end as batch_id,
               coalesce(t.kind, d.kind) as kind, coalesce(t.entry_date, d.entry_date) as entry_date,
               coalesce(t.itemised, d.itemised) as itemised,
               coalesce(t.fen, 0) - coalesce(d.amount_fen, 0) as d_fen, coalesce(t.n, 0) - coalesce(d.entries, 0) as d_n
          from truth t full join funds.ledger_day d
            on d.org_id = t.org_id and d.year = t.year and d.source = t.source and coalesce(d.program_id, -1) = coalesce(t.program_id, -1)
           and coalesce(d.batch_id, -1) = coalesce(t.batch_id, -1) and d.kind = t.kind and d.entry_date = t.entry_date
           and d.itemised = t.itemised
         where coalesce(t.fen, 0) <> coalesce(d.amount_fen, 0) or coalesce(t.n, 0) <> coalesce(d.entries, 0)
    ), fix as (
        insert into funds.ledger_day as x (org_id, year, source, program_id, batch_id, kind, entry_date, itemised, amount_fen, entries)
        select org_id, year, source, program_id, batch_id, kind, entry_date, itemised, d_fen, d_n from diff
         order by org_id, year, source, program_id, batch_id, kind, entry_date, itemised
        on conflict (org_id, year, source, program_id, batch_id, kind, entry_date, itemised)
        do update set amount_fen = x.amount_fen + excluded.amount_fen, entries = x.entries + excluded.entries
    )
    select count(*) into differed from diff;
    return differed;
end
$$;
