package org.pkcn.exchange.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applicants' requests (the API and the portal) do their work a few at a time, in the order they arrived.
 *
 * <p>Why: in a deadline rush 32 submissions at once share 2 cores and a few connections. Each takes a
 * connection several times, and the pool hands a free one to whoever asks at that moment, so some requests
 * queued again and again: p99 was twice the mean (README "Performance"). Here a fair semaphore lets
 * {@code exchange.web.concurrent-requests} work at once and the others wait, first come first served, before
 * they start rather than halfway through. It is not Tomcat's thread limit because it comes after an upload has
 * been read: a slow upload from a far-away applicant must not hold a place while it trickles in. A request that
 * gets no place within {@code exchange.web.admission-wait} is answered 503 with Retry-After, nothing of it done.
 */
@Configuration(proxyBeanMethods = false)
class RequestsInArrivalOrder implements WebMvcConfigurer {

    private static final String ADMITTED = RequestsInArrivalOrder.class.getName() + ".admitted";

    private final Semaphore places;
    private final Duration wait;

    RequestsInArrivalOrder(@Value("${exchange.web.concurrent-requests}") int places,
            @Value("${exchange.web.admission-wait}") Duration wait) {
        if (places < 1) {
            throw new IllegalArgumentException("exchange.web.concurrent-requests must be at least 1, not " + places);
        }
        this.places = new Semaphore(places, true);
        this.wait = wait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(admission()).addPathPatterns("/api/**", "/portal/**");
    }

    HandlerInterceptor admission() {
        return new Admission();
    }

    private final class Admission implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(ADMITTED) != null) {
                return true; // an asynchronous request's later dispatch: it holds its place until it completes
            }
            try {
                if (!places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new ServiceBusyException();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new ServiceBusyException();
            }
            request.setAttribute(ADMITTED, Boolean.TRUE);
            return true;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception failure) {
            if (request.getAttribute(ADMITTED) != null) {
                request.removeAttribute(ADMITTED);
                places.release();
            }
        }
    }
}
