package org.pkcn.exchange.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.pkcn.exchange.notification.GroupDirectory;
import org.pkcn.exchange.notification.Recipient;
import org.pkcn.exchange.proposal.Language;
import org.springframework.stereotype.Component;

/**
 * Group members from the engine's identity store, the one account store of portal and Tasklist.
 * A user's preferred language is kept as the user info entry {@value #LANGUAGE}.
 */
@Component
class CamundaGroupDirectory implements GroupDirectory {

    static final String LANGUAGE = "language";

    private final IdentityService identityService;

    CamundaGroupDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public List<Recipient> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
                .map(user -> new Recipient(user.getEmail(), languageOf(user)))
                .toList();
    }

    private Language languageOf(User user) {
        Language language = Language.ofCode(String.valueOf(identityService.getUserInfo(user.getId(), LANGUAGE)));
        return language == null ? Language.EN : language;
    }
}
