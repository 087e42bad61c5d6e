-- Controls: compliance checks over payments, their runs and findings.

create table control_run (
    id            bigserial primary key,
    started_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    triggered_by  varchar(64)  not null,
    counts        text
);

create table finding (
    id             bigserial primary key,
    check_code     varchar(40)   not null,
    org_id         bigint        not null references organisation (id),
    subject_key    varchar(200)  not null,
    year           int,
    detail         varchar(1000) not null,
    amount_fen     bigint,
    batch_id       bigint,
    status         varchar(12)   not null check (status in ('OPEN', 'EXPLAINED', 'CORRECTED', 'CLOSED')),
    first_run      bigint        not null references control_run (id),
    last_run       bigint        not null references control_run (id),
    first_seen_at  timestamptz   not null default now(),
    last_seen_at   timestamptz   not null default now(),
    note           varchar(1000),
    noted_by       varchar(64),
    noted_at       timestamptz,
    closed_at      timestamptz,
    closed_reason  varchar(200)
);
create unique index finding_one_live on finding (check_code, subject_key) where status <> 'CLOSED';
create index finding_org_idx on finding (org_id, status);
