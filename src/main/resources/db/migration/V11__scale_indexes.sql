-- Found by the scale harness at a province's size: the checks, the year's metrics and the return check look up a
-- payment's ledger entries by item; without this index each lookup read the whole ledger.
create index ledger_entry_item_idx on ledger_entry (item_id) where item_id is not null;
-- A statement line without the bank's reference is matched by card, amount and name within its batch.
create index batch_item_card_idx on batch_item (batch_id, card_bidx);
