package org.pkcn.exchange.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's default grants, except one: a task's candidate group gets no grant on that task.
 *
 * <p>With one grant per task and group, every task query of a reviewer joins each task to all of the
 * group's task grants: at 20,000 waiting reviews the "STZA inbox" took 45 s on PostgreSQL (README
 * "Performance"). Reviewers are granted the review's tasks on its process definition instead
 * ({@link ProgrammeAccess}); each party's review space keeps them to their own party's tasks. The people a
 * task names (its assignee, its owner, a candidate user) still get their grant on it: an applicant sees
 * their own change request that way.
 */
@Component
class TaskGrantsForPeopleOnly extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
                return null;
            }
        });
    }
}
