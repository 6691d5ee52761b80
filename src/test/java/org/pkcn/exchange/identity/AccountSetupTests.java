package org.pkcn.exchange.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.system.ClusterLock;
import org.springframework.beans.factory.annotation.Autowired;

/** The first administrator comes from configuration, and outside the demo default only with a strong password. */
@ExchangeTest
class AccountSetupTests {

    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired ClusterLock clusterLock;

    private AccountSetup outsideTheDemo(String id, String password) {
        return new AccountSetup(identityService, authorizationService, new AdministratorProperties(id,
                password, "ops@stza.example.org"), false, clusterLock);
    }

    @Test
    void withoutAnAdministratorPassword_startUpIsRefusedSayingWhatToSet() {
        assertThatThrownBy(() -> outsideTheDemo("unset-admin", null).setUp())
                .hasMessageContaining("Set EXCHANGE_ADMIN_PASSWORD");
        assertThat(identityService.createUserQuery().userId("unset-admin").count()).isZero();
    }

    @Test
    void aWeakOrDefaultPassword_isRefused() {
        for (String weak : new String[] {"demo", "short-pw", "WEAK-ADMIN-ACCOUNT", "password"}) {
            assertThatThrownBy(() -> outsideTheDemo("weak-admin-account", weak).setUp()).as(weak)
                    .hasMessageContaining("too weak");
        }
        assertThat(identityService.createUserQuery().userId("weak-admin-account").count()).isZero();
    }

    @Test
    void theConfiguredAdministrator_isCreatedAsADirectMemberOfCamundaAdmin() {
        outsideTheDemo("root-admin", "a-long-and-Secret-passphrase").setUp();

        assertThat(identityService.createUserQuery().userId("root-admin").memberOfGroup("camunda-admin").count())
                .isOne();
        assertThat(identityService.checkPassword("root-admin", "a-long-and-Secret-passphrase")).isTrue();
    }

    @Test
    void theAdministratorsPassword_neverAppearsInItsSettingsText() {
        assertThat(new AdministratorProperties("admin", "s3cret-value-here", "").toString())
                .doesNotContain("s3cret");
    }
}
