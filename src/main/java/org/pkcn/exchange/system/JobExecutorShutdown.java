package org.pkcn.exchange.system;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A stopping node finishes or hands back the jobs it took. The engine locks the jobs a node acquires for
 * the lock time ({@code camunda.bpm.job-execution.lock-time-in-millis}, 5 minutes by default); left alone,
 * Spring would close the engine first and then throw away the jobs still queued in the job threads' pool,
 * and the other nodes could not run them before the locks expire.
 *
 * <p>So, first of all at shutdown (before the engine closes): acquisition stops, the jobs already taken run
 * to their end within {@code exchange.jobs.shutdown-grace} (keep the container's stop grace period above
 * it), and the locks of whatever this node could not run are released for the other nodes at once. A node
 * that dies without shutting down (kill -9, power loss) leaves its locks to expire; the other nodes then
 * run those jobs.
 */
@Component
class JobExecutorShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

    private final ObjectProvider<JobExecutor> jobExecutor;
    private final ObjectProvider<TaskExecutor> jobThreads;
    private final JdbcTemplate jdbc;
    private final Duration grace;
    private final String tablePrefix;
    private volatile boolean running;

    JobExecutorShutdown(ObjectProvider<JobExecutor> jobExecutor,
            @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads, JdbcTemplate jdbc,
            @Value("${exchange.jobs.shutdown-grace:PT20S}") Duration grace,
            @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.jobExecutor = jobExecutor;
        this.jobThreads = jobThreads;
        this.jdbc = jdbc;
        this.grace = grace;
        this.tablePrefix = tablePrefix;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        JobExecutor executor = jobExecutor.getIfAvailable();
        if (executor == null || !executor.isActive()) {
            return;
        }
        executor.shutdown();
        if (jobThreads.getIfAvailable() instanceof ThreadPoolTaskExecutor threads) {
            ThreadPoolExecutor pool = threads.getThreadPoolExecutor();
            pool.shutdown(); // runs what is queued, takes nothing new
            try {
                if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("Jobs still running after the shutdown grace of {}", grace);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Bumping the revision makes a job still running here fail its own update instead of overwriting
        // the work another node does with it.
        int released = jdbc.update("update " + tablePrefix + "ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null,"
                + " REV_ = REV_ + 1 where LOCK_OWNER_ = ?", executor.getLockOwner());
        log.info("Job executor stopped; {} job lock(s) handed back to the other nodes", released);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops among the first, while the engine and the database are still there. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
