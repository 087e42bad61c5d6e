-- Satisfaction surveys (满意度调查): a reproducible random sample of a program's paid beneficiaries and their answers.
create table satisfaction_survey (
    id            bigserial primary key,
    org_id        bigint       not null references organisation (id),
    year          int          not null,
    program_id    bigint       not null references program (id),
    title         varchar(200) not null,
    seed          bigint       not null,
    sample_size   int          not null check (sample_size > 0),
    population    int          not null,
    questions     text         not null,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now()
);
create table survey_answer (
    survey_id     bigint       not null references satisfaction_survey (id),
    subject_type  varchar(20)  not null,
    subject_id    bigint       not null,
    name          varchar(50)  not null,
    method        varchar(10)  check (method in ('PAPER', 'PHONE', 'VISIT')),
    answers       text,
    satisfied     boolean,
    recorded_by   varchar(64),
    recorded_at   timestamptz,
    primary key (survey_id, subject_id)
);
