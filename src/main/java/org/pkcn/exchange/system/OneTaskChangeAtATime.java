package org.pkcn.exchange.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets one change of a given task (complete, claim, assign, submit its form...) through at a time on this
 * node. Two reviewers deciding the same task at the same instant otherwise race inside the engine, and the
 * loser may get an internal error instead of a clear answer; in turn, the loser now finds the task decided
 * (404, "completed meanwhile") or claimed (409). Across nodes the database's optimistic locking decides.
 * Locks are striped by task id, so memory stays bounded.
 */
class OneTaskChangeAtATime extends OncePerRequestFilter {

    private static final Pattern TASK_CHANGE = Pattern.compile("/task/([^/]+)/[a-z-]+$");
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    OneTaskChangeAtATime() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher change = TASK_CHANGE.matcher(request.getRequestURI());
        if (!"POST".equals(request.getMethod()) || !change.find()) {
            chain.doFilter(request, response);
            return;
        }
        ReentrantLock lock = stripes[Math.floorMod(change.group(1).hashCode(), stripes.length)];
        lock.lock();
        try {
            chain.doFilter(request, response);
        } finally {
            lock.unlock();
        }
    }
}
