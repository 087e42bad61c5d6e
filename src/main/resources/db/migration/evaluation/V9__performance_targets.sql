-- 绩效目标申报表: the year's targets per indicator, frozen once submitted; later changes are recorded adjustments.
create table performance_target (
    id              bigserial primary key,
    org_id          bigint        not null references organisation (id),
    year            int           not null,
    indicator_code  varchar(60)   not null,
    target          numeric(14, 2) not null check (target >= 0),
    unit            varchar(20),
    kind            varchar(12)   not null check (kind in ('DECLARED', 'ADJUSTMENT')),
    reason          varchar(500),
    submitted       boolean       not null default false,
    recorded_by     varchar(64)   not null,
    recorded_at     timestamptz   not null default now()
);
create index performance_target_idx on performance_target (org_id, year, indicator_code, id);
