-- 申请 on a claim-based program (特殊困难帮扶, 疗休养): registered with its evidence, then approved or rejected by
-- someone else; only approved claims are paid by a run. Claims recorded before review existed count as approved.
alter table entitlement_claim add column status varchar(10) not null default 'APPROVED'
    check (status in ('SUBMITTED', 'APPROVED', 'REJECTED'));
alter table entitlement_claim alter column status set default 'SUBMITTED';
alter table entitlement_claim add column reviewed_by varchar(64);
alter table entitlement_claim add column reviewed_at timestamptz;
alter table entitlement_claim add column review_note varchar(500);
alter table entitlement_claim add column evidence_key varchar(100);
alter table entitlement_claim add column evidence_name varchar(200);
alter table entitlement_claim add constraint entitlement_claim_four_eyes check (reviewed_by is null or reviewed_by <> recorded_by);
