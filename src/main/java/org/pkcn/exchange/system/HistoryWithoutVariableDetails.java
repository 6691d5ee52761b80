package org.pkcn.exchange.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): everything of {@code full}
 * but the row per variable write in ACT_HI_DETAIL.
 *
 * <p>Why: a submission writes about 55 variables (its own and their copies in the review it starts), each a
 * detail row on {@code full}. Those rows only repeated what a proposal said, and the registry keeps that itself (each version an applicant submitted, with what
 * changed: {@code proposal.ProposalVersion}). Kept: the user operation log (who deployed a model, who changed an
 * instance in Cockpit), each variable's latest value (ACT_HI_VARINST), tasks, activities, incidents, the job log
 * and decisions with their inputs and outputs. The level keeps full's id (3), the only thing the engine checks
 * against the database, so a node can switch between this level and {@code full} without a migration.
 */
@Component
public class HistoryWithoutVariableDetails extends AbstractProcessEnginePlugin {

    public static final String NAME = "full-without-variable-details";

    public static final HistoryLevel LEVEL = new AbstractHistoryLevel() {
        @Override
        public int getId() {
            return HistoryLevel.HISTORY_LEVEL_FULL.getId();
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        offer(configuration);
    }

    /** Makes the level available to an engine by name; which level it runs is still its own setting. */
    public static void offer(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(LEVEL);
        configuration.setCustomHistoryLevels(levels);
    }
}
