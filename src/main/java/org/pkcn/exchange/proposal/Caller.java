package org.pkcn.exchange.proposal;

import java.util.List;

/**
 * Who is asking: the signed-in account, its groups, and whether it reads every proposal (reviewers and
 * administrators do); everybody else sees only their own.
 */
public record Caller(String userId, List<String> groups, boolean readsAll) {

    public Caller {
        groups = List.copyOf(groups);
    }

    public boolean owns(Proposal proposal) {
        return userId.equals(proposal.applicantUser());
    }
}
