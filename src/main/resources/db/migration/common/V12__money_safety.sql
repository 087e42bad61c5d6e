-- Money safety (issue 13): what Java checks, the database holds too, where a race or a hand-written statement
-- could beat Java.

-- 1. A standard belongs to the union that proposed it.
alter table parameter_version add column org_id bigint references organisation (id);
alter table parameter_version disable trigger parameter_version_final;
update parameter_version v set org_id = u.org_id from app_user u where u.username = v.proposed_by;
update parameter_version set org_id = (select id from organisation where parent_id is null order by id limit 1)
 where org_id is null;
alter table parameter_version enable trigger parameter_version_final;
alter table parameter_version alter column org_id set not null;
create index parameter_version_org_idx on parameter_version (org_id, status);

-- 2. Every payment names its program, and what the rules allowed when it was put in a batch (核定):
--    the amount and whether it is the exact standard (EXACT) or a cap the amount may not exceed (CAP).
alter table batch_item add column program_id bigint references program (id);
alter table batch_item add column entitled_fen bigint check (entitled_fen >= 0);
alter table batch_item add column entitlement_kind varchar(5) check (entitlement_kind in ('EXACT', 'CAP'));
update batch_item i set program_id = b.program_id from batch b where b.id = i.batch_id;
update batch_item i set entitled_fen = e.amount_fen, entitlement_kind = 'EXACT'
  from batch b, entitlement e
 where b.id = i.batch_id and b.run_id is not null and e.run_id = b.run_id and e.subject_id = i.subject_id
   and e.subject_type = i.subject_type;
alter table batch_item alter column program_id set not null;

create function batch_item_program() returns trigger language plpgsql as $$
begin
    new.program_id := (select program_id from batch where id = new.batch_id);
    return new;
end
$$;
create trigger batch_item_program before insert on batch_item
    for each row execute function batch_item_program();

-- 3. No one is paid twice: one live payment (待支付, 已支付, 失败 or 退回 awaiting its re-issue or refund) per
--    person and program. A re-issue replaces its original (已重发), a refund ends it (已退还), an exclusion drops it.
create unique index batch_item_one_live_per_program on batch_item (program_id, subject_type, subject_id)
    where status in ('PENDING', 'PAID', 'FAILED', 'RETURNED');

-- 4. A payment moves only forward, each move once: a refund and a re-issue of one item cannot both happen,
--    and neither twice.
create function batch_item_status_moves_forward() returns trigger language plpgsql as $$
begin
    if new.status = old.status then
        return new;
    end if;
    if (old.status = 'PENDING' and new.status in ('EXCLUDED', 'PAID', 'FAILED', 'RETURNED'))
       or (old.status = 'PAID' and new.status = 'RETURNED')
       or (old.status in ('FAILED', 'RETURNED') and new.status in ('REISSUED', 'REFUNDED')) then
        return new;
    end if;
    raise exception 'batch item % cannot move from % to %', old.id, old.status, new.status
        using errcode = 'check_violation';
end
$$;
create trigger batch_item_status_forward before update of status on batch_item
    for each row execute function batch_item_status_moves_forward();
create unique index batch_item_one_reissue on batch_item (reissue_of) where reissue_of is not null;
create unique index ledger_entry_one_refund_per_item on ledger_entry (item_id) where kind = 'REFUND';

-- Two lines of the bank's statement cannot both settle one payment the same way.
create unique index statement_line_one_outcome_per_item on statement_line (item_id, outcome) where item_id is not null;

-- 5. Separation of duties over the whole batch (docs/separation-of-duties.md): who produced the payment file and
--    who first imported the statement, beside the earlier steps' people.
alter table batch add column file_by varchar(64);
alter table batch add column settled_by varchar(64);
alter table batch add constraint batch_decider_is_not_preparer
    check (decided_by is null or (decided_by <> prepared_by and decided_by <> submitted_by));
alter table batch add constraint batch_reviewer_is_not_preparer check (reviewed_by is null or reviewed_by <> prepared_by);
alter table batch add constraint batch_file_by_other
    check (file_by is null or (file_by <> prepared_by and file_by <> submitted_by and file_by <> reviewed_by
                               and file_by <> decided_by));
alter table batch add constraint batch_settled_by_other
    check (settled_by is null or (settled_by <> file_by and settled_by <> prepared_by and settled_by <> submitted_by));

-- 6. A batch's total is the sum of its live payments, kept by the database after every change of its items.
create function batch_total_follows_items() returns trigger language plpgsql as $$
begin
    update batch b set total_fen = coalesce((select sum(i.amount_fen) from batch_item i
                                              where i.batch_id = b.id
                                                and i.status in ('PENDING', 'PAID', 'FAILED', 'RETURNED')), 0)
     where b.id in (select distinct batch_id from changed);
    return null;
end
$$;
create trigger batch_total_after_insert after insert on batch_item referencing new table as changed
    for each statement execute function batch_total_follows_items();
create trigger batch_total_after_update after update on batch_item referencing new table as changed
    for each statement execute function batch_total_follows_items();
update batch b set total_fen = coalesce((select sum(i.amount_fen) from batch_item i
                                          where i.batch_id = b.id
                                            and i.status in ('PENDING', 'PAID', 'FAILED', 'RETURNED')), 0);
