package org.pkcn.exchange;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine is an adapter: the domain neither knows Camunda nor the servlet API. */
@AnalyzeClasses(packages = "org.pkcn.exchange", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule onlyProcessAdaptersTouchTheEngine = noClasses()
            .that().resideOutsideOfPackages("..process..", "..identity..", "..deployment..", "..system..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("the domain stays a plain library; the engine is reached through process adapters");

    @ArchTest
    static final ArchRule domainHasNoServletApi = noClasses()
            .that().resideInAnyPackage("..proposal", "..review", "..notification")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..");
}
