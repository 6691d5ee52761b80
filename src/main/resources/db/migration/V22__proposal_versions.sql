-- Earlier versions of a proposal: when an applicant resubmits, the fields the reviewers saw until then are
-- kept here (proposal.ProposalVersion) in the same transaction, so the registry alone says what a proposal
-- said at each review round; the proposal row holds the current version. Same columns as the proposal's.

create sequence proposal_version_seq start with 1 increment by 50;

create table proposal_version (
    id                 bigint primary key,
    proposal_id        bigint        not null references proposal (id),
    number             integer       not null,
    submitted_by       varchar(64)   not null,
    submitted_at       timestamp(6) with time zone not null,
    replaced_at        timestamp(6) with time zone not null,
    title              varchar(200)  not null,
    applicant_name     varchar(200)  not null,
    applicant_kind     varchar(40)   not null,
    applicant_country  varchar(2)    not null,
    applicant_city     varchar(100)  not null,
    contact_name       varchar(200)  not null,
    contact_email      varchar(254)  not null,
    contact_language   varchar(2)    not null,
    docking_requested  boolean       not null,
    counterpart_name   varchar(200),
    counterpart_kind   varchar(40),
    counterpart_email  varchar(254),
    sector             varchar(40)   not null,
    exchange_kind      varchar(40)   not null,
    objectives         varchar(4000) not null,
    expected_outcomes  varchar(4000) not null,
    start_date         date          not null,
    duration_months    integer       not null,
    budget_amount      numeric(15, 2) not null,
    budget_currency    varchar(3)    not null,
    constraint proposal_version_number_uq unique (proposal_id, number)
);
