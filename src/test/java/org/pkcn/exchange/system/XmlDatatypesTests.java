package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

/** Naming the JDK's own XML datatype factory changes nothing but the time its lookup takes. */
class XmlDatatypesTests {

    @Test
    void noLibraryBringsAnotherFactory_soTheJdkWouldChooseItsOwnAnyway() {
        assertThat(ServiceLoader.load(DatatypeFactory.class).stream().map(ServiceLoader.Provider::type))
                .as("a provider on the class path, which naming the JDK's own now overrides: decide which to use")
                .isEmpty();
        assertThat(DatatypeFactory.newDefaultInstance().getClass().getName()).isEqualTo(XmlDatatypes.JDK_OWN);
    }

    @Test
    void withTheFactoryNamed_theEngineGetsTheSameFactory_andAnOperatorsChoiceIsKept() throws Exception {
        String before = System.getProperty(XmlDatatypes.PROPERTY);
        try {
            System.clearProperty(XmlDatatypes.PROPERTY);
            XmlDatatypes.useTheJdksOwn();
            assertThat(System.getProperty(XmlDatatypes.PROPERTY)).isEqualTo(XmlDatatypes.JDK_OWN);
            assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(XmlDatatypes.JDK_OWN);
            assertThat(DatatypeFactory.newInstance().newDuration("P10D").getDays()).isEqualTo(10);

            System.setProperty(XmlDatatypes.PROPERTY, "org.example.OperatorsFactory");
            XmlDatatypes.useTheJdksOwn();
            assertThat(System.getProperty(XmlDatatypes.PROPERTY)).isEqualTo("org.example.OperatorsFactory");
        } finally {
            if (before == null) {
                System.clearProperty(XmlDatatypes.PROPERTY);
            } else {
                System.setProperty(XmlDatatypes.PROPERTY, before);
            }
        }
    }
}
