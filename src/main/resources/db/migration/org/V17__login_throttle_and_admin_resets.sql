-- Failed logins are counted per account and source address: tries from one place lock that place out of that
-- account, never the account's owner working elsewhere (an anonymous stranger cannot lock secadmin out).
create table login_throttle (
    username     varchar(64) not null,
    source       varchar(64) not null,
    failures     integer     not null default 0,
    locked_until timestamptz,
    primary key (username, source)
);

-- An administrator's password is reset by two administrators: the system administrator asks, another
-- administrator (not the one asking, not the account's holder) approves and sets the temporary password.
alter table app_user add column reset_requested_by varchar(64);
alter table app_user add column reset_requested_at timestamptz;
