-- Foundation: regions, the union tree, users and roles, security policy, the audit log.

-- GB/T 2260 divisions, loaded by the Java migration V2 from classpath:regions/*.csv
create table region (
    code        char(6) primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    parent_code char(6) references region (code)
);
create index region_parent_idx on region (parent_code);

-- 低保标准 per region, kept as history: a new standard is a new row with its own effective date.
create table subsistence_standard (
    id             bigserial primary key,
    region_code    char(6)      not null references region (code),
    monthly_fen    bigint       not null check (monthly_fen > 0),
    effective_from date         not null,
    document_ref   varchar(200),
    recorded_by    varchar(64)  not null,
    recorded_at    timestamptz  not null default now(),
    unique (region_code, effective_from)
);

create table organisation (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    level       varchar(20)  not null check (level in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY', 'INDUSTRIAL', 'GRASSROOTS')),
    parent_id   bigint references organisation (id),
    region_code char(6) references region (code),
    -- materialised path "/1/2/5/": a row is in a user's scope when its organisation's path starts with the user's
    path        varchar(400) not null unique,
    created_at  timestamptz  not null default now(),
    version     int          not null default 0,
    check ((level = 'NATIONAL') = (parent_id is null))
);
create index organisation_path_idx on organisation (path text_pattern_ops);
create index organisation_parent_idx on organisation (parent_id);
create unique index organisation_name_under_parent on organisation (coalesce(parent_id, 0), name);

create table app_user (
    id                   bigserial primary key,
    username             varchar(64)  not null unique,
    display_name         varchar(64)  not null,
    password_hash        varchar(200) not null,
    org_id               bigint       not null references organisation (id),
    enabled              boolean      not null default true,
    must_change_password boolean      not null default true,
    failed_attempts      int          not null default 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz  not null default now(),
    version              int          not null default 0
);
create index app_user_org_idx on app_user (org_id);

create table user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(20) not null check (role in ('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR', 'SYSADMIN', 'SECADMIN', 'AUDITADMIN')),
    primary key (user_id, role)
);

-- One row: the security policy the security administrator sets.
create table security_policy (
    id                   int primary key check (id = 1),
    max_failed_attempts  int not null check (max_failed_attempts between 3 and 20),
    lockout_minutes      int not null check (lockout_minutes between 1 and 1440),
    password_min_length  int not null check (password_min_length between 8 and 64),
    updated_by           varchar(64) not null,
    updated_at           timestamptz not null default now()
);
insert into security_policy (id, max_failed_attempts, lockout_minutes, password_min_length, updated_by)
values (1, 5, 15, 8, 'system');

-- The audit log: append-only, each row chained to the one before by an SM3 hash.
create sequence audit_log_seq;
create table audit_log (
    id             bigint primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(64)  not null,
    org_id         bigint,
    org_path       varchar(400),
    action         varchar(64)  not null,
    entity_type    varchar(64),
    entity_id      varchar(64),
    detail         text,
    request_id     varchar(64),
    client_address varchar(64),
    prev_hash      bytea        not null,
    hash           bytea        not null
);
create index audit_log_org_idx on audit_log (org_path text_pattern_ops, id);
create index audit_log_actor_idx on audit_log (actor, id);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
