-- A bank statement's lines (对账单行) name their batch and, once matched, the payment they settle.
--
-- The two foreign keys checked each line on its own, two queries per line: 0.64 s of the 1.28 s that recording
-- 56,000 lines took, and seconds for a province's statement of 800,000. One check per statement now looks at the
-- lines it wrote: the batch must exist, and a matched line's payment must exist and belong to that same batch (which
-- the foreign keys never said). Payments, batches and statement lines are money's record and are never deleted: the
-- application's role may delete none of them, and a payment or batch that lines speak of cannot be deleted at all.
alter table disbursement.statement_line drop constraint statement_line_batch_id_fkey;
alter table disbursement.statement_line drop constraint statement_line_item_id_fkey;

create function disbursement.statement_lines_name_their_payments() returns trigger
    language plpgsql set search_path = disbursement, pg_temp
as $$
declare
    stray record;
begin
    select w.batch_id, w.item_id into stray
      from written w
      left join disbursement.batch b on b.id = w.batch_id
      left join disbursement.batch_item i on i.id = w.item_id
     where b.id is null or (w.item_id is not null and (i.id is null or i.batch_id <> w.batch_id))
     limit 1;
    if found then
        raise exception 'a statement line of batch % names payment %, which is not one of that batch''s', stray.batch_id,
            stray.item_id using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger statement_line_added after insert on disbursement.statement_line
    referencing new table as written for each statement execute function disbursement.statement_lines_name_their_payments();
create trigger statement_line_changed after update on disbursement.statement_line
    referencing new table as written for each statement execute function disbursement.statement_lines_name_their_payments();

create function disbursement.statement_line_subject_kept() returns trigger
    language plpgsql set search_path = disbursement, pg_temp
as $$
begin
    if tg_table_name = 'batch' and exists (select 1 from disbursement.statement_line l where l.batch_id = old.id)
       or tg_table_name = 'batch_item' and exists (select 1 from disbursement.statement_line l where l.item_id = old.id) then
        raise exception 'statement lines speak of % %, which is kept', tg_table_name, old.id using errcode = '23503';
    end if;
    return old;
end
$$;

create trigger batch_kept_for_statement before delete on disbursement.batch
    for each row execute function disbursement.statement_line_subject_kept();
create trigger batch_item_kept_for_statement before delete on disbursement.batch_item
    for each row execute function disbursement.statement_line_subject_kept();

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        revoke delete, truncate on disbursement.batch, disbursement.batch_item, disbursement.statement_line from unionaid_app;
    end if;
end
$$;
