package org.pkcn.exchange.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request of an applicant found no place to work in time ({@link RequestsInArrivalOrder}): nothing of it was
 * done, and the answer (503, a problem detail for the API, a page for the portal) says when to try again.
 */
public class ServiceBusyException extends ErrorResponseException {

    public static final String RETRY_AFTER_SECONDS = "30";

    ServiceBusyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is busy and could not start your request in time; nothing of it was done. "
                        + "Please try again in " + RETRY_AFTER_SECONDS + " seconds."), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
