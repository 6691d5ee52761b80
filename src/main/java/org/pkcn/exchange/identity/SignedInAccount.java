package org.pkcn.exchange.identity;

import java.io.Serializable;
import java.util.List;
import org.pkcn.exchange.proposal.Caller;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;

/** The account behind a portal session or an API call: its id (the engine's user id; also {@link #getName()}), the name it shows and its groups. */
public record SignedInAccount(String id, String displayName, List<String> groups) implements AuthenticatedPrincipal, Serializable {

    public SignedInAccount {
        groups = List.copyOf(groups);
    }

    @Override
    public String getName() {
        return id;
    }

    /** Reviewers, supervisors and administrators read every proposal. */
    public boolean readsAllProposals() {
        return groups.contains(ProgrammeGroups.ADMINS) || groups.stream().anyMatch(ProgrammeGroups.REVIEW_GROUPS::contains);
    }

    public Caller caller() {
        return new Caller(id, groups, readsAllProposals());
    }

    /** The account of a signed-in request; fails for anything else (the security rules keep those out). */
    public static SignedInAccount of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
            return account;
        }
        throw new IllegalStateException("No signed-in account");
    }
}
