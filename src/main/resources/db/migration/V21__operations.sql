-- Operations: a row lock several nodes take in turn for housekeeping that must not run twice at once
-- (system.ClusterLock: first administrator, demo accounts, Tasklist filters), and an index for the
-- metric "proposals by status" (one grouped count per scrape, cached).

create table cluster_lock (
    name varchar(64) primary key
);

insert into cluster_lock (name) values ('housekeeping');

create index proposal_status_idx on proposal (status);
