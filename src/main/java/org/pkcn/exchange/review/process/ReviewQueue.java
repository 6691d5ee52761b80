package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.REVIEW_TASK;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.pkcn.exchange.review.Party;

/**
 * A party's review queue: its review tasks, claimed or not, found by the party's review space. The space
 * also holds the revisions an applicant owes the party; those are the applicant's work, so the task's key
 * is asked for too.
 *
 * <p>Not "candidate group in reviewers, supervisors": that joins each task to its identity links and
 * counts distinct tasks, which took 0.2-0.6 s at 100,000 waiting on PostgreSQL; this query reads one
 * index (V7.24.0.101, README "Performance").
 */
public final class ReviewQueue {

    private ReviewQueue() {
    }

    public static TaskQuery of(TaskService taskService, Party party) {
        return taskService.createTaskQuery().tenantIdIn(party.reviewSpace()).taskDefinitionKey(REVIEW_TASK);
    }
}
