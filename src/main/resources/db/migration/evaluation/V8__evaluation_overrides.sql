-- An evaluator's override of an indicator's score, always with its reason; and the narrative paragraphs a union
-- writes for its report, kept with the year they describe.
create table evaluation_override (
    id              bigserial primary key,
    org_id          bigint        not null references organisation (id),
    year            int           not null,
    indicator_code  varchar(60)   not null,
    score           numeric(6, 2) not null check (score >= 0),
    reason          varchar(500)  not null,
    created_by      varchar(64)   not null,
    created_at      timestamptz   not null default now()
);
create index evaluation_override_idx on evaluation_override (org_id, year, indicator_code, id);

create table evaluation_narrative (
    org_id      bigint        not null references organisation (id),
    year        int           not null,
    section     varchar(20)   not null check (section in ('EXPERIENCE', 'PROBLEMS', 'SUGGESTIONS', 'OTHER')),
    text        varchar(5000) not null,
    updated_by  varchar(64)   not null,
    updated_at  timestamptz   not null default now(),
    primary key (org_id, year, section)
);
