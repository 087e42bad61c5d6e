-- The statement lines no payment claims (未匹配 and 已搁置) of a batch, found without reading its claimed ones: a wrong
-- file can leave 800,000 lines unmatched, a right one none, and the batch page asks for the first hundred either way.
-- A batch's lines in their order (the evidence pack streams them) come from one index by batch and id, which replaces
-- the index by batch alone.
create index statement_line_unclaimed on disbursement.statement_line (batch_id, id) where item_id is null;
create index statement_line_batch_order on disbursement.statement_line (batch_id, id);
drop index disbursement.statement_line_batch_idx;
