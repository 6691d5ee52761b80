package org.pkcn.exchange.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the start-up when the job executor may run as many jobs at once as the pool has connections.
 *
 * <p>A mail step holds its job's connection while it records the sent mail in a transaction of its own
 * (notification.MailLedger), so for a moment it needs a second one. Were every connection held by such a step,
 * all of them would wait for a second connection that never comes: the deadline-rush benchmark saw exactly
 * that with 10 job threads on 10 connections, the node frozen for 30 s and then every step failing. With
 * fewer job threads than connections one connection is always free or held by someone who does not wait,
 * so the steps always finish. Registered in META-INF/spring.factories.
 */
class ConnectionBudget implements EnvironmentPostProcessor {

    static final String JOB_THREADS = "camunda.bpm.job-execution.max-pool-size";
    static final String CONNECTIONS = "spring.datasource.hikari.maximum-pool-size";
    /** Camunda's and HikariCP's defaults when the settings are absent. */
    private static final int DEFAULT_JOB_THREADS = 10;
    private static final int DEFAULT_CONNECTIONS = 10;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true)) {
            return;
        }
        int jobThreads = environment.getProperty(JOB_THREADS, Integer.class, DEFAULT_JOB_THREADS);
        int connections = environment.getProperty(CONNECTIONS, Integer.class, DEFAULT_CONNECTIONS);
        if (jobThreads >= connections) {
            throw new IllegalStateException(JOB_THREADS + " (" + jobThreads + ") must be smaller than " + CONNECTIONS
                    + " (" + connections + "): a mail step briefly needs a second connection, and with as many job "
                    + "threads as connections they can all wait for one at once");
        }
    }
}
