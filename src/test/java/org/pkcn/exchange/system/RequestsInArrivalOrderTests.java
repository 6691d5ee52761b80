package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Applicants' requests beyond the places wait in arrival order; one that waits too long is told to come back. */
class RequestsInArrivalOrderTests {

    @Test
    void requestsBeyondThePlaces_wait_andTakeAFreedPlaceInTheOrderTheyCame() throws Exception {
        HandlerInterceptor admission = new RequestsInArrivalOrder(1, Duration.ofSeconds(20)).admission();
        MockHttpServletRequest first = request();
        assertThat(admission.preHandle(first, new MockHttpServletResponse(), null)).isTrue();

        ConcurrentLinkedQueue<String> admitted = new ConcurrentLinkedQueue<>();
        MockHttpServletRequest second = request();
        Thread secondWaits = waiting(admission, second, "second", admitted);
        MockHttpServletRequest third = request();
        Thread thirdWaits = waiting(admission, third, "third", admitted);
        assertThat(admitted).as("admitted while the only place is taken").isEmpty();

        admission.afterCompletion(first, new MockHttpServletResponse(), null, null);
        secondWaits.join(10_000);
        assertThat(admitted).containsExactly("second");
        assertThat(thirdWaits.isAlive()).as("the third still waits").isTrue();

        admission.afterCompletion(second, new MockHttpServletResponse(), null, null);
        thirdWaits.join(10_000);
        assertThat(admitted).containsExactly("second", "third");
    }

    @Test
    void aRequestThatFindsNoPlaceInTime_isAnswered503WithRetryAfter_andTakesNoPlace() throws Exception {
        HandlerInterceptor admission = new RequestsInArrivalOrder(1, Duration.ofMillis(200)).admission();
        MockHttpServletRequest first = request();
        admission.preHandle(first, new MockHttpServletResponse(), null);

        MockHttpServletRequest late = request();
        assertThatThrownBy(() -> admission.preHandle(late, new MockHttpServletResponse(), null))
                .isInstanceOfSatisfying(ServiceBusyException.class, busy -> {
                    assertThat(busy.getStatusCode().value()).isEqualTo(503);
                    assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                            .isEqualTo(ServiceBusyException.RETRY_AFTER_SECONDS);
                    assertThat(busy.getBody().getDetail()).contains("busy", "nothing of it was done");
                });
        admission.afterCompletion(late, new MockHttpServletResponse(), null, null);
        admission.afterCompletion(first, new MockHttpServletResponse(), null, null);

        MockHttpServletRequest next = request();
        assertThat(CompletableFuture.supplyAsync(() -> preHandle(admission, next)).get(1, TimeUnit.SECONDS))
                .as("the place is free again: the refused request did not keep one").isTrue();
    }

    @Test
    void anAsynchronousRequestsSecondDispatch_keepsItsOnePlace_andGivesItBackOnce() throws Exception {
        HandlerInterceptor admission = new RequestsInArrivalOrder(1, Duration.ofMillis(200)).admission();
        MockHttpServletRequest request = request();
        assertThat(admission.preHandle(request, new MockHttpServletResponse(), null)).isTrue();
        assertThat(admission.preHandle(request, new MockHttpServletResponse(), null)).as("its later dispatch").isTrue();
        admission.afterCompletion(request, new MockHttpServletResponse(), null, null);

        assertThat(admission.preHandle(request(), new MockHttpServletResponse(), null)).isTrue();
        assertThatThrownBy(() -> admission.preHandle(request(), new MockHttpServletResponse(), null))
                .as("one place, given back once: the next takes it, the one after finds none")
                .isInstanceOf(ServiceBusyException.class);
    }

    @Test
    void noPlacesAtAll_isRefusedAtStartUp() {
        assertThatThrownBy(() -> new RequestsInArrivalOrder(0, Duration.ofSeconds(1)))
                .hasMessageContaining("exchange.web.concurrent-requests");
    }

    private static Thread waiting(HandlerInterceptor admission, MockHttpServletRequest request, String name,
            ConcurrentLinkedQueue<String> admitted) throws InterruptedException {
        Thread thread = new Thread(() -> {
            if (preHandle(admission, request)) {
                admitted.add(name);
            }
        }, name);
        thread.start();
        // Waiting at the semaphore's queue: from here on the order of arrival is fixed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!List.of(Thread.State.TIMED_WAITING, Thread.State.WAITING).contains(thread.getState())
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return thread;
    }

    private static boolean preHandle(HandlerInterceptor admission, MockHttpServletRequest request) {
        try {
            return admission.preHandle(request, new MockHttpServletResponse(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("POST", "/api/proposals");
    }
}
