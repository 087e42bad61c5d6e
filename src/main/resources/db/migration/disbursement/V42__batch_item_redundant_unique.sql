-- The unique (batch_id, subject_id, reissue_of) of V5 holds nothing the other keys do not: a first payment has no
-- reissue_of, and PostgreSQL counts nulls as distinct, so it never stopped a person's second payment in a batch (the
-- batch's own check and batch_item_one_live_per_program do); a re-issue names its payment, which
-- batch_item_one_reissue (V12) already allows once in all batches. Every payment written and every state set (800,000 of
-- them when a province's statement is booked; no update of a payment's state can be HOT) still wrote an entry into it.
alter table disbursement.batch_item drop constraint batch_item_batch_id_subject_id_reissue_of_key;
