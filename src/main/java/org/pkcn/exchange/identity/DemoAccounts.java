package org.pkcn.exchange.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.pkcn.exchange.system.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the embedded default, all with password {@code demo}, so a newcomer can play
 * every role (the administrator, {@code admin}, comes from {@link AccountSetup}). Off
 * ({@code exchange.demo.enabled=false}) on every other profile. Idempotent: a restart keeps what exists.
 */
@Component
@ConditionalOnProperty(name = "exchange.demo.enabled", havingValue = "true")
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Account(String id, String firstName, String lastName, String email, String language, String group) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("stza-reviewer", "Ayesha", "Khan", "stza-reviewer@stza.example.org", "en",
                    ProgrammeGroups.STZA_REVIEWERS),
            new Account("stza-supervisor", "Imran", "Qureshi", "stza-supervisor@stza.example.org", "en",
                    ProgrammeGroups.STZA_SUPERVISORS),
            new Account("zbra-reviewer", "Li", "Wei", "zbra-reviewer@zbra.example.org", "zh",
                    ProgrammeGroups.ZBRA_REVIEWERS),
            new Account("zbra-supervisor", "Zhang", "Min", "zbra-supervisor@zbra.example.org", "zh",
                    ProgrammeGroups.ZBRA_SUPERVISORS),
            new Account("applicant", "Sara", "Ahmed", "applicant@applicant.example.org", "en",
                    ProgrammeGroups.APPLICANTS));

    private final IdentityService identityService;
    private final ClusterLock clusterLock;

    DemoAccounts(IdentityService identityService, ClusterLock clusterLock) {
        this.identityService = identityService;
        this.clusterLock = clusterLock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void create() {
        clusterLock.exclusively(this::createMissing);
        log.info("Demo accounts ready (password 'demo'): admin, {}", ACCOUNTS.stream().map(Account::id).toList());
    }

    private void createMissing() {
        for (Account account : ACCOUNTS) {
            if (identityService.createUserQuery().userId(account.id()).count() == 0) {
                User user = identityService.newUser(account.id());
                user.setFirstName(account.firstName());
                user.setLastName(account.lastName());
                user.setEmail(account.email());
                user.setPassword(AccountSetup.DEMO_PASSWORD);
                identityService.saveUser(user);
                identityService.setUserInfo(account.id(), CamundaGroupDirectory.LANGUAGE, account.language());
                identityService.createMembership(account.id(), account.group());
            }
        }
    }
}
