-- 外部数据比对: lists from other registers (deaths, 低保, business owners, vehicles, property, public payroll), matched
-- by the ID number's blind index, never stored in clear; the uploaded file is sealed in the file store and, with its
-- entries, purged after its keeping time; the hits stay, with how each was resolved.
create table outside_list (
    id           bigserial primary key,
    org_id       bigint       not null references organisation (id),
    kind         varchar(20)  not null check (kind in ('DEATH', 'SUBSISTENCE', 'BUSINESS_OWNER', 'VEHICLE', 'REAL_ESTATE',
                                                        'PUBLIC_PAYROLL')),
    source       varchar(200) not null,
    as_of        date         not null,
    file_key     varchar(100),
    entries      int          not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null default now(),
    purge_after  date         not null,
    purged_at    timestamptz
);
create index outside_list_org_idx on outside_list (org_id, id);

create table outside_list_entry (
    list_id           bigint      not null references outside_list (id) on delete cascade,
    row_no            int         not null,
    id_number_bidx    bytea       not null,
    id_number_masked  varchar(18) not null,
    event_date        date,
    primary key (list_id, row_no)
);
create index outside_list_entry_bidx on outside_list_entry (id_number_bidx);

-- A hit: an archive (and, while its batch is not yet paid, a payment to it) named on a list. Explained by one person,
-- accepted by another; or resolved by taking the payment out of its batch.
create table cross_check_hit (
    id             bigserial primary key,
    org_id         bigint       not null references organisation (id),
    list_id        bigint       not null references outside_list (id),
    row_no         int          not null,
    subject_type   varchar(20)  not null check (subject_type in ('MODEL_WORKER', 'HOUSEHOLD')),
    subject_id     bigint       not null,
    batch_id       bigint,
    batch_item_id  bigint,
    status         varchar(12)  not null default 'OPEN' check (status in ('OPEN', 'EXPLAINED', 'ACCEPTED', 'REMOVED')),
    explanation    varchar(1000),
    evidence_key   varchar(100),
    explained_by   varchar(64),
    explained_at   timestamptz,
    resolved_by    varchar(64),
    resolved_at    timestamptz,
    created_at     timestamptz  not null default now(),
    check (resolved_by is null or explained_by is null or resolved_by <> explained_by),
    check (status <> 'ACCEPTED' or (explanation is not null and evidence_key is not null and resolved_by is not null))
);
create unique index cross_check_hit_once on cross_check_hit (list_id, row_no, subject_type, subject_id,
    coalesce(batch_item_id, 0));
create index cross_check_hit_item_idx on cross_check_hit (batch_item_id) where batch_item_id is not null;
create index cross_check_hit_org_idx on cross_check_hit (org_id, id);

-- 生存认证: a personal one-time link for a model worker's annual living-status confirmation. The token is looked up by
-- its SHA-256 and kept sealed so the letter can be printed again; it ends when used or at its date.
create table living_confirmation (
    id              bigserial primary key,
    org_id          bigint       not null references organisation (id),
    model_worker_id bigint       not null references model_worker (id),
    confirm_year    int          not null,
    token_hash      bytea        not null unique,
    token_enc       bytea        not null,
    expires_on      date         not null,
    issued_by       varchar(64)  not null,
    issued_at       timestamptz  not null default now(),
    used_at         timestamptz,
    answer          varchar(20)  check (answer in ('NORMAL', 'NEEDS_HELP')),
    photo_key       varchar(100),
    unique (model_worker_id, confirm_year)
);
alter table living_survey drop constraint if exists living_survey_method_check;
alter table living_survey add constraint living_survey_method_check check (method in ('PHONE', 'VISIT', 'EMPLOYER', 'SELF'));
alter table living_survey add column photo_key varchar(100);
