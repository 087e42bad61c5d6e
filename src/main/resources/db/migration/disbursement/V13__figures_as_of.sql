-- The year's figures are read as of a cut-off date from the dated ledger (docs/metrics.md): payments of a program
-- are found by the program, whatever their status today.
create index batch_item_program_idx on batch_item (program_id);
