-- Run once on a database the scale harness left behind (-Dbench.hold), as the owner: psql -v batch=3 -f setup.sql
-- x_paid_item: the kept items without the batch's, vacuumed; x_mv: the batch's ledger entries to insert again.
drop table if exists public.x_paid_item;
create table public.x_paid_item as select * from disbursement.paid_item k where not exists (select 1 from disbursement.batch_item i where i.id = k.item_id and i.batch_id = :batch);
alter table public.x_paid_item add primary key (item_id);
create index x_paid_item_pair on public.x_paid_item (program_id, subject_type, subject_id);
create index x_paid_item_subject on public.x_paid_item (org_id, year, subject_type, subject_id, program_id);
vacuum analyze public.x_paid_item;
drop table if exists public.x_mv;
create table public.x_mv as select org_id, year, source, program_id, kind, entry_date, amount_fen, voucher, batch_id, item_id, note, created_by from funds.ledger_entry where batch_id=:batch and kind in ('RELEASE','PAYMENT','RETURN') order by id;
vacuum analyze public.x_mv;
select count(*) from public.x_mv;
