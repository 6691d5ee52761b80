package org.pkcn.exchange.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, from configuration: {@code EXCHANGE_ADMIN_ID} (default {@code admin}),
 * {@code EXCHANGE_ADMIN_PASSWORD} (required outside the demo default), {@code EXCHANGE_ADMIN_EMAIL}.
 */
@ConfigurationProperties("exchange.admin")
record AdministratorProperties(String id, String password, String email) {

    AdministratorProperties {
        id = id == null || id.isBlank() ? "admin" : id.strip();
        email = email == null ? "" : email.strip();
    }

    @Override
    public String toString() {
        return "AdministratorProperties[id=" + id + ", password=(hidden), email=" + email + "]";
    }
}
