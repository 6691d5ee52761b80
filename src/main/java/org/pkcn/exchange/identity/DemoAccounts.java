package org.pkcn.exchange.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the embedded default, all with password {@code demo}, so a newcomer can play
 * every role at once. Off ({@code exchange.demo.enabled=false}) on every other profile.
 * Creating them is idempotent: a restart keeps what exists.
 */
@Component
@ConditionalOnProperty(name = "exchange.demo.enabled", havingValue = "true")
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final String PASSWORD = "demo";

    record Account(String id, String firstName, String lastName, String email, String language, String group) {
    }

    static final List<String[]> GROUPS = List.of(
            new String[] {"camunda-admin", "Administrators", "SYSTEM"},
            new String[] {"stza-reviewers", "STZA reviewers", "WORKFLOW"},
            new String[] {"stza-supervisors", "STZA supervisors", "WORKFLOW"},
            new String[] {"zbra-reviewers", "ZBRA reviewers", "WORKFLOW"},
            new String[] {"zbra-supervisors", "ZBRA supervisors", "WORKFLOW"},
            new String[] {"applicants", "Applicants", "WORKFLOW"});

    static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "Programme", "Administrator", "admin@exchange.example.org", "en", "camunda-admin"),
            new Account("stza-reviewer", "Ayesha", "Khan", "stza-reviewer@stza.example.org", "en", "stza-reviewers"),
            new Account("stza-supervisor", "Imran", "Qureshi", "stza-supervisor@stza.example.org", "en", "stza-supervisors"),
            new Account("zbra-reviewer", "Li", "Wei", "zbra-reviewer@zbra.example.org", "zh", "zbra-reviewers"),
            new Account("zbra-supervisor", "Zhang", "Min", "zbra-supervisor@zbra.example.org", "zh", "zbra-supervisors"),
            new Account("applicant", "Sara", "Ahmed", "applicant@applicant.example.org", "en", "applicants"));

    private final IdentityService identityService;

    DemoAccounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationStartedEvent.class)
    void create() {
        for (String[] group : GROUPS) {
            if (identityService.createGroupQuery().groupId(group[0]).count() == 0) {
                Group created = identityService.newGroup(group[0]);
                created.setName(group[1]);
                created.setType(group[2]);
                identityService.saveGroup(created);
            }
        }
        for (Account account : ACCOUNTS) {
            if (identityService.createUserQuery().userId(account.id()).count() == 0) {
                User user = identityService.newUser(account.id());
                user.setFirstName(account.firstName());
                user.setLastName(account.lastName());
                user.setEmail(account.email());
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                identityService.setUserInfo(account.id(), CamundaGroupDirectory.LANGUAGE, account.language());
                identityService.createMembership(account.id(), account.group());
            }
        }
        log.info("Demo accounts ready (password 'demo'): {}", ACCOUNTS.stream().map(Account::id).toList());
    }
}
