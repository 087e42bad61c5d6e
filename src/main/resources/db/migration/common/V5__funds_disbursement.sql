-- Funds (专款专用, 专账核算) and disbursement (发放批次 → 公示 → 代发文件 → 对账).

create table budget_line (
    id           bigserial primary key,
    org_id       bigint      not null references organisation (id),
    year         int         not null,
    program_id   bigint references program (id),
    source       varchar(20) not null,
    amount_fen   bigint      not null check (amount_fen >= 0),
    created_by   varchar(64) not null,
    created_at   timestamptz not null default now()
);
create unique index budget_line_unique on budget_line (org_id, year, coalesce(program_id, 0), source);

create table fund_receipt (
    id           bigserial primary key,
    org_id       bigint       not null references organisation (id),
    year         int          not null,
    source       varchar(20)  not null,
    received_on  date         not null,
    amount_fen   bigint       not null check (amount_fen > 0),
    voucher      varchar(100) not null,
    note         varchar(500),
    recorded_by  varchar(64)  not null,
    recorded_at  timestamptz  not null default now()
);

-- 调剂: budget moved between two programs' lines of one source, effective once a second person approves it.
create table reallocation (
    id              bigserial primary key,
    org_id          bigint       not null references organisation (id),
    year            int          not null,
    source          varchar(20)  not null,
    from_program_id bigint       not null references program (id),
    to_program_id   bigint       not null references program (id),
    amount_fen      bigint       not null check (amount_fen > 0),
    reason          varchar(500) not null,
    status          varchar(10)  not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    requested_by    varchar(64)  not null,
    decided_by      varchar(64),
    decided_at      timestamptz,
    check (decided_by is null or decided_by <> requested_by)
);

-- The ledger per fund source: append-only; every amount positive, its kind says which way it counts.
create table ledger_entry (
    id          bigserial primary key,
    org_id      bigint       not null references organisation (id),
    year        int          not null,
    source      varchar(20)  not null,
    program_id  bigint references program (id),
    kind        varchar(20)  not null check (kind in ('RECEIPT', 'ALLOCATION_IN', 'ALLOCATION_OUT', 'RESERVE', 'RELEASE',
                                                       'PAYMENT', 'RETURN', 'REFUND', 'CARRY_OVER')),
    entry_date  date         not null,
    amount_fen  bigint       not null check (amount_fen > 0),
    voucher     varchar(200) not null,
    batch_id    bigint,
    item_id     bigint,
    note        varchar(500),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null default now()
);
create index ledger_entry_source_idx on ledger_entry (org_id, year, source, entry_date);
create index ledger_entry_batch_idx on ledger_entry (batch_id);

create function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger ledger_entry_no_update_delete before update or delete on ledger_entry
    for each row execute function ledger_entry_is_append_only();

create table batch (
    id                  bigserial primary key,
    org_id              bigint       not null references organisation (id),
    program_id          bigint       not null references program (id),
    run_id              bigint references entitlement_run (id),
    source              varchar(20)  not null,
    title               varchar(200) not null,
    status              varchar(20)  not null,
    total_fen           bigint       not null default 0,
    prepared_by         varchar(64)  not null,
    submitted_by        varchar(64),
    reviewed_by         varchar(64),
    decided_by          varchar(64),
    minutes_no          varchar(100),
    decided_on          date,
    minutes_evidence    varchar(100),
    publicity_from      date,
    publicity_to        date,
    publicity_photo     varchar(100),
    file_sha256         char(64),
    file_layout         varchar(120),
    rejection           varchar(500),
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             int          not null default 0,
    check (reviewed_by is null or reviewed_by <> submitted_by),
    check (decided_by is null or decided_by <> reviewed_by)
);
create index batch_org_idx on batch (org_id, id);

create table batch_item (
    id                bigserial primary key,
    batch_id          bigint       not null references batch (id),
    subject_type      varchar(20)  not null,
    subject_id        bigint       not null,
    name              varchar(50)  not null,
    org_name          varchar(100) not null,
    bank_name         varchar(100),
    card_enc          bytea        not null,
    card_bidx         bytea        not null,
    card_masked       varchar(30)  not null,
    amount_fen        bigint       not null check (amount_fen > 0),
    reference         varchar(40)  not null unique,
    status            varchar(12)  not null check (status in ('PENDING', 'EXCLUDED', 'PAID', 'FAILED', 'RETURNED', 'REISSUED', 'REFUNDED')),
    status_note       varchar(500),
    reissue_of        bigint references batch_item (id),
    unique (batch_id, subject_id, reissue_of)
);
create index batch_item_batch_idx on batch_item (batch_id);

create table objection (
    id           bigserial primary key,
    batch_id     bigint        not null references batch (id),
    raised_by    varchar(100)  not null,
    content      varchar(1000) not null,
    recorded_by  varchar(64)   not null,
    recorded_at  timestamptz   not null default now(),
    resolution   varchar(1000),
    resolved_by  varchar(64),
    resolved_at  timestamptz
);

create table statement_line (
    id            bigserial primary key,
    batch_id      bigint       not null references batch (id),
    line_digest   char(64)     not null unique,
    reference     varchar(40),
    name          varchar(50),
    card_bidx     bytea,
    amount_fen    bigint       not null,
    outcome       varchar(10)  not null check (outcome in ('PAID', 'FAILED', 'RETURNED')),
    value_date    date         not null,
    item_id       bigint references batch_item (id),
    matched_by    varchar(20),
    imported_by   varchar(64)  not null,
    imported_at   timestamptz  not null default now()
);
create index statement_line_batch_idx on statement_line (batch_id);

-- 下拨: money passed to a lower union with its 拨款通知单; it becomes that union's receipt.
create table allocation (
    id            bigserial primary key,
    org_id        bigint       not null references organisation (id),
    to_org_id     bigint       not null references organisation (id),
    year          int          not null,
    source        varchar(20)  not null,
    amount_fen    bigint       not null check (amount_fen > 0),
    nature        varchar(100) not null,
    conditions    varchar(1000) not null,
    notice_no     varchar(100) not null unique,
    allocated_on  date         not null,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now(),
    check (org_id <> to_org_id)
);
