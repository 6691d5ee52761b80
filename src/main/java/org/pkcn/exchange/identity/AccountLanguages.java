package org.pkcn.exchange.identity;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.pkcn.exchange.proposal.Language;
import org.springframework.stereotype.Service;

/** The language an account chose (user info {@value CamundaGroupDirectory#LANGUAGE}): pages and mail use it. */
@Service
public class AccountLanguages {

    private final IdentityService identityService;

    AccountLanguages(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<Language> of(String userId) {
        return Optional.ofNullable(Language.ofCode(identityService.getUserInfo(userId, CamundaGroupDirectory.LANGUAGE)));
    }

    public void choose(String userId, Language language) {
        if (!of(userId).equals(Optional.of(language))) {
            identityService.setUserInfo(userId, CamundaGroupDirectory.LANGUAGE, language.code());
        }
    }
}
