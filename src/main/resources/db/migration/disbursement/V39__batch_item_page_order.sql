-- 发放名单 a page at a time: a batch's payments in their order after the last one shown. The index by batch alone
-- could not give that order, so PostgreSQL walked the primary key from the first payment of all and filtered: 0.39 s for
-- the first page of the last batch at 100,000 model workers, 0.1 ms with this index. It replaces the index by batch
-- (same leading column, so every query that used that one can use this), which keeps the payments' writes as they were.
create index batch_item_batch_order on disbursement.batch_item (batch_id, id);
drop index disbursement.batch_item_batch_idx;
