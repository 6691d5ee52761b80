package org.pkcn.exchange.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.pkcn.exchange.system.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start-up: the programme's groups and the parties' review spaces exist, the grants of
 * {@link ProgrammeAccess} are in place,
 * and the configured administrator exists as a direct member of {@code camunda-admin}. Outside the demo
 * default it refuses to start without a strong administrator password, saying what to set.
 */
@Component
class AccountSetup {

    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);
    static final String DEMO_PASSWORD = "demo";
    static final int MIN_PASSWORD_LENGTH = 12;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final AdministratorProperties administrator;
    private final boolean demo;
    private final ClusterLock clusterLock;

    AccountSetup(IdentityService identityService, AuthorizationService authorizationService,
            AdministratorProperties administrator, @Value("${exchange.demo.enabled:false}") boolean demo,
            ClusterLock clusterLock) {
        this.clusterLock = clusterLock;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.administrator = administrator;
        this.demo = demo;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void setUp() {
        String password = checkedAdministratorPassword();
        // Several nodes may start at once on an empty database: one creates, the others then find.
        clusterLock.exclusively(() -> setUp(password));
    }

    private void setUp(String password) {
        for (ProgrammeGroups.Definition definition : ProgrammeGroups.DEFINITIONS) {
            if (identityService.createGroupQuery().groupId(definition.id()).count() == 0) {
                Group group = identityService.newGroup(definition.id());
                group.setName(definition.name());
                group.setType(definition.type());
                identityService.saveGroup(group);
            }
        }
        ensureReviewSpaces();
        ProgrammeAccess.apply(authorizationService);
        ensureAdministrator(password);
    }

    private void ensureReviewSpaces() {
        for (ProgrammeGroups.Space space : ProgrammeGroups.SPACES) {
            if (identityService.createTenantQuery().tenantId(space.id()).count() == 0) {
                Tenant tenant = identityService.newTenant(space.id());
                tenant.setName(space.name());
                identityService.saveTenant(tenant);
            }
            for (String group : space.groups()) {
                if (identityService.createTenantQuery().tenantId(space.id()).groupMember(group).count() == 0) {
                    identityService.createTenantGroupMembership(space.id(), group);
                }
            }
        }
    }

    private String checkedAdministratorPassword() {
        String password = administrator.password();
        if (demo && (password == null || password.isBlank())) {
            return DEMO_PASSWORD;
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("No administrator password is set. Set EXCHANGE_ADMIN_PASSWORD (and "
                    + "EXCHANGE_ADMIN_ID, default 'admin') in the environment: the first administrator is created "
                    + "from them at start-up.");
        }
        if (!demo) {
            List<String> weak = List.of(DEMO_PASSWORD, "admin", "password", "camunda", administrator.id());
            if (password.length() < MIN_PASSWORD_LENGTH || weak.stream().anyMatch(password::equalsIgnoreCase)) {
                throw new IllegalStateException("EXCHANGE_ADMIN_PASSWORD is too weak: use at least "
                        + MIN_PASSWORD_LENGTH + " characters, and not a default such as 'demo' or the account's name.");
            }
        }
        return password;
    }

    private void ensureAdministrator(String password) {
        String id = administrator.id();
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("Programme");
            user.setLastName("Administrator");
            user.setEmail(administrator.email());
            user.setPassword(password);
            identityService.saveUser(user);
            log.info("Created the administrator account '{}'", id);
        }
        // A direct membership: the Admin webapp's first-run setup stays closed only while one exists.
        if (identityService.createUserQuery().userId(id).memberOfGroup(ProgrammeGroups.ADMINS).count() == 0) {
            identityService.createMembership(id, ProgrammeGroups.ADMINS);
        }
    }
}
