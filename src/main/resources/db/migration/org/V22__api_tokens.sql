-- API tokens (接口令牌): an integrator's program calls the API with a token its user created, named, scoped
-- (read-only or not) and set to expire; only the SHA-256 of the token is kept, and the token is shown once.
create table api_token (
    id           bigserial primary key,
    user_id      bigint       not null references app_user (id),
    name         varchar(100) not null,
    token_hash   bytea        not null unique,
    prefix       varchar(12)  not null,
    read_only    boolean      not null,
    expires_at   timestamptz  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id, id);
