package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor finds a proposal's steps by their due date (the index, not a read of every timer), and a step
 * without a due date, made before that setting, is given one when the service starts instead of waiting forever.
 */
@ExchangeTest
class JobDueDatesTests extends ProcessScenario {

    @Autowired JobDueDates jobDueDates;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSubmissionsStep_isDueAtOnce_andTheJobExecutorAcquiresIt() {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));
        Job step = pendingJob(reference);

        assertThat(step.getDuedate()).isNotNull().isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        assertThat(acquiredNow()).contains(step.getId());
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ is null", Integer.class))
                .isZero();
    }

    @Test
    void aStepWithoutADueDate_fromBeforeTheSetting_isGivenOneAtStart() throws Exception {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));
        String step = pendingJob(reference).getId();
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", step);
        assertThat(acquiredNow()).as("acquired without a due date").doesNotContain(step);

        assertThat(jobDueDates.giveDueDates()).isEqualTo(1);

        assertThat(pendingJob(reference).getDuedate()).isNotNull();
        assertThat(acquiredNow()).contains(step);
        runPendingStep(reference);
        assertThat(mailsAbout(reference)).isNotEmpty();
    }

    /** The jobs the job executor would take now; handed back at once, so that the test runs them itself. */
    private Set<String> acquiredNow() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        JobExecutor jobExecutor = configuration.getJobExecutor();
        List<List<String>> batches = configuration.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(jobExecutor, 1000)).getJobIdBatches();
        jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?",
                jobExecutor.getLockOwner());
        return batches.stream().flatMap(List::stream).collect(Collectors.toSet());
    }
}
