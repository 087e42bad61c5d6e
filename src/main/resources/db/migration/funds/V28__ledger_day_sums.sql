-- The ledger's day sums (台账日汇总): per union, year, fund source, program, batch, kind and day, the amount and the
-- number of entries, kept by the ledger itself. Balances, the year's spending, the programs' amounts and the budget
-- check read a few thousand of these rows instead of a province's millions of entries (the scale harness measured the
-- balances alone at 2.6 s over 1.16 M entries).
--
-- The ledger is append-only (ledger_entry_no_update_delete), so a sum only ever grows: a statement-level trigger adds
-- each INSERT's new rows, aggregated, in the same transaction. The application's role may read the sums but not write
-- them; only the trigger (security definer, owned by the schema's owner) does.
create table funds.ledger_day (
    org_id      bigint      not null,
    year        int         not null,
    source      varchar(20) not null,
    program_id  bigint,
    batch_id    bigint,
    kind        varchar(20) not null,
    entry_date  date        not null,
    -- whether the entries name a payment item (a PAYMENT without one is cash, not a bank transfer)
    itemised    boolean     not null,
    amount_fen  bigint      not null,
    entries     bigint      not null
);
create unique index ledger_day_key on funds.ledger_day (org_id, year, source, program_id, batch_id, kind, entry_date, itemised)
    nulls not distinct;

create function funds.ledger_day_add() returns trigger
    language plpgsql security definer set search_path = funds, pg_temp
as $$
begin
    -- in key order, so that two transactions adding to the same days lock them in the same order
    insert into funds.ledger_day as d (org_id, year, source, program_id, batch_id, kind, entry_date, itemised, amount_fen, entries)
    select org_id, year, source, program_id, batch_id, kind, entry_date, item_id is not null, sum(amount_fen), count(*)
      from added
     group by org_id, year, source, program_id, batch_id, kind, entry_date, item_id is not null
     order by org_id, year, source, program_id, batch_id, kind, entry_date, item_id is not null
    on conflict (org_id, year, source, program_id, batch_id, kind, entry_date, itemised)
    do update set amount_fen = d.amount_fen + excluded.amount_fen, entries = d.entries + excluded.entries;
    return null;
end
$$;

create trigger ledger_entry_day_sums after insert on funds.ledger_entry
    referencing new table as added for each statement execute function funds.ledger_day_add();

-- what the ledger already holds
insert into funds.ledger_day (org_id, year, source, program_id, batch_id, kind, entry_date, itemised, amount_fen, entries)
select org_id, year, source, program_id, batch_id, kind, entry_date, item_id is not null, sum(amount_fen), count(*)
  from funds.ledger_entry
 group by org_id, year, source, program_id, batch_id, kind, entry_date, item_id is not null;

create view funds.v_ledger_day as select * from funds.ledger_day;

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke insert, update, delete, truncate on funds.ledger_day from unionaid_app;
        grant select on funds.ledger_day, funds.v_ledger_day to unionaid_app;
    end if;
end
$$;
