package org.pkcn.exchange;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application with the real engine and the job executor off, on an in-memory H2; the build runs
 * every test tagged {@value #DATABASE} a second time on PostgreSQL (see pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ExchangeTest.DATABASE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
public @interface ExchangeTest {

    /** Tests that touch the database: they run on H2 and again on PostgreSQL. */
    String DATABASE = "database";

    /** Tests that need PostgreSQL itself: they run only in the PostgreSQL run. */
    String POSTGRES_ONLY = "postgres-only";
}
