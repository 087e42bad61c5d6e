-- A bank statement as banks send it (docs/statement-formats.md): the bank's own note on a line (账户已销户…) is kept, and
-- a line that belongs to no payment of the batch can be set aside with a reason, by whom and when, so the batch
-- completes and the line stays on record.
alter table statement_line add column bank_note varchar(200);
alter table statement_line add column set_aside_reason varchar(500);
alter table statement_line add column set_aside_by varchar(64);
alter table statement_line add column set_aside_at timestamptz;
alter table statement_line add constraint statement_line_set_aside_unmatched
    check (set_aside_reason is null or item_id is null);
