-- Found by the scale harness at a province's size: the checks, the year's metrics and the return check look up a
-- payment's ledger entries by item; without this index each lookup read the whole ledger.
create index ledger_entry_item_idx on ledger_entry (item_id) where item_id is not null;
-- A statement line without the bank's reference is matched by card, amount and name within its batch.
create index batch_item_card_idx on batch_item (batch_id, card_bidx);
-- Name search (姓名包含…) over a province's register: trigram indexes serve "contains" for three characters and more
-- (Chinese names included); shorter searches fall back to the keyset scan, which finds common characters quickly.
-- pg_trgm ships with PostgreSQL's contrib (the embedded server has it; Debian's postgresql package includes it).
create extension if not exists pg_trgm;
create index model_worker_name_trgm on model_worker using gin (name gin_trgm_ops);
create index household_member_name_trgm on household_member using gin (name gin_trgm_ops);
-- The payee check starts from the few people with a death, revocation or closure and finds their payments.
create index batch_item_subject_idx on batch_item (subject_id, subject_type);
