-- One measurement: variant.sql (the trigger's functions, e.g. the create-or-replace statements of V36 or V40) is
-- installed inside the transaction, the entries inserted again with auto_explain on the trigger's statements,
-- and everything rolled back. psql -f run.sql 2>&1 | grep duration
vacuum public.x_paid_item;
\timing on
begin;
alter table disbursement.paid_item rename to paid_item_old;
alter table public.x_paid_item set schema disbursement;
alter table disbursement.x_paid_item rename to paid_item;
\i variant.sql
load 'auto_explain';
set auto_explain.log_min_duration=200;
set auto_explain.log_nested_statements=on;
set auto_explain.log_analyze=on;
set auto_explain.log_buffers=on;
set auto_explain.log_level=notice;
insert into funds.ledger_entry (org_id, year, source, program_id, kind, entry_date, amount_fen, voucher, batch_id, item_id, note, created_by) select * from public.x_mv;
rollback;
