-- Applicants' attachments (PDF, DOCX, XLSX, PNG, JPEG; up to 10 MB each, 5 per proposal), bytes in the
-- database so one backup holds the whole proposal. Written for both H2 and PostgreSQL (bytea is H2's
-- alias of varbinary).

create sequence attachment_seq start with 1 increment by 1;

create table attachment (
    id           bigint primary key,
    proposal_id  bigint        not null references proposal (id),
    file_name    varchar(255)  not null,
    media_type   varchar(100)  not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    content      bytea         not null,
    uploaded_by  varchar(64)   not null,
    uploaded_at  timestamp(6) with time zone not null
);

create index attachment_proposal_idx on attachment (proposal_id);

-- Reviewers and administrators page through all proposals, newest first.
create index proposal_submitted_idx on proposal (submitted_at, id);
