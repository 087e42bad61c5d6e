-- Policy: programs (帮扶项目) with typed rules, parameters (标准) versioned by region and date with
-- four-eyes approval, example cases, claims (documented costs, requested amounts), entitlement runs.

create table parameter_definition (
    key         varchar(80)  primary key,
    name        varchar(100) not null,
    unit        varchar(10)  not null check (unit in ('YUAN', 'PERCENT', 'COUNT', 'MULTIPLE')),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null default now()
);

create table parameter_version (
    id              bigserial primary key,
    key             varchar(80)  not null references parameter_definition (key),
    -- null: national; otherwise a province, city or county code
    region_code     char(6) references region (code),
    effective_from  date         not null,
    -- YUAN in fen, PERCENT in whole percent, COUNT as is, MULTIPLE in thousandths (1.5 = 1500)
    value           bigint       not null check (value >= 0),
    document_ref    varchar(200) not null,
    status          varchar(10)  not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by     varchar(64)  not null,
    proposed_at     timestamptz  not null default now(),
    decided_by      varchar(64),
    decided_at      timestamptz,
    decision_note   varchar(500),
    check (decided_by is null or decided_by <> proposed_by)
);
create unique index parameter_version_one_approved on parameter_version (key, coalesce(region_code, '000000'), effective_from)
    where status = 'APPROVED';
create index parameter_version_lookup on parameter_version (key, region_code, effective_from);

create function parameter_version_approved_is_final() returns trigger language plpgsql as $$
begin
    if old.status <> 'PROPOSED' then
        raise exception 'parameter version % is % and can no longer change', old.id, old.status
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;
create trigger parameter_version_final before update or delete on parameter_version
    for each row execute function parameter_version_approved_is_final();

create table program (
    id              bigserial primary key,
    org_id          bigint       not null references organisation (id),
    year            int          not null,
    code            varchar(40)  not null,
    name            varchar(100) not null,
    beneficiary     varchar(20)  not null check (beneficiary in ('MODEL_WORKER', 'HOUSEHOLD')),
    fund_sources    varchar(200) not null,
    reference_date  date         not null,
    window_from     date         not null,
    window_to       date         not null,
    rule            text         not null,
    rule_version    int          not null default 1,
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    unique (org_id, year, code),
    check (window_from <= window_to)
);

-- Every version of a program's rule, so a run's manifest can name the one it used.
create table program_rule_history (
    program_id    bigint      not null references program (id),
    rule_version  int         not null,
    rule          text        not null,
    changed_by    varchar(64) not null,
    changed_at    timestamptz not null default now(),
    primary key (program_id, rule_version)
);

create table program_case (
    id                 bigserial primary key,
    program_id         bigint       not null references program (id),
    name               varchar(100) not null,
    inputs             text         not null,
    expected_decision  varchar(20)  not null,
    expected_amount_fen bigint      not null check (expected_amount_fen >= 0),
    created_by         varchar(64)  not null,
    created_at         timestamptz  not null default now(),
    unique (program_id, name)
);

-- A person's claim on a program: documented costs (医药费等) or an amount asked for by hand.
create table entitlement_claim (
    program_id     bigint       not null references program (id),
    subject_type   varchar(20)  not null check (subject_type in ('MODEL_WORKER', 'HOUSEHOLD')),
    subject_id     bigint       not null,
    cost_fen       bigint check (cost_fen >= 0),
    requested_fen  bigint check (requested_fen >= 0),
    note           varchar(500),
    recorded_by    varchar(64)  not null,
    recorded_at    timestamptz  not null default now(),
    primary key (program_id, subject_type, subject_id)
);

create table entitlement_run (
    id               bigserial primary key,
    program_id       bigint       not null references program (id),
    org_id           bigint       not null references organisation (id),
    kind             varchar(10)  not null check (kind in ('OFFICIAL', 'WHAT_IF')),
    reference_date   date         not null,
    rule_version     int          not null,
    rule             text         not null,
    parameters       text,
    tie_break        varchar(200),
    status           varchar(10)  not null check (status in ('RUNNING', 'DONE', 'REFUSED')),
    error            varchar(1000),
    population       int          not null default 0,
    eligible         int          not null default 0,
    capped           int          not null default 0,
    cut              int          not null default 0,
    total_fen        bigint       not null default 0,
    started_by       varchar(64)  not null,
    started_at       timestamptz  not null default now(),
    finished_at      timestamptz
);
create index entitlement_run_program_idx on entitlement_run (program_id, id desc);

create table entitlement (
    run_id          bigint       not null references entitlement_run (id),
    subject_type    varchar(20)  not null,
    subject_id      bigint       not null,
    name            varchar(50)  not null,
    region_code     char(6)      not null,
    grouping        varchar(30),
    employment      varchar(12),
    income_fen      bigint,
    birth_date      date,
    in_register     boolean      not null,
    cost_fen        bigint,
    decision        varchar(20)  not null check (decision in ('ELIGIBLE', 'INELIGIBLE', 'CAPPED', 'CUT')),
    amount_fen      bigint       not null check (amount_fen >= 0),
    reason_code     varchar(30)  not null,
    explanation     text         not null,
    primary key (run_id, subject_id)
);
create index entitlement_decision_idx on entitlement (run_id, decision);
