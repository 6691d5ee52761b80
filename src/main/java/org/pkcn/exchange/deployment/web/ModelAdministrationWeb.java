package org.pkcn.exchange.deployment.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.pkcn.exchange.deployment.Redeployments;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the model administration: the page {@code /admin/models} and its API under {@code /admin/api/models}, both
 * behind {@link AdministratorsOnly}; and the Modeler's deployment request through the same code
 * ({@link ModelerDeployment}), and the engine's own redeploy as a validated roll back ({@link RestRedeployment}).
 */
@Configuration(proxyBeanMethods = false)
class ModelAdministrationWeb implements WebMvcConfigurer {

    static final String PAGE = "/admin/models";

    @Bean
    FilterRegistrationBean<AdministratorsOnly> administratorsOnly(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new AdministratorsOnly(identityService));
        registration.setName("model-administration-authentication");
        registration.addUrlPatterns(PAGE, PAGE + "/*", "/admin/api/models", "/admin/api/models/*");
        return registration;
    }

    @Bean
    ResourceConfigCustomizer modelerDeployment(Redeployments redeployments, IdentityService identityService,
            RepositoryService repositoryService) {
        return config -> config.register(new ModelerDeployment(redeployments, identityService, repositoryService))
                .register(new ModelerDeployment.OfNamedEngine(redeployments, identityService, repositoryService))
                .register(new RestRedeployment(redeployments, identityService, repositoryService));
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(PAGE).setViewName("forward:" + PAGE + "/index.html");
    }
}
