package org.pkcn.exchange.proposal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at /v3/api-docs, shown by Swagger UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI exchangeApi() {
        return new OpenAPI()
                .info(new Info().title("STZA–ZBRA exchange proposals API").version("1")
                        .description("Applicants submit and follow their technology-exchange proposals. Sign in "
                                + "with HTTP Basic: the portal account's e-mail address (or id) and password. "
                                + "Errors are RFC 9457 problem details naming each bad field."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
