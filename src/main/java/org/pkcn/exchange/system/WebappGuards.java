package org.pkcn.exchange.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Guards in front of the engine's REST API, the Camunda webapps and every page, ahead of everything else. */
@Configuration(proxyBeanMethods = false)
class WebappGuards {

    @Bean
    FilterRegistrationBean<SetupEndpointGuard> setupEndpointGuard() {
        var registration = new FilterRegistrationBean<>(new SetupEndpointGuard());
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecureCookiesOverHttps> secureCookiesOverHttps() {
        var registration = new FilterRegistrationBean<>(new SecureCookiesOverHttps());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OneTaskChangeAtATime> oneTaskChangeAtATime() {
        var registration = new FilterRegistrationBean<>(new OneTaskChangeAtATime());
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
        var registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
