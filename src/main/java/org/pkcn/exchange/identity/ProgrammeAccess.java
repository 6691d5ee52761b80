package org.pkcn.exchange.identity;

import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;
import static org.pkcn.exchange.identity.ProgrammeGroups.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.pkcn.exchange.process.ExchangeProposalProcess;

/**
 * Who may do what, in one place (README's "Accounts and authorizations" repeats this table).
 *
 * <ul>
 * <li>Administrators ({@code camunda-admin}): everything, in every webapp.</li>
 * <li>Reviewers and supervisors of each party: the Tasklist, reading the two process definitions
 * (names, forms, diagrams), and reading and updating the review's tasks (READ_TASK, UPDATE_TASK on the
 * review's definition). UPDATE lets them claim, and assign or delegate to a colleague. READ_INSTANCE on
 * the review lets the Tasklist show a task's columns (task-local variables, which the engine lets read
 * with a grant on the task itself or on the instance, not with READ_TASK). The engine's tenant check
 * keeps them to their own party's review space ({@code ReviewSpaces}, {@link ProgrammeGroups#SPACES}), so
 * STZA people never see ZBRA's tasks and the other way round. The grant is on the definition, not one
 * per task ({@link TaskGrantsForPeopleOnly} says why). No Cockpit, no Admin.</li>
 * <li>Applicants: the Tasklist, starting a proposal, and their own revision tasks (the engine grants
 * the assignee of a task access to it; applicants belong to both parties' review spaces, where those
 * tasks live).</li>
 * </ul>
 * Tasklist filters are granted to the groups that use them by {@code TasklistFilters}.
 */
final class ProgrammeAccess {

    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
    }

    static final String TASKLIST = "tasklist";

    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Resource resource : Resources.values()) {
            grants.add(new Grant(ADMINS, resource, Authorization.ANY, Permissions.ALL));
        }
        for (String group : REVIEW_GROUPS) {
            grants.add(new Grant(group, APPLICATION, TASKLIST, ACCESS));
            grants.add(new Grant(group, PROCESS_DEFINITION, ExchangeProposalProcess.PROCESS_KEY, READ));
            grants.add(new Grant(group, PROCESS_DEFINITION, ExchangeProposalProcess.REVIEW_PROCESS_KEY, READ,
                    READ_TASK, UPDATE_TASK, READ_INSTANCE));
        }
        grants.add(new Grant(APPLICANTS, APPLICATION, TASKLIST, ACCESS));
        grants.add(new Grant(APPLICANTS, PROCESS_DEFINITION, ExchangeProposalProcess.PROCESS_KEY, READ, CREATE_INSTANCE));
        grants.add(new Grant(APPLICANTS, PROCESS_DEFINITION, ExchangeProposalProcess.REVIEW_PROCESS_KEY, READ));
        grants.add(new Grant(APPLICANTS, PROCESS_INSTANCE, Authorization.ANY, CREATE));
        return grants;
    }

    /** Writes the grants; running it again changes nothing. */
    static void apply(AuthorizationService authorizations) {
        for (Grant grant : grants()) {
            Authorization existing = authorizations.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(grant.group())
                    .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
            Authorization authorization = existing != null ? existing
                    : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            Stream.of(grant.permissions()).forEach(authorization::addPermission);
            authorizations.saveAuthorization(authorization);
        }
    }

    private ProgrammeAccess() {
    }
}
