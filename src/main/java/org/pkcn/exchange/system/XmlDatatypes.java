package org.pkcn.exchange.system;

import javax.xml.datatype.DatatypeFactory;

/**
 * Names the JDK's own {@link DatatypeFactory} as the one to use, as the JDK would choose it anyway (no library
 * here brings another; {@code XmlDatatypesTests} fails when one does). Why: the engine creates a new factory
 * for every timer it schedules (a review's due date and reminder, the revision window), and without the system
 * property each creation searches the class path for providers, every jar of the packaged application: 5 % of
 * a reviewed proposal's CPU in a profile. With it set, the JDK takes the named class and searches nothing.
 */
public final class XmlDatatypes {

    static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;
    static final String JDK_OWN = DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS;

    private XmlDatatypes() {
    }

    /** Sets the property, unless the operator has set it (to another implementation, on purpose). */
    public static void useTheJdksOwn() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, JDK_OWN);
        }
    }
}
