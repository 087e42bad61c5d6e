-- Registry: model-worker archives (劳模档案), hardship households (困难职工家庭, 一户一档) with members,
-- lifecycle events, evidence files, living-status surveys and annual re-check samples.

create table model_worker (
    id                  bigserial primary key,
    org_id              bigint       not null references organisation (id),
    name                varchar(50)  not null,
    id_number_enc       bytea        not null,
    -- HMAC-SM3 of the ID number: one model-worker record per person in the whole system
    id_number_bidx      bytea        not null unique,
    id_number_masked    varchar(18)  not null,
    sex                 char(1)      not null check (sex in ('M', 'F')),
    birth_date          date         not null,
    honour              varchar(30)  not null,
    honour_year         int,
    employment          varchar(12)  not null check (employment in ('IN_SERVICE', 'RETIRED')),
    employer            varchar(200),
    region_code         char(6)      not null references region (code),
    monthly_income_fen  bigint check (monthly_income_fen >= 0),
    income_month        date,
    phone_enc           bytea,
    phone_bidx          bytea,
    phone_masked        varchar(20),
    bank_name           varchar(100),
    bank_card_enc       bytea,
    bank_card_bidx      bytea,
    bank_card_masked    varchar(30),
    living              boolean      not null,
    honour_kept         boolean      not null,
    archive_open        boolean      not null default true,
    remark              varchar(500),
    -- keyed digest of the imported row: the same row imported again changes nothing
    row_digest          bytea        not null,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             int          not null default 0
);
create index model_worker_org_idx on model_worker (org_id, id);
create index model_worker_name_idx on model_worker (name);
create index model_worker_region_idx on model_worker (region_code);

create table household (
    id                  bigserial primary key,
    org_id              bigint       not null references organisation (id),
    household_no        varchar(50)  not null,
    category            varchar(12)  not null check (category in ('DEEP', 'RELATIVE', 'ACCIDENT')),
    main_cause          varchar(200),
    housing             varchar(200),
    bank_name           varchar(100),
    bank_card_enc       bytea,
    bank_card_bidx      bytea,
    bank_card_masked    varchar(30),
    region_code         char(6)      not null references region (code),
    status              varchar(10)  not null default 'IN_FILE' check (status in ('IN_FILE', 'LIFTED', 'CLOSED')),
    row_digest          bytea        not null,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             int          not null default 0,
    unique (org_id, household_no)
);
create index household_org_idx on household (org_id, id);

create table household_member (
    id                  bigserial primary key,
    household_id        bigint       not null references household (id),
    relation            varchar(10)  not null check (relation in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'OTHER')),
    name                varchar(50)  not null,
    id_number_enc       bytea        not null,
    id_number_bidx      bytea        not null,
    id_number_masked    varchar(18)  not null,
    sex                 char(1)      not null check (sex in ('M', 'F')),
    birth_date          date         not null,
    monthly_income_fen  bigint       not null check (monthly_income_fen >= 0),
    health              varchar(200),
    -- true while the household's archive is open: a person is in at most one open household
    in_open_household   boolean      not null default true
);
create unique index household_member_one_open on household_member (id_number_bidx) where in_open_household;
create index household_member_household_idx on household_member (household_id);
create index household_member_bidx_idx on household_member (id_number_bidx);
create unique index household_one_head on household_member (household_id) where relation = 'HEAD';

create table evidence_file (
    id            bigserial primary key,
    subject_type  varchar(20)  not null check (subject_type in ('MODEL_WORKER', 'HOUSEHOLD')),
    subject_id    bigint       not null,
    kind          varchar(30)  not null,
    file_name     varchar(200) not null,
    content_type  varchar(50)  not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    storage_key   varchar(200) not null,
    note          varchar(500),
    uploaded_by   varchar(64)  not null,
    uploaded_at   timestamptz  not null default now()
);
create index evidence_subject_idx on evidence_file (subject_type, subject_id);

-- Lifecycle events: history is never overwritten.
create table registry_event (
    id            bigserial primary key,
    subject_type  varchar(20)  not null check (subject_type in ('MODEL_WORKER', 'HOUSEHOLD')),
    subject_id    bigint       not null,
    kind          varchar(20)  not null,
    event_date    date         not null,
    reason        varchar(500) not null,
    detail        text,
    from_org_id   bigint references organisation (id),
    to_org_id     bigint references organisation (id),
    evidence_id   bigint references evidence_file (id),
    recorded_by   varchar(64)  not null,
    recorded_at   timestamptz  not null default now()
);
create index registry_event_subject_idx on registry_event (subject_type, subject_id, event_date);
create index registry_event_kind_idx on registry_event (kind, event_date);

create function registry_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'registry_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger registry_event_no_update_delete before update or delete on registry_event
    for each row execute function registry_event_is_append_only();

-- 生活状况摸底: one survey per person per year.
create table living_survey (
    id                 bigserial primary key,
    subject_type       varchar(20)  not null check (subject_type in ('MODEL_WORKER', 'HOUSEHOLD')),
    subject_id         bigint       not null,
    survey_year        int          not null,
    survey_date        date         not null,
    method             varchar(10)  not null check (method in ('PHONE', 'VISIT', 'EMPLOYER')),
    findings           varchar(1000) not null,
    income_fen         bigint check (income_fen >= 0),
    recorded_by        varchar(64)  not null,
    recorded_at        timestamptz  not null default now(),
    unique (subject_type, subject_id, survey_year)
);

-- Annual re-check samples (复核抽样).
create table recheck_sample (
    id           bigserial primary key,
    org_id       bigint       not null references organisation (id),
    sample_year  int          not null,
    subject_type varchar(20)  not null check (subject_type in ('MODEL_WORKER', 'HOUSEHOLD')),
    share_pct    int          not null check (share_pct between 1 and 100),
    seed         bigint       not null,
    population   int          not null,
    drawn_by     varchar(64)  not null,
    drawn_at     timestamptz  not null default now(),
    unique (org_id, sample_year, subject_type)
);
create table recheck_sample_item (
    sample_id    bigint not null references recheck_sample (id),
    subject_id   bigint not null,
    checked_at   timestamptz,
    checked_by   varchar(64),
    primary key (sample_id, subject_id)
);

-- Roster imports: progress while running, the result when done; the uploaded file is kept in the file store
-- so that the refused rows can be handed back as the same sheet with an error column.
create table import_job (
    id           uuid primary key,
    kind         varchar(20)  not null check (kind in ('MODEL_WORKERS', 'HOUSEHOLDS')),
    org_id       bigint       not null references organisation (id),
    started_by   varchar(64)  not null,
    file_name    varchar(200) not null,
    file_key     varchar(200) not null,
    mode         varchar(20)  not null,
    status       varchar(10)  not null check (status in ('RUNNING', 'DONE', 'REFUSED', 'FAILED')),
    rows_read    bigint       not null default 0,
    result       text,
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz
);
create index import_job_org_idx on import_job (org_id, started_at desc);
