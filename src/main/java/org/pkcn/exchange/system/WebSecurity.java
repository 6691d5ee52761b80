package org.pkcn.exchange.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.pkcn.exchange.identity.TooManyAttemptsException;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach the applicants' portal (/portal) and API (/api), with the accounts of the engine's
 * identity store ({@code identity.EngineAccountAuthentication}). The portal: a session after signing in
 * on its own page, CSRF tokens on every form; its assets and the sign-in and registration pages are
 * open. The API: HTTP Basic on every call, no session, answers in problem details.
 *
 * <p>Nothing else is touched: the Camunda webapps (/camunda) keep their own authentication, and the engine REST
 * API (/engine-rest) has its own door with the same sign-in ({@code identity.EngineRestSignIn}). The API's description (/swagger-ui.html,
 * /v3/api-docs) needs an account, and outside the demo default an administrator's. Actuator: health for
 * everyone (status only), the rest for administrators.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain apiDescription(HttpSecurity http,
            @org.springframework.beans.factory.annotation.Value("${exchange.demo.enabled:false}") boolean demo)
            throws Exception {
        return http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> {
                    if (demo) {
                        requests.anyRequest().authenticated();
                    } else {
                        requests.anyRequest().hasAuthority(org.pkcn.exchange.identity.ProgrammeGroups.ADMINS);
                    }
                })
                .httpBasic(basic -> basic.realmName("exchange"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> problem(response, json, failure);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized).realmName("exchange"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Calls carry their credentials in every request, never a cookie: nothing to forge across sites.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, AuthenticationSuccessHandler portalSignedIn) throws Exception {
        AuthenticationFailureHandler failed = (request, response, failure) -> response.sendRedirect(
                request.getContextPath() + "/portal/login?" + (failure instanceof TooManyAttemptsException
                        ? "blocked" : "error"));
        return http.securityMatcher("/portal/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/portal/assets/**", "/portal/vendor/**", "/portal/login", "/portal/register")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/portal/login").usernameParameter("login")
                        .successHandler(portalSignedIn).failureHandler(failed).permitAll())
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(Customizer.withDefaults())
                .build();
    }

    /**
     * Actuator: health (and its liveness and readiness groups) open to the load balancer and the container's
     * check, with the bare status only; details, metrics (/actuator/prometheus) and anything else exposed
     * there only for an administrator, by HTTP Basic, without a session.
     */
    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasAuthority(org.pkcn.exchange.identity.ProgrammeGroups.ADMINS))
                .httpBasic(basic -> basic.realmName("exchange"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, AuthenticationException failure)
            throws IOException {
        HttpStatus status = failure instanceof TooManyAttemptsException ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.UNAUTHORIZED;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure instanceof TooManyAttemptsException
                ? failure.getMessage()
                : "Sign in with HTTP Basic: your portal e-mail address (or account id) and password");
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("https://exchange.example.org/problems/" + (status == HttpStatus.UNAUTHORIZED
                ? "unauthorized" : "too-many-attempts")));
        if (failure instanceof TooManyAttemptsException tooMany) {
            response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"exchange\", charset=\"UTF-8\"");
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(), "title",
                problem.getTitle(), "status", status.value(), "detail", problem.getDetail()));
    }
}
