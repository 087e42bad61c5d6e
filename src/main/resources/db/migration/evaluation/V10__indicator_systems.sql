-- Indicator systems (指标体系) as data: one tree per union, year and frame (self-evaluation or third-party),
-- copied from the built-in template on first edit and changed node by node; manual actuals with their evidence;
-- deductions the evaluators record (their own, or from a control finding); report templates a union uploads.
create table indicator_system (
    id          bigserial primary key,
    org_id      bigint       not null references organisation (id),
    year        int          not null,
    frame       varchar(12)  not null check (frame in ('SELF', 'THIRD_PARTY')),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    unique (org_id, year, frame)
);

create table indicator_node (
    system_id    bigint        not null references indicator_system (id),
    code         varchar(60)   not null,
    parent_code  varchar(60),
    level        int           not null check (level between 0 and 3),
    position     int           not null,
    name         varchar(100)  not null,
    weight       numeric(6, 2) not null check (weight >= 0),
    target       numeric(14, 2) check (target >= 0),
    unit         varchar(20),
    direction    varchar(12)   check (direction in ('AT_LEAST', 'AT_MOST', 'EQUAL', 'QUALITATIVE')),
    method       varchar(12)   check (method in ('FORWARD', 'REVERSE', 'QUALITATIVE', 'DEDUCTIONS')),
    metric       varchar(40),
    bands        varchar(200),
    primary key (system_id, code)
);

create table indicator_actual (
    id              bigserial primary key,
    org_id          bigint         not null references organisation (id),
    year            int            not null,
    frame           varchar(12)    not null,
    indicator_code  varchar(60)    not null,
    value           numeric(14, 2) not null check (value >= 0),
    evidence_key    varchar(100)   not null,
    evidence_name   varchar(200)   not null,
    note            varchar(500),
    recorded_by     varchar(64)    not null,
    recorded_at     timestamptz    not null default now()
);
create index indicator_actual_idx on indicator_actual (org_id, year, frame, indicator_code, id);

create table evaluation_deduction (
    id              bigserial primary key,
    org_id          bigint        not null references organisation (id),
    year            int           not null,
    frame           varchar(12)   not null check (frame in ('SELF', 'THIRD_PARTY')),
    indicator_code  varchar(60)   not null,
    points          numeric(6, 2) not null check (points > 0),
    reason          varchar(500)  not null,
    finding_id      bigint references finding (id),
    created_by      varchar(64)   not null,
    created_at      timestamptz   not null default now()
);
create index evaluation_deduction_idx on evaluation_deduction (org_id, year, frame);
create unique index evaluation_deduction_one_per_finding on evaluation_deduction (org_id, year, frame, finding_id)
    where finding_id is not null;

alter table evaluation_override add column frame varchar(12) not null default 'SELF'
    check (frame in ('SELF', 'THIRD_PARTY'));

create table report_template (
    org_id       bigint       not null references organisation (id),
    frame        varchar(12)  not null check (frame in ('SELF', 'THIRD_PARTY')),
    file_key     varchar(100) not null,
    file_name    varchar(200) not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null default now(),
    primary key (org_id, frame)
);
