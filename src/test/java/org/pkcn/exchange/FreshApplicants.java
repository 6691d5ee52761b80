package org.pkcn.exchange;

import org.camunda.bpm.engine.IdentityService;

/** Applicant accounts of their own for a test, so that counts and attempts start from nothing. */
public final class FreshApplicants {

    private FreshApplicants() {
    }

    /** A new member of "applicants", id {@code prefix-<nanos>}, e-mail {@code <id>@example.org}. */
    public static String create(IdentityService identityService, String prefix, String password) {
        String id = prefix + "-" + System.nanoTime();
        var user = identityService.newUser(id);
        user.setFirstName("Fresh");
        user.setLastName("Applicant");
        user.setEmail(id + "@example.org");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, "applicants");
        return id;
    }
}
