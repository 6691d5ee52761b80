package org.pkcn.exchange.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An operator can stop the Tasklist reloading the filters by itself every 10 seconds (each reload counts the
 * whole queue): {@code exchange.tasklist.auto-refresh=false} takes effect on the filters when the service starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "exchange.tasklist.auto-refresh=false")
@ActiveProfiles("test")
class TasklistAutoRefreshTests {

    @Autowired FilterService filterService;

    @Test
    void autoRefreshOff_leavesReloadingTheInboxesToTheReviewers() {
        for (String name : List.of("STZA inbox", "ZBRA inbox", "Overdue")) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            assertThat(filter.getProperties()).as(name).containsEntry("refresh", false)
                    .containsKeys("description", "priority", "variables");
        }
    }

    /** The tests share one database: the other test contexts' filters reload themselves, as by default. */
    @AfterEach
    void restoreTheDefault() {
        for (Filter filter : filterService.createFilterQuery().list()) {
            filter.getProperties().put("refresh", true);
            filterService.saveFilter(filter);
        }
    }
}
