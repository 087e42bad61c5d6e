-- The returns booked against each payment item (退回), few beside the payments: whether an item was returned by a date
-- is answered from this index alone (the paid figures' trigger, V36) instead of from all of the item's ledger entries.
create index ledger_entry_return_item on funds.ledger_entry (item_id, entry_date) where kind = 'RETURN';
