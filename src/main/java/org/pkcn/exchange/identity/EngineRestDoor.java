package org.pkcn.exchange.identity;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link EngineRestSignIn} before the engine's REST API, and before nothing else. */
@Configuration(proxyBeanMethods = false)
class EngineRestDoor {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication(EngineAccountAuthentication accounts,
            IdentityService identities) {
        var registration = new FilterRegistrationBean<Filter>(new EngineRestSignIn(accounts, identities));
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
